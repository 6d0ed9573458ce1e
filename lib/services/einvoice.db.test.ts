/**
 * Issuing with an e-invoice (lib/services/einvoice.ts): the XML made, validated against the
 * official rules and stored in the issuing transaction; a refusal leaves the draft as it was; fees
 * the app issues by itself go out without one and say why; Factur-X PDFs carry their CII.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedCheckMessages } from "@/lib/einvoice/check-words";
import type { Db, DbHandle } from "@/db";
import { documentEinvoices, documentEvents, documents, lateFees, reminderSettings } from "@/db/schema";
import { createCreditNote, issueDocument } from "@/lib/data/documents/lifecycle";
import { saveDraft } from "@/lib/data/documents/drafts";
import { setQuoteOutcome } from "@/lib/data/documents/quotes";
import { validateEInvoice } from "@/lib/einvoice/validate";
import { attachedFile } from "@/tests/support/pdf-attachments";
import { germanDraft, germanSetup, LEITWEG_ID, updateCustomerRow } from "@/tests/support/german-einvoice";
import { createTestDb } from "@/tests/support/test-db";
import { documentPdf } from "./document-pdf";
import { checkEInvoice, einvoiceForDepositOf, issueWithEInvoice, resolveFormat } from "./einvoice";
import { saveLateFeeForm } from "./late-fees";
import { queueDueReminders } from "./reminders";

let handle: DbHandle;
let db: Db;
let setup: Awaited<ReturnType<typeof germanSetup>>;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  setup = await germanSetup(db);
});
afterAll(async () => {
  await handle?.close();
});

const storedXml = async (documentId: string) => db.select().from(documentEinvoices).where(eq(documentEinvoices.documentId, documentId));
const docRow = async (documentId: string) => (await db.select().from(documents).where(eq(documents.id, documentId)))[0]!;
const eventsOf = (documentId: string, type: string) =>
  db.select().from(documentEvents).where(and(eq(documentEvents.documentId, documentId), eq(documentEvents.type, type)));

describe("resolveFormat", () => {
  it("takes the customer's choice, else the organisation's; none is no e-invoice", () => {
    expect(resolveFormat({ einvoiceFormat: "xrechnung-ubl" }, { einvoiceFormat: null })).toBe("xrechnung-ubl");
    expect(resolveFormat({ einvoiceFormat: "xrechnung-ubl" }, { einvoiceFormat: "factur-x" })).toBe("factur-x");
    expect(resolveFormat({ einvoiceFormat: "xrechnung-ubl" }, { einvoiceFormat: "none" })).toBeNull();
    expect(resolveFormat({ einvoiceFormat: "none" }, null)).toBeNull();
  });
});

describe("issueWithEInvoice", () => {
  it("issues the German invoice with XRechnung UBL that passes every official rule, payable 1,051.63", async () => {
    const draft = await germanDraft(db, setup.member, setup);
    expect(await checkEInvoice(setup.member, draft.id)).toEqual({ format: "xrechnung-ubl", problems: [] });

    const issued = await issueWithEInvoice(setup.member, draft.id);
    expect(issued).toMatchObject({ status: "issued", einvoiceFormat: "xrechnung-ubl" });
    // 850.00 + 161.50 (19 %) + 37.50 + 2.63 (7 % of 37.50 = 2.625) = 1,051.63.
    expect((await docRow(draft.id)).total).toBe(105_163);

    const rows = await storedXml(draft.id);
    expect(rows.map((r) => r.format)).toEqual(["xrechnung-ubl"]);
    const xml = rows[0]!.xml;
    expect(xml).toContain(`<cbc:PayableAmount currencyID="EUR">1051.63</cbc:PayableAmount>`);
    expect(xml).toContain(`<cbc:BuyerReference>${LEITWEG_ID}</cbc:BuyerReference>`);
    expect(xml).toContain(`<cbc:ID>${issued.number}</cbc:ID>`);
    const result = await validateEInvoice(xml, { xrechnung: true });
    expect(result.schemaErrors).toEqual([]);
    expect(result.failedAsserts).toEqual([]);
  });

  it("refuses without the buyer reference (BT-10): the document stays a draft with no number and no XML", async () => {
    await updateCustomerRow(db, setup.org.id, setup.customer.id, { buyerReference: null });
    try {
      const draft = await germanDraft(db, setup.member, setup);
      const check = await checkEInvoice(setup.member, draft.id);
      expect(check.problems.map((p) => p.term)).toContain("BT-10");

      const refusal = issueWithEInvoice(setup.member, draft.id);
      await expect(refusal).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(refusal).rejects.toThrow(/can't be issued as XRechnung 3\.0 \(UBL\)/);
      const message = (await refusal.catch((e: Error) => e.message)) as string;
      expect(message).toContain(check.problems.find((p) => p.term === "BT-10")!.message);

      expect(await docRow(draft.id)).toMatchObject({ status: "draft", number: null, einvoiceFormat: null });
      expect(await storedXml(draft.id)).toEqual([]);
    } finally {
      await updateCustomerRow(db, setup.org.id, setup.customer.id, { buyerReference: LEITWEG_ID });
    }
  });

  it("a credit note is a UBL CreditNote that names the invoice it corrects (BT-25) and passes the rules", async () => {
    const invoice = await issueWithEInvoice(setup.member, (await germanDraft(db, setup.member, setup)).id);
    const credit = await createCreditNote(setup.member, invoice.id);
    const issued = await issueWithEInvoice(setup.member, credit.id);
    expect(issued).toMatchObject({ kind: "credit_note", status: "issued", einvoiceFormat: "xrechnung-ubl" });

    const xml = (await storedXml(credit.id))[0]!.xml;
    expect(xml).toMatch(/<CreditNote\b/);
    expect(xml).toMatch(new RegExp(`<cac:BillingReference>\\s*<cac:InvoiceDocumentReference>\\s*<cbc:ID>${invoice.number}</cbc:ID>`));
    const result = await validateEInvoice(xml, { xrechnung: true });
    expect(result.schemaErrors).toEqual([]);
    expect(result.failedAsserts).toEqual([]);
  });

  it("best effort (a late fee the app issues by itself): issued without an e-invoice, the reason on its timeline", async () => {
    // The buyer reference is missing, so the fee can't be an XRechnung; it is owed all the same.
    await updateCustomerRow(db, setup.org.id, setup.customer.id, { buyerReference: null });
    try {
      await db.insert(reminderSettings).values({ orgId: setup.org.id, enabled: true, steps: [0, 7] });
      await saveLateFeeForm(setup.owner, { enabled: true, feeType: "amount", rate: "", amount: "40", currency: "EUR", taxRateId: "" });
      // The overdue invoice itself, issued without the gate (as before e-invoicing was turned on).
      const overdue = await saveDraft(setup.member, {
        kind: "invoice",
        customerId: setup.customer.id,
        currency: "EUR",
        issueDate: "2026-05-01",
        dueDate: "2026-06-08",
        lines: [{ description: "Old work", quantityE4: 10_000, unitPrice: 100_000, taxRateIds: [] }],
      });
      await issueDocument(setup.member, overdue.id);

      expect((await queueDueReminders(new Date("2026-06-15T12:00:00Z"))).queued).toBe(1);
      const [fee] = await db.select().from(lateFees).where(eq(lateFees.documentId, overdue.id));
      const feeRow = await docRow(fee!.feeDocumentId);
      expect(feeRow).toMatchObject({ status: "issued", total: 4_000, einvoiceFormat: null });
      expect(await storedXml(feeRow.id)).toEqual([]);
      const [skipped, ...more] = await eventsOf(feeRow.id, "einvoice_skipped");
      expect(more).toEqual([]);
      expect(skipped!.meta).toMatchObject({ format: "xrechnung-ubl" });
      expect(JSON.stringify(skipped!.meta)).toMatch(/BT-10|[Bb]uyer reference/);
      // The English reasons as stored, and the same as data, which the timeline words in the reader's language.
      expect(skipped!.meta).toMatchObject({
        reasons: [
          "Buyer reference (Leitweg-ID) is required for XRechnung.",
          "A delivery date or service period is required for XRechnung (actual delivery date or invoicing period, BR-DE-TMP-32).",
          "Line 1 has no VAT rate; an e-invoice carries one per line (use a 0% or exempt rate where no VAT is charged).",
        ],
        checks: [{ code: "leitwegId" }, { code: "deliveryDateXRechnung" }, { code: "lineNoVat", values: { line: 1 } }],
      });
      expect(storedCheckMessages((skipped!.meta as { checks: unknown }).checks, "de")).toEqual([
        "Für XRechnung ist die Käuferreferenz (Leitweg-ID) erforderlich.",
        "Für XRechnung ist ein Lieferdatum oder ein Leistungszeitraum erforderlich (tatsächliches Lieferdatum oder Abrechnungszeitraum, BR-DE-TMP-32).",
        "Position 1 hat keinen Umsatzsteuersatz; eine E-Rechnung enthält genau einen je Position (verwenden Sie einen Satz von 0 % oder einen steuerbefreiten Satz, wo keine Umsatzsteuer anfällt).",
      ]);
    } finally {
      await updateCustomerRow(db, setup.org.id, setup.customer.id, { buyerReference: LEITWEG_ID });
    }
  });

  it("Factur-X: the PDF carries factur-x.xml, the CII stored at issue, and is stored so the next download reuses it", async () => {
    await updateCustomerRow(db, setup.org.id, setup.customer.id, { einvoiceFormat: "factur-x" });
    try {
      const draft = await germanDraft(db, setup.member, setup);
      const issued = await issueWithEInvoice(setup.member, draft.id);
      expect(issued.einvoiceFormat).toBe("factur-x");
      const cii = (await storedXml(draft.id))[0]!;
      expect(cii.format).toBe("factur-x");
      expect(cii.xml).toContain("CrossIndustryInvoice");
      const ciiResult = await validateEInvoice(cii.xml);
      expect(ciiResult.schemaErrors).toEqual([]);
      expect(ciiResult.failedAsserts).toEqual([]);

      const first = await documentPdf(setup.member, draft.id);
      expect(first!.cached).toBe(false);
      expect(await attachedFile(first!.bytes, "factur-x.xml")).toBe(cii.xml);
      const again = await documentPdf(setup.member, draft.id);
      expect(again!.cached).toBe(true);
      expect(Buffer.compare(again!.bytes, first!.bytes)).toBe(0);
    } finally {
      await updateCustomerRow(db, setup.org.id, setup.customer.id, { einvoiceFormat: null });
    }
  });

  it("a quote's deposit invoice, issued on acceptance, gets its e-invoice afterwards, or the reason it has none", async () => {
    const acceptedQuote = async () => {
      const quote = await saveDraft(setup.member, {
        kind: "quote",
        customerId: setup.customer.id,
        currency: "EUR",
        issueDate: "2026-12-01",
        dueDate: "2026-12-31",
        deposit: { type: "percent", rateE4: 300_000 },
        lines: [{ description: "Website", quantityE4: 10_000, unitPrice: 100_000, taxRateIds: [setup.standard.id] }],
      });
      await issueWithEInvoice(setup.member, quote.id);
      expect(await storedXml(quote.id)).toEqual([]);
      await setQuoteOutcome(setup.member, quote.id, "accepted");
      const [deposit] = await db.select().from(documents).where(eq(documents.depositForDocumentId, quote.id));
      expect(deposit).toMatchObject({ status: "issued", einvoiceFormat: null });
      await einvoiceForDepositOf(setup.org.id, quote.id);
      return deposit!;
    };

    // Peppol BIS: made and stored. 30 % of 1,190.00 (1,000.00 + 19 % VAT) = 357.00.
    await updateCustomerRow(db, setup.org.id, setup.customer.id, { einvoiceFormat: "peppol-bis" });
    try {
      const deposit = await acceptedQuote();
      expect(await docRow(deposit.id)).toMatchObject({ einvoiceFormat: "peppol-bis", total: 35_700 });
      const xml = (await storedXml(deposit.id))[0]!.xml;
      expect(xml).toContain(`<cbc:PayableAmount currencyID="EUR">357.00</cbc:PayableAmount>`);
      const result = await validateEInvoice(xml);
      expect(result.schemaErrors).toEqual([]);
      expect(result.failedAsserts).toEqual([]);
    } finally {
      await updateCustomerRow(db, setup.org.id, setup.customer.id, { einvoiceFormat: null });
    }

    // XRechnung: a deposit has no delivery date (paid before the supply, § 14 (4) 6 UStG); XRechnung
    // only informs about it (BR-DE-TMP-32), so the deposit gets its XRechnung with that one note.
    const deposit = await acceptedQuote();
    expect(await docRow(deposit.id)).toMatchObject({ einvoiceFormat: "xrechnung-ubl" });
    const xrechnung = await validateEInvoice((await storedXml(deposit.id))[0]!.xml, { xrechnung: true });
    expect(xrechnung.schemaErrors).toEqual([]);
    expect(xrechnung.failedAsserts.map((f) => [f.id, f.flag])).toEqual([["BR-DE-TMP-32", "information"]]);
  });

  it("an organisation without a format issues as before: no XML, no format recorded", async () => {
    const plain = await germanSetup(db, "Einvoice-none");
    await updateCustomerRow(db, plain.org.id, plain.customer.id, { einvoiceFormat: "none" });
    const draft = await germanDraft(db, plain.member, plain);
    expect(await checkEInvoice(plain.member, draft.id)).toEqual({ format: null, problems: [] });
    const issued = await issueWithEInvoice(plain.member, draft.id);
    expect(issued).toMatchObject({ status: "issued" });
    expect((await docRow(draft.id)).einvoiceFormat).toBeNull();
    expect(await storedXml(draft.id)).toEqual([]);
  });
});
