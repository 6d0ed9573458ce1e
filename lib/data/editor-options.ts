import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { type CustomerSnapshot, customers, items, organizationLogos, organizations, taxRates } from "@/db/schema";
import type { Member } from "./context";
import { customerSnapshot } from "./customers";
import { openCustomer, openOrganization } from "./encrypted-fields";

/**
 * Everything the document editor offers: active customers (with the details its live preview
 * prints), catalogue items and tax rates (with the VAT category and exemption behind the legal
 * wording), the organisation's defaults and when its logo last changed (null without one).
 */
export async function loadEditorOptions(member: Member, tx?: Executor) {
  const db = tx ?? (await getDb());
  const [customerRows, itemRows, taxRows, [org], [logo]] = await Promise.all([
    db
      .select()
      .from(customers)
      .where(and(eq(customers.orgId, member.orgId), isNull(customers.archivedAt)))
      .orderBy(asc(sql`lower(${customers.name})`))
      .limit(1000),
    db
      .select({ id: items.id, name: items.name, description: items.description, unit: items.unit, unitPrice: items.unitPrice, currency: items.currency, taxRateIds: items.taxRateIds })
      .from(items)
      .where(and(eq(items.orgId, member.orgId), isNull(items.archivedAt)))
      .orderBy(asc(sql`lower(${items.name})`))
      .limit(1000),
    db
      .select({
        id: taxRates.id,
        name: taxRates.name,
        rateE4: taxRates.rateE4,
        inclusive: taxRates.inclusive,
        compound: taxRates.compound,
        vatCategory: taxRates.vatCategory,
        exemptionReason: taxRates.exemptionReason,
        exemptionCode: taxRates.exemptionCode,
      })
      .from(taxRates)
      .where(and(eq(taxRates.orgId, member.orgId), isNull(taxRates.archivedAt)))
      .orderBy(asc(taxRates.name)),
    db.select().from(organizations).where(eq(organizations.id, member.orgId)),
    db.select({ updatedAt: organizationLogos.updatedAt }).from(organizationLogos).where(eq(organizationLogos.orgId, member.orgId)),
  ]);
  // `party` optional: a page may add a customer the list lacks (an archived one) by its name only.
  const editorCustomers: (Pick<typeof customers.$inferSelect, "id" | "name" | "currency" | "paymentTermsDays" | "buyerReference" | "language"> & { party?: Pick<CustomerSnapshot, "name" | "email" | "addressLines" | "taxId"> })[] = customerRows.map((row) => {
    const c = openCustomer(row);
    // Only what the preview prints goes to the browser.
    const { name, email, addressLines, taxId } = customerSnapshot(c);
    return { id: c.id, name: c.name, currency: c.currency, paymentTermsDays: c.paymentTermsDays, buyerReference: c.buyerReference, language: c.language, party: { name, email, addressLines, taxId } };
  });
  return { customers: editorCustomers, items: itemRows, taxRates: taxRows, org: openOrganization(org!), logoVersion: logo ? logo.updatedAt.getTime() : null };
}
