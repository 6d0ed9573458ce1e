import { after } from "next/server";
import type { Executor } from "@/db";
import { getDb } from "@/db";
import { deliverEmail, type MailMessage, queueMail } from "@/lib/services/outbox";

/**
 * Queues the message now (so it is never lost) and delivers it once the response has gone out,
 * so neither the visitor's wait nor the answer depends on the provider.
 */
export async function sendAfterResponse(message: MailMessage, tx?: Executor) {
  const db = tx ?? (await getDb());
  const email = await queueMail(message, undefined, db);
  deliverAfterResponse(email.id);
  return email;
}

/** Delivers an already queued message once the response has gone; `npm run jobs` retries if this fails. */
export function deliverAfterResponse(emailId: string) {
  after(async () => {
    await deliverEmail(emailId);
  });
}
