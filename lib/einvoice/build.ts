// Placeholder until helper D1's branch is merged (signature from the brief).
import type { EInvoice, EInvoiceFormat, EInvoiceSource } from "./model";
export function buildEInvoice(_source: EInvoiceSource, _format: EInvoiceFormat): EInvoice {
  throw new Error("buildEInvoice: not merged yet");
}
