/**
 * Deposit PDFs: the quote says what deposit it asks for, the deposit invoice is titled as one, and
 * the final invoice prints its "Less deposits paid" lines and the totals the page shows.
 * By hand: 10 × 120.00 at VAT 20% + 2 × 50.00 at VAT 5.5% = 1,545.50; 30% deposit = 463.65
 * (360.00 + 72.00 + 30.00 + 1.65); final 1,545.50 − 463.65 = 1,081.85.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { documents } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { recordPayment } from "@/lib/data/documents/payments";
import { convertQuote, setQuoteOutcome } from "@/lib/data/documents/quotes";
import { loadPdfData } from "@/lib/services/document-pdf";
import { issueInvoice } from "@/tests/support/documents";
import { createCustomer, createInvoicingOrg, createTaxRate, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { renderDocumentPdfBuffer } from "./render";
import { normalise, pdfText } from "./testing";

let handle: DbHandle;
let db: Db;
let member: Member;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ member } = await createInvoicingOrg(db, "DepositPdf", { locale: "en-US" }));
});
afterAll(async () => {
  await handle?.close();
});

const text = async (id: string) => normalise((await pdfText(await renderDocumentPdfBuffer(await loadPdfData(member, id)))).text);

describe("deposit PDFs", () => {
  it("quote, deposit invoice and final invoice print the deposit as the pages do", async () => {
    const customer = await createCustomer(db, member.orgId, { name: "Acme SARL" });
    const vat20 = await createTaxRate(db, member.orgId, { name: "VAT 20%", rateE4: 200_000 });
    const vat55 = await createTaxRate(db, member.orgId, { name: "VAT 5.5%", rateE4: 55_000 });
    const quote = await issueInvoice(db, member, {
      ...draftInput(customer.id, { description: "Design", quantityE4: 100_000, unitPrice: 12_000, taxRateIds: [vat20.id] }, { description: "Books", quantityE4: 20_000, unitPrice: 5_000, taxRateIds: [vat55.id] }),
      kind: "quote",
      deposit: { type: "percent", rateE4: 300_000 },
    });
    expect(await text(quote.id)).toContain("Deposit requested: 30% €463.65");

    await setQuoteOutcome(member, quote.id, "accepted");
    const [deposit] = await db.select().from(documents).where(and(eq(documents.orgId, member.orgId), eq(documents.depositForDocumentId, quote.id)));
    const depositPdf = await text(deposit!.id);
    expect(depositPdf).toContain("Deposit invoice");
    expect(depositPdf).toContain(`Deposit 30% on quote ${quote.number} (VAT 20%)`);
    expect(depositPdf).toContain("Total €463.65");

    await recordPayment(member, deposit!.id, { paidOn: deposit!.issueDate, amount: 46_365, method: "bank_transfer" });
    const final = await convertQuote(member, quote.id);
    const finalPdf = await text(final.id);
    expect(finalPdf).toContain("Less deposits paid");
    expect(finalPdf).toContain(`Deposit invoice ${deposit!.number} of ${deposit!.issueDate}, €463.65 (VAT 5.5%)`);
    expect(finalPdf).toContain("Total €1,081.85");
  });
});
