/**
 * A German seller and a public buyer with a Leitweg-ID, as rows, for the e-invoice data tests and
 * the e2e setup: the stored counterpart of tests/support/einvoice-fixtures.ts (10 h × 85.00 at 19%
 * and 3 × 12.50 at 7%: VAT 161.50 + 2.63 = 164.13, total 1,051.63).
 */
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { customers, documents } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { saveDraft } from "@/lib/data/documents/drafts";
import { createCustomer, createInvoicingOrg, createTaxRate } from "./invoicing";

export const GERMAN_ORG = {
  legalName: "Muster Design GmbH",
  addressLine1: "Hauptstraße 5",
  city: "Berlin",
  postalCode: "10115",
  country: "DE",
  email: "anna@muster-design.de",
  phone: "+49 30 1234567",
  taxId: "DE123456789",
  taxRegistrationId: "201/113/40209",
  electronicAddress: "rechnung@muster-design.de",
  electronicAddressScheme: "EM",
  contactName: "Anna Muster",
  iban: "DE02120300000000202051",
  bic: "BYLADEM1001",
  defaultCurrency: "EUR",
  einvoiceFormat: "xrechnung-ubl",
} as const;

export const LEITWEG_ID = "04011000-12345-67";

export async function germanSetup(db: Executor, label = "Einvoice") {
  const { org, owner, member } = await createInvoicingOrg(db, label, { ...GERMAN_ORG });
  const customer = await createCustomer(db, org.id, {
    name: "Bezirksamt Mitte von Berlin",
    addressLine1: "Karl-Marx-Allee 31",
    city: "Berlin",
    postalCode: "10178",
    country: "DE",
    buyerReference: LEITWEG_ID,
    electronicAddress: LEITWEG_ID,
    electronicAddressScheme: "0204",
  });
  // Standard-rated (VAT category S, the column's default).
  const standard = await createTaxRate(db, org.id, { name: "USt", rateE4: 190_000 });
  const reduced = await createTaxRate(db, org.id, { name: "USt ermäßigt", rateE4: 70_000 });
  return { org, owner, member, customer, standard, reduced };
}

/** The hand-worked invoice as a draft, delivered in November 2026, with the buyer's order number. */
export async function germanDraft(db: Executor, member: Member, setup: { customer: { id: string }; standard: { id: string }; reduced: { id: string } }) {
  const draft = await saveDraft(member, {
    kind: "invoice",
    customerId: setup.customer.id,
    currency: "EUR",
    issueDate: "2026-12-01",
    dueDate: "2026-12-31",
    lines: [
      { description: "Design work", unit: "hours", quantityE4: 100_000, unitPrice: 8_500, taxRateIds: [setup.standard.id] },
      { description: "Printed brochure", quantityE4: 30_000, unitPrice: 1_250, taxRateIds: [setup.reduced.id] },
    ],
  });
  await db
    .update(documents)
    .set({ periodStart: "2026-11-01", periodEnd: "2026-11-30", purchaseOrderRef: "PO-7781", paymentMeansCode: "58" })
    .where(and(eq(documents.orgId, member.orgId), eq(documents.id, draft.id)));
  return draft;
}

/** The customer's stored terms changed (a field removed, another format chosen). */
export async function updateCustomerRow(db: Executor, orgId: string, customerId: string, values: Partial<typeof customers.$inferInsert>) {
  await db.update(customers).set(values).where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
}
