/**
 * Tax rates with a VAT category (validation in the DAL, stored, snapshotted onto a draft's lines and
 * tax breakdown) and the e-invoice business terms of a draft (saved, refused in words, copied).
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { documentLines, documents, documentTaxes } from "@/db/schema";
import { expectAppError } from "@/tests/support/accounts";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "./context";
import { createCustomer as createCustomerInDb, getCustomer, updateCustomer } from "./customers";
import { duplicateDocument, saveDraft } from "./documents/drafts";
import { createCreditNote, issueDocument } from "./documents/lifecycle";
import { openDocument } from "./encrypted-fields";
import { getOrganization, updateOrganization } from "./organizations";
import { createTaxRate, updateTaxRate } from "./tax-rates";

let handle: DbHandle;
let db: Db;
let owner: Member;
let customerId: string;

const REVERSE = "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).";
const rate = { inclusive: false, compound: false };

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  const org = await createInvoicingOrg(db, "Terms");
  owner = org.owner;
  customerId = (await createCustomer(db, org.org.id)).id;
});
afterAll(async () => {
  await handle?.close();
});

describe("tax rates with a VAT category", () => {
  it("stores the category and exemption, and refuses what EN 16931 refuses with the field named", async () => {
    const ae = await createTaxRate(owner, { name: "Reverse charge", rateE4: 0, ...rate, vatCategory: "AE", exemptionReason: REVERSE, exemptionCode: "VATEX-EU-AE" });
    expect(ae).toMatchObject({ vatCategory: "AE", exemptionReason: REVERSE, exemptionCode: "VATEX-EU-AE" });
    // Without a category a rate is standard (S), as before e-invoicing.
    const s = await createTaxRate(owner, { name: "VAT", rateE4: 190_000, ...rate });
    expect(s.vatCategory).toBe("S");

    let e = await expectAppError(createTaxRate(owner, { name: "Bad", rateE4: 190_000, ...rate, vatCategory: "AE", exemptionCode: "VATEX-EU-AE" }), "BAD_REQUEST");
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["rate"]);
    e = await expectAppError(createTaxRate(owner, { name: "Bad", rateE4: 0, ...rate, vatCategory: "E" }), "BAD_REQUEST");
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["exemptionReason"]);
    e = await expectAppError(createTaxRate(owner, { name: "Bad", rateE4: 0, ...rate }), "BAD_REQUEST");
    expect(e.fieldErrors?.rate).toMatch(/standard rate must be above 0%/);
    e = await expectAppError(updateTaxRate(owner, { id: ae.id, name: "Bad", rateE4: 0, ...rate, vatCategory: "XX" }), "BAD_REQUEST");
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["vatCategory"]);
  });

  it("stores a withholding as a negative rate and refuses it inclusive or compound", async () => {
    const irpf = await createTaxRate(owner, { name: "IRPF", rateE4: -150_000, ...rate });
    expect(irpf.rateE4).toBe(-150_000);
    const e = await expectAppError(createTaxRate(owner, { name: "IRPF", rateE4: -150_000, inclusive: true, compound: false }), "BAD_REQUEST");
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["inclusive"]);
    await expectAppError(createTaxRate(owner, { name: "IRPF", rateE4: -150_000, inclusive: false, compound: true }), "BAD_REQUEST");
  });

  it("copies the category and exemption into a saved draft's line snapshots and tax breakdown", async () => {
    const ae = await createTaxRate(owner, { name: "RC", rateE4: 0, ...rate, vatCategory: "AE", exemptionReason: REVERSE, exemptionCode: "VATEX-EU-AE" });
    const vat = await createTaxRate(owner, { name: "IVA", rateE4: 210_000, ...rate });
    const irpf = await createTaxRate(owner, { name: "IRPF 15", rateE4: -150_000, ...rate });
    const draft = await saveDraft(owner, draftInput(customerId, { unitPrice: 50_000, taxRateIds: [ae.id] }, { unitPrice: 139_350, taxRateIds: [vat.id, irpf.id] }));
    const lines = await db.select().from(documentLines).where(eq(documentLines.documentId, draft.id)).orderBy(documentLines.position);
    expect(lines[0]?.taxes).toEqual([{ id: ae.id, name: "RC", rateE4: 0, inclusive: false, compound: false, vatCategory: "AE", exemptionReason: REVERSE, exemptionCode: "VATEX-EU-AE" }]);
    const taxes = await db.select().from(documentTaxes).where(eq(documentTaxes.documentId, draft.id)).orderBy(documentTaxes.position);
    expect(taxes.map((t) => [t.name, t.vatCategory, t.exemptionCode, t.base, t.amount])).toEqual([
      ["RC", "AE", "VATEX-EU-AE", 50_000, 0],
      ["IVA", "S", null, 139_350, 29_264],
      ["IRPF 15", "S", null, 139_350, -20_903],
    ]);
    // 500.00 + 1393.50 + 292.64 − 209.03 = 1977.11
    expect(draft.total).toBe(197_711);
  });
});

describe("e-invoice business terms of a draft", () => {
  const terms = { periodStart: "2026-02-01", periodEnd: "2026-02-28", purchaseOrderRef: "PO-4711", buyerReference: "04011000-12345-67", paymentMeansCode: "58" };

  it("saves them, refuses a half or reversed period on its field, and a duplicate keeps them", async () => {
    const draft = await saveDraft(owner, { ...draftInput(customerId, {}), ...terms });
    expect(draft).toMatchObject({ ...terms, deliveryDate: null });
    let e = await expectAppError(saveDraft(owner, { ...draftInput(customerId, {}), periodStart: "2026-02-01" }), "BAD_REQUEST");
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["periodEnd"]);
    e = await expectAppError(saveDraft(owner, { ...draftInput(customerId, {}), periodStart: "2026-02-10", periodEnd: "2026-02-01" }), "BAD_REQUEST");
    expect(e.fieldErrors?.periodEnd).toMatch(/can't end before it starts/);
    const copy = await duplicateDocument(owner, draft.id);
    const [stored] = await db.select().from(documents).where(and(eq(documents.orgId, owner.orgId), eq(documents.id, copy.id)));
    expect(stored).toMatchObject(terms);
    // A credit note is for the same supply: it carries the terms of the invoice it credits.
    await issueDocument(owner, copy.id);
    const credit = await createCreditNote(owner, copy.id);
    expect(credit).toMatchObject(terms);
    const withDelivery = await saveDraft(owner, { ...draftInput(customerId, {}), id: draft.id, deliveryDate: "2026-03-01" });
    expect(withDelivery).toMatchObject({ deliveryDate: "2026-03-01", periodStart: null, buyerReference: null });
  });
});

describe("organisation and customer e-invoice fields", () => {
  it("round-trip through the DAL", async () => {
    const terms = { taxRegistrationId: "201/113/40209", electronicAddress: "DE123456789", electronicAddressScheme: "9930", contactName: "Erika Mustermann", iban: "DE89370400440532013000", bic: "COBADEFFXXX", einvoiceFormat: "xrechnung-ubl" };
    await updateOrganization(owner, { taxId: "DE123456789", ...terms });
    expect(await getOrganization(owner)).toMatchObject({ taxId: "DE123456789", ...terms });
  });

  it("a customer keeps them, and an issued invoice's snapshot records them with the address field by field", async () => {
    const input = {
      name: "Stadt Musterhausen",
      email: "rechnung@musterhausen.test",
      phone: null,
      addressLine1: "Rathausplatz 1",
      addressLine2: null,
      city: "Musterhausen",
      postalCode: "12345",
      region: null,
      country: "DE",
      taxId: "DE987654321",
      currency: null,
      paymentTermsDays: null,
      notes: null,
      buyerReference: "04011000-12345-67",
      electronicAddress: "04011000-12345-67",
      electronicAddressScheme: "0204",
      einvoiceFormat: null,
      contacts: [],
    };
    const customer = await createCustomerInDb(owner, input);
    expect(await getCustomer(owner, customer.id)).toMatchObject({ buyerReference: "04011000-12345-67", electronicAddressScheme: "0204", einvoiceFormat: null });
    await updateCustomer(owner, { ...input, id: customer.id, einvoiceFormat: "none" });
    expect((await getCustomer(owner, customer.id)).einvoiceFormat).toBe("none");

    const draft = await saveDraft(owner, draftInput(customer.id, {}));
    await issueDocument(owner, draft.id);
    const [row] = await db.select().from(documents).where(eq(documents.id, draft.id));
    expect(openDocument(row!).customerSnapshot).toEqual({
      name: "Stadt Musterhausen",
      email: "rechnung@musterhausen.test",
      addressLines: ["Rathausplatz 1", "12345 Musterhausen", "DE"],
      taxId: "DE987654321",
      address: { line1: "Rathausplatz 1", line2: null, city: "Musterhausen", postalCode: "12345", region: null, country: "DE" },
      buyerReference: "04011000-12345-67",
      electronicAddress: "04011000-12345-67",
      electronicAddressScheme: "0204",
    });
  });
});
