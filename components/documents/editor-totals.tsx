import { computeDocument, type DocumentTotals, parseMoney, parseQuantity, rateToString } from "@/lib/money";
import { type DocumentFormValues, toDiscount } from "@/lib/validation/documents";
import type { EditorTaxRate } from "./editor-types";

/**
 * The live preview runs lib/money.ts on what is typed — the same function the server runs when
 * saving — so the totals shown here are the totals that get stored, to the cent. Lines that are
 * not valid yet are left out of the preview (their fields show an error instead).
 */
export function previewTotals(values: DocumentFormValues, taxes: Map<string, EditorTaxRate>, rounding: "line" | "document"): DocumentTotals | null {
  try {
    const currency = values.currency;
    let discount = null;
    try {
      discount = toDiscount(values.discountType, values.discountValue, currency);
    } catch {
      discount = null;
    }
    const lines = (values.lines ?? []).flatMap((l) => {
      try {
        let lineDiscount = null;
        try {
          lineDiscount = toDiscount(l.discountType, l.discountValue, currency);
        } catch {
          lineDiscount = null;
        }
        return [{ quantityE4: parseQuantity(l.quantity), unitPrice: parseMoney(l.unitPrice || "0", currency), discount: lineDiscount, taxes: l.taxRateIds.flatMap((id) => (taxes.has(id) ? [taxes.get(id)!] : [])) }];
      } catch {
        return [{ quantityE4: 0, unitPrice: 0, discount: null, taxes: [] }];
      }
    });
    return computeDocument({ currency, rounding, discount, lines });
  } catch {
    return null;
  }
}

/** The totals box beside the notes: subtotal, discounts, the tax breakdown and the total, as previewTotals computed them. */
export function EditorTotals({ totals, money }: { totals: DocumentTotals | null; money: (minor: number) => string }) {
  return (
    <section aria-labelledby="totals-heading" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="totals-heading" className="mb-4 text-base font-semibold">
        Totals
      </h2>
      {totals ? (
        <dl className="space-y-2 text-sm tabular-nums" aria-live="polite">
          <div className="flex justify-between">
            <dt>Subtotal</dt>
            <dd data-testid="subtotal">{money(totals.subtotal)}</dd>
          </div>
          {totals.discountTotal ? (
            <div className="flex justify-between">
              <dt>Discounts</dt>
              <dd data-testid="discount-total">−{money(totals.discountTotal)}</dd>
            </div>
          ) : null}
          {totals.taxes.map((t) => (
            <div key={t.taxId} className="flex justify-between">
              <dt>
                {t.name} {rateToString(t.rateE4)}% {t.inclusive ? "(included)" : ""} on {money(t.base)}
              </dt>
              <dd>{money(t.amount)}</dd>
            </div>
          ))}
          <div className="flex justify-between border-t border-slate-200 pt-2 text-base font-semibold">
            <dt>Total</dt>
            <dd data-testid="total">{money(totals.total)}</dd>
          </div>
        </dl>
      ) : (
        <p className="text-sm text-slate-700">Totals appear as you fill in the lines.</p>
      )}
    </section>
  );
}
