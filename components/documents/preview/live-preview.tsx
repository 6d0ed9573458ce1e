"use client";

import { memo, useDeferredValue, useEffect, useMemo, useState } from "react";
import type { Rounding } from "@/lib/money";
import type { DocumentFormValues } from "@/lib/validation/documents";
import type { PdfOrganization, PdfParty } from "@/pdf/types";
import type { EditorCustomer, EditorTaxRate } from "../editor-types";
import { DocumentPreview } from "./document-preview";
import { type PreviewContext, previewData } from "./draft-data";

/** How long typing must pause before the preview follows: keystrokes never wait for it. */
export const PREVIEW_DELAY_MS = 200;

export type PreviewSource = { org: PdfOrganization; logoUrl: string | null; sourceNumber?: string | null };

/** The value once it has stopped changing for `delay` ms. */
function useSettled<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

// Re-rendered only when the data changes, not on each keystroke of the form around it.
const Preview = memo(DocumentPreview);

/**
 * The editor's live preview: the form's values, once typing pauses, as the client will receive the
 * document. The rendering is deferred (useDeferredValue): React draws it at low priority and drops
 * it for a newer keystroke, so typing stays as fast as without the preview.
 */
export function LivePreview({
  values,
  source,
  customers,
  taxRates,
  rounding,
  pending,
}: {
  /** Shown while the totals can't be computed, in the app language. */
  pending: string;
  values: DocumentFormValues;
  source: PreviewSource;
  customers: EditorCustomer[];
  taxRates: EditorTaxRate[];
  rounding: Rounding;
}) {
  const settled = useDeferredValue(useSettled(values, PREVIEW_DELAY_MS));
  const context = useMemo<PreviewContext>(
    () => ({
      org: source.org,
      logoUrl: source.logoUrl,
      sourceNumber: source.sourceNumber ?? null,
      documentId: values.id,
      rounding,
      // The customer's language goes with its details: the preview is written in it unless the form overrides it.
      parties: new Map(customers.map((c): [string, PdfParty] => [c.id, { ...(c.party ?? { name: c.name, email: null, addressLines: [], taxId: null }), language: c.language }])),
      taxes: new Map(taxRates.map((t) => [t.id, { ...t, vatCategory: t.vatCategory ?? "S" }])),
    }),
    [source, customers, taxRates, rounding, values.id],
  );
  const data = useMemo(() => previewData(settled, context), [settled, context]);
  return data ? <Preview data={data} /> : <p className="p-6 text-sm text-slate-700">{pending}</p>;
}
