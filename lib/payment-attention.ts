/**
 * Why an online payment needs its owner (Stripe collected money the ledger could not record), as
 * data: stored beside the English sentence (online_payments.attention_detail and .attention) and
 * worded on the invoice page in the reader's language. The English sentence stays readable in the
 * database and for rows from before the detail was kept (shown as stored).
 */
import type { PaymentAttention } from "@/db/schema";
import type { DocumentPageKey } from "@/lib/i18n/catalogs/app/document-page";
import { catalogs } from "@/lib/i18n/catalogs/app/document-page";
import { appTranslator } from "@/lib/i18n/app-language";
import type { Translate } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money";

type Money = (minor: number, currency: string) => string;

/** The sentence for the owner: what happened and what to do. */
export function wordPaymentAttention(detail: PaymentAttention, t: Translate<DocumentPageKey>, money: Money): string {
  switch (detail.code) {
    case "currency_mismatch":
      return t("flags.attention.currencyMismatch", { collected: money(detail.collected, detail.collectedCurrency), currency: detail.invoiceCurrency });
    case "fee_not_covered":
      return t("flags.attention.feeNotCovered", { collected: money(detail.collected, detail.currency) });
    case "invoice_not_payable":
      return t("flags.attention.invoiceNotPayable", { collected: money(detail.collected, detail.currency), status: detail.status });
    case "fee_invoice_not_issued":
      return t("flags.attention.feeInvoiceNotIssued", { fee: money(detail.fee, detail.currency), tax: money(detail.feeTax, detail.currency) });
  }
}

export type { PaymentAttention };

const english = appTranslator(catalogs, "en");

/** What is stored in `attention`: the English sentence, amounts as formatMoney writes them without a locale. */
export const paymentAttentionInEnglish = (detail: PaymentAttention): string => wordPaymentAttention(detail, english, (minor, currency) => formatMoney(minor, currency));

/** What the invoice page shows for one flagged payment: worded from its detail, else the sentence as stored. */
export function showPaymentAttention(row: { attention: string | null; attentionDetail: PaymentAttention | null }, t: Translate<DocumentPageKey>, money: Money): string {
  return row.attentionDetail ? wordPaymentAttention(row.attentionDetail, t, money) : (row.attention ?? "");
}
