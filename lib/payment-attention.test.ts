import { describe, expect, it } from "vitest";
import { appTranslator } from "@/lib/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/document-page";
import { formatMoney } from "@/lib/money";
import { type PaymentAttention, paymentAttentionInEnglish, showPaymentAttention, wordPaymentAttention } from "./payment-attention";

const de = appTranslator(catalogs, "de");
const germanMoney = (minor: number, currency: string) => formatMoney(minor, currency, "de-DE");

const mismatch: PaymentAttention = { code: "currency_mismatch", collected: 10_000, collectedCurrency: "USD", invoiceCurrency: "EUR" };
const feeOnly: PaymentAttention = { code: "fee_not_covered", collected: 150, currency: "EUR" };
const voided: PaymentAttention = { code: "invoice_not_payable", collected: 10_000, currency: "EUR", status: "void" };
const draft: PaymentAttention = { code: "invoice_not_payable", collected: 10_000, currency: "EUR", status: "draft" };
const creditNote: PaymentAttention = { code: "invoice_not_payable", collected: 10_000, currency: "EUR", status: "issued" };
const feeInvoice: PaymentAttention = { code: "fee_invoice_not_issued", fee: 357, feeTax: 57, currency: "EUR" };

describe("Stripe payment attention notes", () => {
  it("are stored in the English they always had", () => {
    expect(paymentAttentionInEnglish(mismatch)).toBe("Currency mismatch: Stripe collected $100.00, the invoice is in EUR. Nothing was recorded; refund it in Stripe or record the payment by hand.");
    expect(paymentAttentionInEnglish(feeOnly)).toBe("Stripe collected €1.50, no more than the fee. Nothing was recorded.");
    expect(paymentAttentionInEnglish(voided)).toBe("Stripe collected €100.00 but the invoice is void. Nothing was recorded; refund it in Stripe.");
    expect(paymentAttentionInEnglish(feeInvoice)).toBe("The payment fee of €3.57 was collected but its invoice was not issued: its tax rate no longer gives €0.57 of tax. Issue it by hand.");
  });

  it("are worded in German on a German screen, with German amounts", () => {
    // Intl writes a narrow no-break space before the euro sign in de-DE.
    const text = (detail: PaymentAttention) => wordPaymentAttention(detail, de, germanMoney).replace(/\u00a0/g, " ");
    expect(text(mismatch)).toBe("Abweichende Währung: Stripe hat 100,00 $ eingezogen, die Rechnung lautet auf EUR. Es wurde nichts erfasst; erstatten Sie den Betrag in Stripe oder erfassen Sie die Zahlung von Hand.");
    expect(text(feeOnly)).toBe("Stripe hat 1,50 € eingezogen, nicht mehr als die Gebühr. Es wurde nichts erfasst.");
    expect(text(voided)).toBe("Stripe hat 100,00 € eingezogen, aber die Rechnung ist storniert. Es wurde nichts erfasst; erstatten Sie den Betrag in Stripe.");
    expect(text(draft)).toBe("Stripe hat 100,00 € eingezogen, aber die Rechnung ist ein Entwurf. Es wurde nichts erfasst; erstatten Sie den Betrag in Stripe.");
    expect(text(creditNote)).toBe("Stripe hat 100,00 € eingezogen, aber die Rechnung ist nicht mehr zahlbar. Es wurde nichts erfasst; erstatten Sie den Betrag in Stripe.");
    expect(text(feeInvoice)).toBe("Die Zahlungsgebühr von 3,57 € wurde eingezogen, ihre Rechnung aber nicht ausgestellt: Der Steuersatz ergibt nicht mehr 0,57 € Steuer. Stellen Sie die Gebührenrechnung von Hand aus.");
  });

  it("show a row flagged before the detail was kept as it was stored", () => {
    expect(showPaymentAttention({ attention: "Stripe collected €5.00, no more than the fee. Nothing was recorded.", attentionDetail: null }, de, germanMoney)).toBe("Stripe collected €5.00, no more than the fee. Nothing was recorded.");
  });
});
