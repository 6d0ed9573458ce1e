import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { customers, documents, invitations, memberships } from "@/db/schema";
import type { Member } from "./context";

/**
 * What the dashboard's "Get started" checklist ticks off beyond the business details: read from
 * what exists (never a flag the user clicks). Each check reads at most one row through an index led by org_id.
 */
export async function getSetupFacts(member: Member, tx?: Executor) {
  const db = tx ?? (await getDb());
  const [customer, invoice, colleague, invitation] = await Promise.all([
    db.select({ id: customers.id }).from(customers).where(eq(customers.orgId, member.orgId)).limit(1),
    db.select({ id: documents.id }).from(documents).where(and(eq(documents.orgId, member.orgId), eq(documents.kind, "invoice"))).limit(1),
    db.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.orgId, member.orgId), ne(memberships.userId, member.userId))).limit(1),
    db
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.orgId, member.orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .limit(1),
  ]);
  return { hasCustomer: customer.length > 0, hasInvoice: invoice.length > 0, hasTeam: colleague.length > 0 || invitation.length > 0 };
}

export type SetupFacts = Awaited<ReturnType<typeof getSetupFacts>>;
