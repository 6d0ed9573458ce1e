import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { customers, items, organizations, taxRates } from "@/db/schema";
import type { Member } from "./context";
import { openOrganization } from "./encrypted-fields";

/** Everything the document editor offers: active customers, catalogue items and tax rates, and the organisation's defaults. */
export async function loadEditorOptions(member: Member, tx?: Executor) {
  const db = tx ?? (await getDb());
  const [customerRows, itemRows, taxRows, [org]] = await Promise.all([
    db
      .select({ id: customers.id, name: customers.name, currency: customers.currency, paymentTermsDays: customers.paymentTermsDays, buyerReference: customers.buyerReference })
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
      .select({ id: taxRates.id, name: taxRates.name, rateE4: taxRates.rateE4, inclusive: taxRates.inclusive, compound: taxRates.compound })
      .from(taxRates)
      .where(and(eq(taxRates.orgId, member.orgId), isNull(taxRates.archivedAt)))
      .orderBy(asc(taxRates.name)),
    db.select().from(organizations).where(eq(organizations.id, member.orgId)),
  ]);
  return { customers: customerRows, items: itemRows, taxRates: taxRows, org: openOrganization(org!) };
}
