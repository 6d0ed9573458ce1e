// Placeholder until helper C's branch is merged.
import type { EInvoice } from "./model";
export function toCii(_invoice: EInvoice): string {
  throw new Error("toCii: not merged yet");
}
