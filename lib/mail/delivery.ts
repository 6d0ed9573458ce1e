/**
 * Whether email can reach anyone, decided once from the environment (issue 15 §3):
 *
 * - "provider": SENDGRID_API_KEY or EMAIL_HOST is set; messages leave the server.
 * - "outbox": no provider, but the development outbox is readable: in development by any signed-in
 *   user, in production by a platform administrator with DEBUG on (how the e2e server runs).
 * - "none": production, no provider, DEBUG off. A message would be kept where nobody reads it, so
 *   nothing is queued: documents are shared by their client link and are not marked sent; password
 *   resets and invitations say that no email went out.
 */
import { type Env, env } from "@/lib/env";

export type EmailDelivery = "provider" | "outbox" | "none";

export function emailDeliveryFor(env: Pick<Env, "SENDGRID_API_KEY" | "EMAIL_HOST" | "isProduction" | "DEBUG">): EmailDelivery {
  if (env.SENDGRID_API_KEY || env.EMAIL_HOST) return "provider";
  return !env.isProduction || env.DEBUG ? "outbox" : "none";
}

/** This server's answer (the environment does not change while it runs). */
export function emailDelivery(): EmailDelivery {
  return emailDeliveryFor(env);
}

/** The README section an owner is sent to from the "not configured" banner. */
export const EMAIL_SETUP_ANCHOR = "email-setup";

export const EMAIL_NOT_SET_UP_BANNER = "Email delivery is not configured: invoices, resets and invitations are not delivered.";

export const SEND_WITHOUT_EMAIL_MESSAGE =
  "Email is not set up on this server, so nothing was sent and the document is not marked as sent. Copy the client link and share it yourself.";

/** The same for a bulk send or reminder: several documents, none of them touched. */
export const BULK_WITHOUT_EMAIL_MESSAGE =
  "Email is not set up on this server, so none of the selected documents was sent or reminded, and none is marked as sent. Copy each client link from its document and share it yourself.";

export const EMAIL_CHANGE_WITHOUT_EMAIL_MESSAGE =
  "Email is not set up on this server, so the confirmation link for a new address can't be sent. Your email address stays as it is.";

export const REMINDER_WITHOUT_EMAIL_MESSAGE =
  "Email is not set up on this server, so no reminder can be sent. Copy the client link and share it yourself.";
