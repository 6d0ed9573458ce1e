/**
 * Document drafts: saveDraft stores exactly what lib/money.ts computes, issued documents are locked,
 * drafts are validated and deleted; isOverdue. Every call acts as a plain "member": documents.manage is all these need.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { type Customer, documentEvents, documentLines, documents, type TaxRate } from "@/db/schema";
import { computeDocument, type Rounding } from "@/lib/money";
import { expectAppError } from "@/tests/support/accounts";
import { addDays, countRows, issueInvoice, payment, storedDocument, today } from "@/tests/support/documents";
import { createCustomer, createInvoicingOrg, createTaxRate, draftInput, taxSnapshot } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "../context";
import { deleteDraft, type DraftInput, saveDraft } from "./drafts";
import { voidDocument } from "./lifecycle";
import { recordPayment } from "./payments";
import { getDocument } from "./read";
import { isOverdue } from "./shared";

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

const countAll = (table: Parameters<typeof countRows>[1]) => countRows(db, table);
const stored = (id: string) => storedDocument(db, id);
const issuedInvoice = (input: DraftInput, as: Member = member) => issueInvoice(db, as, input);

describe("saveDraft stores exactly what lib/money.ts computes", () => {
  /** Three lines, an exclusive, a compound and an inclusive rate, line discounts of both kinds and a document discount. */
  async function richDraft(orgMember: Member, documentDiscount: DraftInput["discount"]) {
    const rates = {
      vat: await createTaxRate(db, orgMember.orgId, { name: "GST 5%", rateE4: 50_000 }),
      compound: await createTaxRate(db, orgMember.orgId, { name: "QST 9.975% (compound)", rateE4: 99_750, compound: true }),
      inclusive: await createTaxRate(db, orgMember.orgId, { name: "Tourism 7% (incl.)", rateE4: 70_000, inclusive: true }),
    };
    const c = await createCustomer(db, orgMember.orgId);
    const input: DraftInput = {
      ...draftInput(
        c.id,
        { quantityE4: 25_000, unitPrice: 1_999, discount: { type: "percent", rateE4: 125_000 }, taxRateIds: [rates.vat.id, rates.compound.id] },
        { quantityE4: 10_000, unitPrice: 12_345, discount: { type: "amount", amount: 345 }, taxRateIds: [rates.vat.id] },
        { quantityE4: 33_333, unitPrice: 3_333, taxRateIds: [rates.inclusive.id, rates.compound.id] },
      ),
      discount: documentDiscount,
    };
    return { input, rates: new Map(Object.values(rates).map((r) => [r.id, r])) };
  }

  function expected(input: DraftInput, rounding: Rounding, rates: Map<string, TaxRate>) {
    return computeDocument({
      currency: input.currency,
      rounding,
      discount: input.discount,
      lines: input.lines.map((l) => ({ quantityE4: l.quantityE4, unitPrice: l.unitPrice, discount: l.discount, taxes: l.taxRateIds.map((id) => taxSnapshot(rates.get(id)!)) })),
    });
  }

  it.each([
    { rounding: "line" as const, discount: { type: "percent" as const, rateE4: 75_000 } },
    { rounding: "document" as const, discount: { type: "amount" as const, amount: 1_001 } },
  ])("with $rounding rounding and a $discount.type document discount", async ({ rounding, discount }) => {
    const org = await createInvoicingOrg(db, `Rounding ${rounding}`, { rounding });
    const { input, rates } = await richDraft(org.member, discount);
    const want = expected(input, rounding, rates);
    // The case is only worth something if every part of the computation is exercised.
    expect(want.lineDiscountTotal).toBeGreaterThan(0);
    expect(want.documentDiscountTotal).toBeGreaterThan(0);
    expect(want.taxes.map((t) => [t.inclusive, t.compound])).toEqual(
      expect.arrayContaining([
        [false, false],
        [false, true],
        [true, false],
      ]),
    );

    const draft = await saveDraft(org.member, input);
    const doc = await getDocument(org.member, draft.id);
    expect(doc).toMatchObject({ status: "draft", number: null, rounding, subtotal: want.subtotal, discountTotal: want.discountTotal, taxTotal: want.taxTotal, total: want.total, balance: want.total });
    expect(doc.lines).toHaveLength(3);
    doc.lines.forEach((line, i) => {
      const w = want.lines[i]!;
      expect({ position: line.position, net: line.net, discount: line.discount, taxable: line.taxable, tax: line.tax, total: line.total }).toEqual({
        position: i,
        net: w.net,
        discount: w.lineDiscount + w.documentDiscount,
        taxable: w.taxable,
        tax: w.tax,
        total: w.total,
      });
      expect(line.taxes).toEqual(input.lines[i]!.taxRateIds.map((id) => taxSnapshot(rates.get(id)!)));
    });
    expect(doc.taxes.map((t) => ({ taxId: t.taxId, name: t.name, rateE4: t.rateE4, inclusive: t.inclusive, compound: t.compound, base: t.base, amount: t.amount }))).toEqual(want.taxes);
    expect(doc.taxes.map((t) => t.position)).toEqual(want.taxes.map((_, i) => i));
  });

  it("matches a hand-computed invoice", async () => {
    // 1.5 × 9.99 = 14.985 → 14.99, VAT 2.998 → 3.00; 2 × 10.50 = 21.00 − 10% = 18.90, VAT 3.78.
    const draft = await saveDraft(
      member,
      draftInput(customer.id, { quantityE4: 15_000, unitPrice: 999, taxRateIds: [vat.id] }, { quantityE4: 20_000, unitPrice: 1_050, discount: { type: "percent", rateE4: 100_000 }, taxRateIds: [vat.id] }),
    );
    const doc = await getDocument(member, draft.id);
    expect(doc).toMatchObject({ subtotal: 3_599, discountTotal: 210, taxTotal: 678, total: 4_067, balance: 4_067 });
    expect(doc.lines.map((l) => [l.net, l.discount, l.taxable, l.tax, l.total])).toEqual([
      [1_499, 0, 1_499, 300, 1_799],
      [2_100, 210, 1_890, 378, 2_268],
    ]);
    expect(doc.taxes).toMatchObject([{ taxId: vat.id, base: 3_389, amount: 678 }]);
  });

  it("replaces the lines and taxes when a draft is saved again", async () => {
    const draft = await saveDraft(member, draftInput(customer.id, { unitPrice: 1_000, taxRateIds: [vat.id] }, { unitPrice: 2_000 }));
    const saved = await saveDraft(member, { ...draftInput(customer.id, { unitPrice: 500 }), id: draft.id });
    expect(saved.id).toBe(draft.id);
    const after = await stored(draft.id);
    expect(after.document).toMatchObject({ subtotal: 500, taxTotal: 0, total: 500 });
    expect(after.lines.map((l) => l.unitPrice)).toEqual([500]);
    expect(after.taxes).toEqual([]);
  });
});

describe("validation and locking", () => {
  it("refuses to edit or delete an issued invoice (409) and changes nothing", async () => {
    const issued = await issuedInvoice(draftInput(customer.id, { unitPrice: 5_000, taxRateIds: [vat.id] }));
    const before = await stored(issued.id);
    const edit = await expectAppError(saveDraft(member, { ...draftInput(customer.id, { unitPrice: 1 }), id: issued.id }), "CONFLICT");
    expect(edit.status).toBe(409);
    expect((await expectAppError(deleteDraft(member, issued.id), "CONFLICT")).status).toBe(409);
    expect(await stored(issued.id)).toEqual(before);
  });

  it("deletes a draft with its lines", async () => {
    const draft = await saveDraft(member, draftInput(customer.id, { taxRateIds: [vat.id] }));
    await deleteDraft(member, draft.id);
    expect(await stored(draft.id)).toEqual({ document: undefined, lines: [], taxes: [], payments: [], events: [] });
    await expectAppError(getDocument(member, draft.id), "NOT_FOUND");
  });

  it("treats another organisation's customer or tax rate as not found and writes nothing", async () => {
    const other = await createInvoicingOrg(db, "Other");
    const otherCustomer = await createCustomer(db, other.member.orgId);
    const otherRate = await createTaxRate(db, other.member.orgId, { name: "Other VAT", rateE4: 100_000 });
    const draft = await saveDraft(member, draftInput(customer.id, { unitPrice: 700 }));
    const before = { documents: await countAll(documents), lines: await countAll(documentLines), events: await countAll(documentEvents), draft: await stored(draft.id) };

    await expectAppError(saveDraft(member, draftInput(otherCustomer.id, {})), "NOT_FOUND");
    await expectAppError(saveDraft(member, draftInput(customer.id, { taxRateIds: [otherRate.id] })), "NOT_FOUND");
    await expectAppError(saveDraft(member, draftInput(customer.id, { taxRateIds: [vat.id, otherRate.id] })), "NOT_FOUND");
    await expectAppError(saveDraft(member, { ...draftInput(otherCustomer.id, {}), id: draft.id }), "NOT_FOUND");
    await expectAppError(saveDraft(member, { ...draftInput(customer.id, { taxRateIds: [otherRate.id] }), id: draft.id }), "NOT_FOUND");

    expect({ documents: await countAll(documents), lines: await countAll(documentLines), events: await countAll(documentEvents), draft: await stored(draft.id) }).toEqual(before);
  });

  it("refuses a due date before the issue date with a field error", async () => {
    const before = await countAll(documents);
    const error = await expectAppError(saveDraft(member, { ...draftInput(customer.id, {}), issueDate: "2026-03-10", dueDate: "2026-03-09" }), "BAD_REQUEST");
    expect(error.fieldErrors?.dueDate).toBe("The due date can't be before the issue date.");
    const quote = await expectAppError(saveDraft(member, { ...draftInput(customer.id, {}), kind: "quote", issueDate: "2026-03-10", dueDate: "2026-03-01" }), "BAD_REQUEST");
    expect(quote.fieldErrors?.dueDate).toBe("The quote can't expire before its date.");
    expect(await countAll(documents)).toBe(before);
    // The same day is fine.
    await expect(saveDraft(member, { ...draftInput(customer.id, {}), issueDate: "2026-03-10", dueDate: "2026-03-10" })).resolves.toMatchObject({ dueDate: "2026-03-10" });
  });

  it("refuses a line whose amount is beyond exact handling in plain words, and saves nothing", async () => {
    const before = await countAll(documents);
    // 1,000,000 × 100,000,000.00 = 10^14 major units, over the 10^11 the money module handles exactly.
    const error = await expectAppError(saveDraft(member, draftInput(customer.id, { quantityE4: 1_000_000 * 10_000, unitPrice: 10_000_000_000 })), "BAD_REQUEST");
    expect(error.message).toBe("The amount is too large to be handled exactly.");
    expect(await countAll(documents)).toBe(before);
  });
});

describe("isOverdue", () => {
  it("is true only for open invoices past their due date", () => {
    const on = "2026-03-10";
    const yesterday = "2026-03-09";
    for (const status of ["issued", "sent", "viewed", "partially_paid"] as const) expect(isOverdue({ kind: "invoice", status, dueDate: yesterday }, on)).toBe(true);
    for (const status of ["paid", "void", "draft"] as const) expect(isOverdue({ kind: "invoice", status, dueDate: yesterday }, on)).toBe(false);
    expect(isOverdue({ kind: "invoice", status: "issued", dueDate: on }, on)).toBe(false);
    expect(isOverdue({ kind: "invoice", status: "issued", dueDate: null }, on)).toBe(false);
    expect(isOverdue({ kind: "quote", status: "sent", dueDate: yesterday }, on)).toBe(false);
  });

  it("applies to stored invoices against today's date", async () => {
    const dates = { issueDate: addDays(today(), -10), dueDate: addDays(today(), -1) };
    const open = await issuedInvoice({ ...draftInput(customer.id, { unitPrice: 1_000 }), ...dates });
    const paid = await issuedInvoice({ ...draftInput(customer.id, { unitPrice: 1_000 }), ...dates });
    await recordPayment(member, paid.id, payment(1_000));
    const voided = await issuedInvoice({ ...draftInput(customer.id, { unitPrice: 1_000 }), ...dates });
    await voidDocument(member, voided.id, "x");
    expect(isOverdue((await stored(open.id)).document!, today())).toBe(true);
    expect(isOverdue((await stored(paid.id)).document!, today())).toBe(false);
    expect(isOverdue((await stored(voided.id)).document!, today())).toBe(false);
  });
});
