/**
 * Delivery events (SendGrid's event webhook) and what they change: the queries behind
 * lib/services/provider-events.ts. Unscoped by nature: an event names one of our emails (by id or
 * by the provider's message id), and its organisation is taken from that email's row.
 */
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { customers, documents } from "@/db/schema";
import { emailEvents } from "@/db/schema/delivery";
import { emails } from "@/db/schema/mail";

export type EventEmail = Awaited<ReturnType<typeof unsafeFindEventEmails>>[number];

/**
 * The emails named by our ids or by the provider's message ids, whichever organisation sent them,
 * each with its document and customer when the document still exists in the same organisation.
 */
export async function unsafeFindEventEmails({ ids, providerMessageIds }: { ids: string[]; providerMessageIds: string[] }, tx?: Executor) {
  const db = tx ?? (await getDb());
  const matchers = [ids.length ? inArray(emails.id, ids) : undefined, providerMessageIds.length ? inArray(emails.providerMessageId, providerMessageIds) : undefined].filter(
    (m) => m !== undefined,
  );
  if (matchers.length === 0) return [];
  return db
    .select({
      id: emails.id,
      orgId: emails.orgId,
      toAddress: emails.toAddress,
      providerMessageId: emails.providerMessageId,
      // emails.document_id has no foreign key: only a document that still exists, in the same
      // organisation, is linked (email_events.document_id does have one).
      documentId: documents.id,
      customerId: documents.customerId,
    })
    .from(emails)
    .leftJoin(documents, and(eq(documents.id, emails.documentId), eq(documents.orgId, emails.orgId)))
    .where(matchers.length === 1 ? matchers[0] : sql.join(matchers, sql` or `));
}

/**
 * Stores one event of an organisation's email under its idempotency key; false when that key was
 * already stored (a replay).
 */
export async function unsafeInsertEmailEvent(
  email: Pick<EventEmail, "id" | "documentId"> & { orgId: string },
  event: { event: string; providerEventId: string; reason: string | null; occurredAt: Date },
  tx?: Executor,
): Promise<boolean> {
  const db = tx ?? (await getDb());
  const inserted = await db
    .insert(emailEvents)
    .values({ emailId: email.id, orgId: email.orgId, documentId: email.documentId, ...event })
    // Only the partial unique index on provider_event_id can conflict.
    .onConflictDoNothing()
    .returning({ id: emailEvents.id });
  return inserted.length > 0;
}

/**
 * Flags a customer whose mail bounced, but only when the email went to the customer's current
 * address; true when flagged.
 */
export async function unsafeFlagBouncedCustomer({ orgId, customerId, toAddress }: { orgId: string; customerId: string; toAddress: string }, tx?: Executor): Promise<boolean> {
  const db = tx ?? (await getDb());
  const flagged = await db
    .update(customers)
    .set({ emailBouncedAt: sql`now()` })
    .where(
      and(
        eq(customers.orgId, orgId),
        eq(customers.id, customerId),
        // The customer may have fixed their address since: a bounce from the old one says nothing about it.
        sql`lower(trim(${customers.email})) = lower(trim(${toAddress}))`,
      ),
    )
    .returning({ id: customers.id });
  return flagged.length > 0;
}
