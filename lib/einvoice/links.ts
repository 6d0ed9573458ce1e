/**
 * Where the document page sends a user to fix a pre-flight problem, and the words of the download
 * buttons. Pure: the route computes these, components only show them.
 */
import type { EInvoiceFormat } from "./codes";
import type { PreflightProblem } from "./preflight";

/** The XML download's button text per format (Factur-X's XML is also inside its PDF). */
export const DOWNLOAD_LABELS: Record<EInvoiceFormat, string> = {
  "xrechnung-ubl": "XRechnung (UBL)",
  "xrechnung-cii": "XRechnung (CII)",
  "peppol-bis": "Peppol BIS (UBL)",
  "factur-x": "Factur-X XML (CII)",
};

/** Form field ids are the field names ; a fragment only ever carries [A-Za-z0-9_-]. */
const fragment = (name: string) => `#${encodeURIComponent(name.replace(/[^A-Za-z0-9_-]/g, "-"))}`;

export type ProblemPlace = { documentPath: string; documentId: string; customerId: string };

/** The page (and field) a problem is fixed on: settings, the customer's form, tax rates, or the editor. */
export function problemHref(problem: Pick<PreflightProblem, "field">, place: ProblemPlace): string {
  const { field } = problem;
  switch (field.scope) {
    case "organization":
      return `/settings${fragment(field.name)}`;
    case "customer":
      return `/customers/${place.customerId}/edit${fragment(field.name)}`;
    case "taxRate":
      return "/settings/taxes";
    case "line":
      return `${place.documentPath}/${place.documentId}/edit${fragment("lines-heading")}`;
    case "document":
      return `${place.documentPath}/${place.documentId}/edit${fragment(field.name)}`;
  }
}
