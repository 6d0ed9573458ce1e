// Placeholder until helper B's branch is merged.
import type { EInvoice } from "./model";
export function toUbl(_invoice: EInvoice): string {
  throw new Error("toUbl: not merged yet");
}
