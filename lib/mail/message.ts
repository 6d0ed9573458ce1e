import type { EmailAttachment } from "@/db/schema/mail";

/** A message to queue (lib/services/outbox.ts queueMail): what the templates produce plus where it goes. */
export type MailMessage = {
  /** What the message is for (password-reset, invitation, invoice...): shown in the outbox and logs. */
  kind: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  orgId?: string | null;
  /** The document this message is about (shown on its timeline; retried from its page). */
  documentId?: string | null;
  replyTo?: string;
  /** Copies (the Review & send dialog's CC field), already validated as addresses. */
  cc?: readonly string[];
  attachments?: EmailAttachment[];
  /**
   * Tokens the message carries (a reset or invitation token, a client link's token). They are never
   * stored in the clear: see lib/mail/secrets.ts.
   */
  secrets?: readonly string[];
  /** Queuing twice with the same key stores (and sends) one email. Defaults to a random uuid. */
  idempotencyKey?: string;
};
