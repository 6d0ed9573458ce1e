/** "INV-2026/0001" → "INV-2026-0001.pdf"; drafts are "draft.pdf". Only [A-Za-z0-9._-] survive, so the header can't be broken. */
export function pdfFileName(number: string | null | undefined): string {
  const base = (number ?? "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 100);
  return `${base || "draft"}.pdf`;
}

/** The e-invoice XML beside it: "INV-2026/0001" → "INV-2026-0001.xml". */
export const xmlFileName = (number: string | null | undefined): string => pdfFileName(number).replace(/\.pdf$/, ".xml");
