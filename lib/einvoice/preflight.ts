// Placeholder until helper D1's branch is merged (signature from the brief).
import type { EInvoiceFormat, EInvoiceSource } from "./model";
export type PreflightProblem = {
  term: string;
  message: string;
  field: { scope: "organization" | "customer" | "document" | "taxRate" | "line"; name: string; lineNumber?: number; taxRateId?: string };
};
export function preflight(_source: EInvoiceSource, _format: EInvoiceFormat): PreflightProblem[] {
  return [];
}
