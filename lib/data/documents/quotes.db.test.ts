/**
 * Quotes: issue, accept or decline, convert into an invoice draft. Every call acts as a plain "member": documents.manage is all these need.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { type Customer, type TaxRate } from "@/db/schema";
import { expectAppError } from "@/tests/support/accounts";
import { copiedContent, issueInvoice, storedDocument } from "@/tests/support/documents";
import { createCustomer, createInvoicingOrg, createTaxRate, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "../context";
import { type DraftInput } from "./drafts";
import { convertQuote, setQuoteOutcome } from "./quotes";
import { getDocument } from "./read";

let handle: DbHandle;
let db: Db;
let member: Member;
let customer: Customer;
let vat: TaxRate;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ member } = await createInvoicingOrg(db, "Documents"));
  customer = await createCustomer(db, member.orgId, { name: "Acme GmbH" });
  vat = await createTaxRate(db, member.orgId, { name: "VAT 20%", rateE4: 200_000 });
});
afterAll(async () => {
  await handle?.close();
});

const stored = (id: string) => storedDocument(db, id);
const issuedInvoice = (input: DraftInput, as: Member = member) => issueInvoice(db, as, input);

describe("quotes", () => {
  it("issue → accept → convert into an invoice draft with the same lines and totals", async () => {
    const quote = await issuedInvoice({
      ...draftInput(customer.id, { quantityE4: 20_000, unitPrice: 4_999, taxRateIds: [vat.id] }, { unitPrice: 1_500, discount: { type: "amount", amount: 100 } }),
      kind: "quote",
      dueDate: "2026-04-10",
      discount: { type: "percent", rateE4: 25_000 },
    });
    expect(quote).toMatchObject({ kind: "quote", status: "sent", balance: 0 });
    await expectAppError(convertQuote(member, quote.id), "CONFLICT");

    expect(await setQuoteOutcome(member, quote.id, "accepted")).toMatchObject({ status: "accepted" });
    const invoice = await convertQuote(member, quote.id);
    expect(invoice).toMatchObject({ kind: "invoice", status: "draft", number: null, sourceDocumentId: quote.id, balance: quote.total });
    expect(copiedContent(await getDocument(member, invoice.id))).toEqual(copiedContent(await getDocument(member, quote.id)));

    const converted = await getDocument(member, quote.id);
    expect(converted.status).toBe("converted");
    expect(converted.events.map((e) => e.type)).toEqual(["created", "issued", "accepted", "converted"]);
    expect(converted.events.at(-1)?.meta).toMatchObject({ invoiceId: invoice.id });

    await expectAppError(setQuoteOutcome(member, quote.id, "declined"), "CONFLICT");
    await expectAppError(convertQuote(member, quote.id), "CONFLICT");
    expect((await stored(quote.id)).document?.status).toBe("converted");
  });

  it("a declined quote can't be converted", async () => {
    const quote = await issuedInvoice({ ...draftInput(customer.id, {}), kind: "quote" });
    await setQuoteOutcome(member, quote.id, "declined");
    await expectAppError(convertQuote(member, quote.id), "CONFLICT");
    await expectAppError(setQuoteOutcome(member, quote.id, "accepted"), "CONFLICT");
    expect((await stored(quote.id)).document?.status).toBe("declined");
  });
});
