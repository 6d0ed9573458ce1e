import "server-only";
import { after } from "next/server";
import type { Executor } from "@/db";
import { getDb } from "@/db";
import { deliverEmail, type MailMessage, queueMail } from "@/lib/mail";

/**
 * Queues the message now (so it is never lost) and delivers it once the response has gone out,
 * so neither the visitor's wait nor the answer depends on the provider.
 */
export async function sendAfterResponse(db: Executor, message: MailMessage) {
  const email = await queueMail(db, message);
  after(async () => {
    await deliverEmail(await getDb(), email.id);
  });
  return email;
}
