/**
 * What of an email may be stored in the clear. Password-reset, email-change and invitation links
 * carry one-time tokens, and client links carry a document's token: a copy of the `emails` table
 * must not open any of them. The stored `html` and `text` have every secret replaced by a marker;
 * the real message, needed until it is delivered, is kept sealed (lib/services/outbox.ts).
 *
 * Pure: no env, no database.
 */

export const REDACTED = "[redacted]";

/**
 * Safety net for a caller that forgets to name its secret: every token this app mails is 32 bytes
 * in base64url (43 characters: lib/auth/tokens.ts, lib/data/links.ts), and appears after a `/` or
 * `=` in a URL. Redacting a look-alike that is not a token only costs the stored copy a few
 * characters.
 */
const TOKEN_IN_URL = /(?<=[/=])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

/** The shortest string accepted as a secret: anything shorter would redact ordinary words. */
const MIN_SECRET_LENGTH = 16;

export function redactSecrets(body: string, secrets: readonly string[] = []): string {
  let out = body;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) throw new Error(`an email secret must have at least ${MIN_SECRET_LENGTH} characters`);
    // As written, and as it appears inside a URL.
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(REDACTED);
  }
  return out.replace(TOKEN_IN_URL, REDACTED);
}

export type MailBody = { html: string; text: string };

/** The body to store, and whether the real one differs (then it must be kept sealed until sent). */
export function storedBody(body: MailBody, secrets: readonly string[] = []): MailBody & { redacted: boolean } {
  const html = redactSecrets(body.html, secrets);
  const text = redactSecrets(body.text, secrets);
  return { html, text, redacted: html !== body.html || text !== body.text };
}
