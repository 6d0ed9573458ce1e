import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { documents, memberships, organizationLogos, organizations, payments, users } from "@/db/schema";
import type { Member } from "./context";

/**
 * What the "payment received" emails say about one payment (lib/services/payment-emails.ts): the
 * payment, its invoice as it stands after it (balance), and the organisation's branding.
 */
export async function getPaymentEmailFacts(member: Member, paymentId: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({
      paymentId: payments.id,
      amount: payments.amount,
      currency: payments.currency,
      documentId: documents.id,
      customerId: documents.customerId,
      number: documents.number,
      total: documents.total,
      balance: documents.balance,
      dueDate: documents.dueDate,
      customerName: sql<string>`coalesce(${documents.customerSnapshot}->>'name', '')`,
      // The receipt's language (lib/i18n documentLanguage): the invoice's own, else its customer's as issued, else the organisation's.
      language: documents.language,
      customerLanguage: sql<string | null>`${documents.customerSnapshot}->>'language'`,
      orgId: organizations.id,
      orgName: organizations.name,
      locale: organizations.locale,
      brandColor: organizations.brandColor,
      logoUpdatedAt: organizationLogos.updatedAt,
    })
    .from(payments)
    .innerJoin(documents, and(eq(documents.orgId, payments.orgId), eq(documents.id, payments.documentId)))
    .innerJoin(organizations, eq(organizations.id, payments.orgId))
    .leftJoin(organizationLogos, eq(organizationLogos.orgId, payments.orgId))
    .where(and(eq(payments.orgId, member.orgId), eq(payments.id, paymentId)));
  return row ?? null;
}

export type PaymentEmailFacts = NonNullable<Awaited<ReturnType<typeof getPaymentEmailFacts>>>;

/** The organisation's owners and admins (who hear about payments), by user id. */
export async function listPaymentNotificationRecipients(member: Member, tx?: Executor): Promise<{ userId: string; email: string }[]> {
  const db = tx ?? (await getDb());
  return db
    .select({ userId: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, member.orgId), inArray(memberships.role, ["owner", "admin"])))
    .orderBy(users.id);
}
