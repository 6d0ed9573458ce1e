import { TotalsList } from "@/components/documents/totals-list";
import { summaryRows } from "@/lib/document-summary";
import { computeDocument, type Discount, type DocumentTotals, parseMoney, parseQuantity, planDeposit } from "@/lib/money";
import { type DocumentFormValues, toDiscount } from "@/lib/validation/documents";
import type { EditorTaxRate } from "./editor-types";
import { useAppLanguage, useAppMessages } from "@/components/i18n/app-language";
import { catalogs as editorCatalogs } from "@/lib/i18n/catalogs/app/editor";
import { documentMessages } from "@/lib/i18n/catalogs/document";

/**
 * The live preview runs lib/money.ts on what is typed — the same function the server runs when
 * saving — so the totals shown here are the totals that get stored, to the cent. Lines that are
 * not valid yet are left out of the preview (their fields show an error instead).
 */
export function previewTotals(values: DocumentFormValues, taxes: Map<string, EditorTaxRate>, rounding: "line" | "document"): DocumentTotals | null {
  try {
    const currency = values.currency;
    const discount = previewDiscount(values);
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

/** The deposit as typed so far and what it comes to, as saving will compute it (lib/money.ts planDeposit); 0 until valid. */
export function previewDeposit(values: DocumentFormValues, totals: DocumentTotals | null, taxes: Map<string, EditorTaxRate>, rounding: "line" | "document") {
  try {
    if (!totals || values.kind === "credit_note") return { deposit: null, amount: 0 };
    const deposit = toDiscount(values.depositType ?? "none", values.depositValue ?? "", values.currency);
    const lines = (values.lines ?? []).map((l, i) => ({ taxable: totals.lines[i]?.taxable ?? 0, taxes: l.taxRateIds.flatMap((id) => (taxes.has(id) ? [taxes.get(id)!] : [])) }));
    return { deposit, amount: planDeposit({ currency: values.currency, rounding, deposit, total: totals.total, lines }).total };
  } catch {
    return { deposit: null, amount: 0 };
  }
}

/** The document discount as typed so far; null until it is valid. */
export function previewDiscount(values: DocumentFormValues): Discount {
  try {
    return toDiscount(values.discountType, values.discountValue, values.currency);
  } catch {
    return null;
  }
}

/** The totals box beside the notes, in the rows the saved document shows (lib/document-summary.ts), as previewTotals computed them. */
export function EditorTotals({
  totals,
  discount,
  deposit,
  kind,
  money,
}: {
  totals: DocumentTotals | null;
  discount: Discount;
  deposit: { deposit: Discount; amount: number };
  kind: DocumentFormValues["kind"];
  money: (minor: number) => string;
}) {
  // The rows' names in the user's app language (the document catalog has them in German too).
  const language = useAppLanguage();
  const t = useAppMessages(editorCatalogs);
  return (
    <section aria-labelledby="totals-heading" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="totals-heading" className="mb-4 text-base font-semibold">
        {t("totals")}
      </h2>
      {totals ? (
        <div aria-live="polite">
          <TotalsList
            rows={summaryRows(
              {
                kind,
                status: "draft",
                lineAmountTotal: totals.lineAmountTotal,
                documentDiscount: totals.documentDiscountTotal,
                discountType: discount?.type ?? null,
                discountValue: discount?.type === "percent" ? discount.rateE4 : null,
                taxes: totals.taxes,
                total: totals.total,
                amountPaid: 0,
                amountCredited: 0,
                balance: totals.total,
                depositType: deposit.deposit?.type ?? null,
                depositValue: deposit.deposit?.type === "percent" ? deposit.deposit.rateE4 : null,
                depositAmount: deposit.amount,
              },
              money,
              documentMessages(language),
            )}
            testIds={{ subtotal: "subtotal", discount: "discount-total", total: "total" }}
          />
        </div>
      ) : (
        <p className="text-sm text-slate-700">{t("totalsEmpty")}</p>
      )}
    </section>
  );
}
