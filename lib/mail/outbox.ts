/**
 * Readers for /dev/outbox, the whole-instance debugging page (app/dev/outbox): deliberately
 * unscoped, so the page itself decides who may see it (app/dev/outbox/access.ts).
 */
import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { type Email, emails } from "@/db/schema/mail";
import { openEmailBody } from "@/lib/data/encrypted-fields";
import { isId } from "@/lib/ids";
import { moduleLogger } from "@/lib/logger";

const log = moduleLogger("mail");

export type EmailSummary = Pick<
  Email,
  "id" | "orgId" | "kind" | "toAddress" | "subject" | "status" | "transport" | "attempts" | "createdAt" | "sentAt"
>;

/** Every organisation's email, newest first. Unscoped: /dev/outbox only. */
export async function unsafeListAllEmails(
  db: Executor,
  { limit = 50, offset = 0 }: { limit?: number; offset?: number } = {},
): Promise<EmailSummary[]> {
  return db
    .select({
      id: emails.id,
      orgId: emails.orgId,
      kind: emails.kind,
      toAddress: emails.toAddress,
      subject: emails.subject,
      status: emails.status,
      transport: emails.transport,
      attempts: emails.attempts,
      createdAt: emails.createdAt,
      sentAt: emails.sentAt,
    })
    .from(emails)
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(limit)
    .offset(offset);
}


/**
 * Any email by id, whichever organisation it belongs to, with the message as it was sent: the
 * sealed body (with its links) when there still is one. Unscoped: /dev/outbox only.
 */
export async function unsafeGetEmail(db: Executor, id: string): Promise<Email | null> {
  // A malformed id in the URL is "not found", not a database error.
  if (!isId(id)) return null;
  const [row] = await db.select().from(emails).where(eq(emails.id, id));
  if (!row) return null;
  try {
    const body = openEmailBody(row);
    return body ? { ...row, ...body } : row;
  } catch (error) {
    // Keys changed since it was written: show the stored (redacted) copy rather than fail the page.
    log.warn({ emailId: row.id, err: error }, "sealed email body cannot be decrypted");
    return row;
  }
}
