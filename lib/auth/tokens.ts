import { createHash, randomBytes } from "node:crypto";

/**
 * 256 random bits for the link; only the SHA-256 is stored, so a database leak reveals no live
 * link. The email that carries it names it as a secret (lib/mail/account-messages.ts): the `emails`
 * table keeps the message with the token redacted, and the real one only encrypted until it is
 * delivered (lib/mail/secrets.ts; tested in lib/services/outbox-secrets.db.test.ts).
 */
export function generateToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
