import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { type Customer, customers, type LineTaxSnapshot, organizations, type TaxRate, taxRates } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import type { DraftInput, DraftLine } from "@/lib/data/documents/drafts";
import { openCustomer, sealCustomer, sealOrganization } from "@/lib/data/encrypted-fields";
import { createOrganization } from "@/lib/data/organizations";
import { addMember, createUser, uniqueName } from "./accounts";

/**
 * A customer row inserted directly (the customers DAL and its validation are tested elsewhere),
 * its tax id encrypted as the DAL stores it.
 */
export async function createCustomer(db: Executor, orgId: string, overrides: Partial<typeof customers.$inferInsert> = {}): Promise<Customer> {
  const id = overrides.id ?? randomUUID();
  const values = { orgId, name: uniqueName("Customer"), email: "billing@customer.test", addressLine1: "1 Main Street", city: "Springfield", postalCode: "12345", country: "DE", ...overrides, id };
  const [customer] = await db.insert(customers).values(sealCustomer(id, values)).returning();
  return openCustomer(customer!);
}

export async function createTaxRate(
  db: Executor,
  orgId: string,
  rate: { name: string; rateE4: number; inclusive?: boolean; compound?: boolean },
): Promise<TaxRate> {
  const [row] = await db
    .insert(taxRates)
    .values({ orgId, name: rate.name, rateE4: rate.rateE4, inclusive: rate.inclusive ?? false, compound: rate.compound ?? false })
    .returning();
  return row!;
}

/** The snapshot saveDraft stores on a line, i.e. what lib/money.ts receives as a line's taxes. */
export function taxSnapshot(rate: TaxRate): LineTaxSnapshot {
  return {
    id: rate.id,
    name: rate.name,
    rateE4: rate.rateE4,
    inclusive: rate.inclusive,
    compound: rate.compound,
    vatCategory: rate.vatCategory,
    exemptionReason: rate.exemptionReason,
    exemptionCode: rate.exemptionCode,
  };
}

/** A line with defaults (1 × 100.00, no tax); override what the test is about. */
export function draftLine(overrides: Partial<DraftLine> = {}): DraftLine {
  return { description: "Consulting", quantityE4: 10_000, unitPrice: 10_000, taxRateIds: [], ...overrides };
}

/** An EUR invoice draft dated 2026-03-10 with the given lines; spread overrides over the result. */
export function draftInput(customerId: string, ...lines: Partial<DraftLine>[]): DraftInput {
  return {
    kind: "invoice",
    customerId,
    currency: "EUR",
    issueDate: "2026-03-10",
    dueDate: null,
    lines: lines.map((l, i) => draftLine({ description: `Line ${i + 1}`, ...l })),
  };
}

/**
 * A new organisation (no password hashing): its founding owner and a plain "member", who holds
 * documents.manage and is the role the document tests act as.
 */
export async function createInvoicingOrg(db: Executor, label = "Invoicing", settings: Partial<typeof organizations.$inferInsert> = {}) {
  const founder = await createUser(db, `${label}-owner`);
  const org = await createOrganization(founder.id, uniqueName(label), undefined, db);
  if (Object.keys(settings).length) await db.update(organizations).set(sealOrganization(org.id, settings)).where(eq(organizations.id, org.id));
  const owner: Member = { userId: founder.id, orgId: org.id, role: "owner" };
  const member = await addMember(db, org.id, await createUser(db, `${label}-member`), "member");
  return { org, owner, member };
}
