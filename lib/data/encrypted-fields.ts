import "server-only";
import type { CustomerSnapshot } from "@/db/schema";
import { decryptField, decryptNullable, encryptField, encryptNullable, FieldCryptoError, type FieldContext, type Keyring } from "@/lib/crypto";
import { activeKeyring } from "@/lib/crypto/keyring";
import { moduleLogger } from "@/lib/logger";

const log = moduleLogger("field-encryption");

/**
 * Rows read with a value that cannot be decrypted carry the fields' names here; the value itself
 * reads as null (blank), never as garbage.
 */
export type Unreadable = { unreadableFields?: string[] };

/**
 * A stored value that does not decrypt (altered, copied from elsewhere, or written under other
 * keys) is reported — logged with the field and record, never the value — and reads as null, so
 * one damaged value blanks one field instead of failing every page that shows it. Wrong keys for
 * the whole database are caught at start-up instead (lib/data/key-check.ts).
 */
function openOrReport(keyring: Keyring, stored: string | null | undefined, context: FieldContext, unreadable: string[]): string | null {
  try {
    return decryptNullable(keyring, stored, context);
  } catch (error) {
    if (!(error instanceof FieldCryptoError)) throw error;
    log.error({ field: `${context.table}.${context.column}`, recordId: context.id, reason: error.reason }, error.message);
    unreadable.push(`${context.table}.${context.column}`);
    return null;
  }
}

function withUnreadable<R>(row: R, unreadable: string[]): R & Unreadable {
  return unreadable.length ? { ...row, unreadableFields: unreadable } : (row as R & Unreadable);
}

/**
 * Which columns are encrypted at rest, and the seal/open helpers the data-access layer wraps
 * around every write and read of them, so pages, PDFs, emails and exports only see plaintext.
 *
 * Each value is bound to its table, column and record id (lib/crypto), so a row needs its id
 * before it is encrypted: inserts generate the uuid in code.
 *
 * Consequence: these columns cannot be searched, sorted or made unique in SQL (each ciphertext is
 * random). Nothing does today; keep it that way or add a keyed hash column for exact lookups.
 */
export const ENCRYPTED_FIELDS = {
  organizations: { taxId: "tax_id", bankDetails: "bank_details" },
  customers: { taxId: "tax_id" },
  // The customer's tax id as a document recorded it when issued (customer_snapshot jsonb).
  documents: { customerSnapshotTaxId: "customer_snapshot.tax_id" },
  // An email carrying a token, as it must be sent, while it waits for delivery (lib/services/outbox.ts).
  emails: { sealedBody: "sealed_body" },
  // Stripe credentials (Settings → Payments), bound to the organisation id (lib/data/stripe-connections.ts).
  stripe_connections: { secretKey: "secret_key", webhookSecret: "webhook_secret", previousWebhookSecret: "previous_webhook_secret" },
} as const;

type Table = keyof typeof ENCRYPTED_FIELDS;
type Sealable<T extends Table> = { [K in keyof (typeof ENCRYPTED_FIELDS)[T]]?: string | null };

function transform<T extends Table, R extends Sealable<T>>(
  table: T,
  id: string,
  row: R,
  fn: (keyring: Keyring, value: string | null | undefined, context: { table: string; column: string; id: string }) => string | null,
  keyring: Keyring,
): R {
  const out = { ...row };
  for (const [key, column] of Object.entries(ENCRYPTED_FIELDS[table]) as [keyof R & string, string][]) {
    // Absent keys stay absent: a partial update must not clear the fields it does not mention.
    if (key in row && row[key] !== undefined) out[key] = fn(keyring, row[key] as string | null, { table, column, id }) as R[keyof R & string];
  }
  return out;
}

/** Encrypts the organisation's sensitive fields present in `values` (a row, or a partial update). */
export function sealOrganization<R extends Sealable<"organizations">>(orgId: string, values: R, keyring = activeKeyring()): R {
  return transform("organizations", orgId, values, encryptNullable, keyring);
}

/** Decrypts an organisation row read from the database; an unreadable value reads as null and is reported. */
export function openOrganization<R extends Sealable<"organizations"> & { id: string }>(row: R, keyring = activeKeyring()): R & Unreadable {
  const unreadable: string[] = [];
  return withUnreadable(transform("organizations", row.id, row, (k, v, c) => openOrReport(k, v, c, unreadable), keyring), unreadable);
}

export function sealCustomer<R extends Sealable<"customers">>(customerId: string, values: R, keyring = activeKeyring()): R {
  return transform("customers", customerId, values, encryptNullable, keyring);
}

export function openCustomer<R extends Sealable<"customers"> & { id: string }>(row: R, keyring = activeKeyring()): R & Unreadable {
  const unreadable: string[] = [];
  return withUnreadable(transform("customers", row.id, row, (k, v, c) => openOrReport(k, v, c, unreadable), keyring), unreadable);
}

const snapshotContext = (documentId: string) => ({ table: "documents", column: ENCRYPTED_FIELDS.documents.customerSnapshotTaxId, id: documentId });

export function sealSnapshot(documentId: string, snapshot: CustomerSnapshot, keyring = activeKeyring()): CustomerSnapshot {
  return { ...snapshot, taxId: encryptNullable(keyring, snapshot.taxId, snapshotContext(documentId)) };
}

/** A document row with its customer snapshot's tax id decrypted. */
export function openDocument<R extends { id: string; customerSnapshot: CustomerSnapshot | null }>(doc: R, keyring = activeKeyring()): R & Unreadable {
  const snapshot = doc.customerSnapshot;
  if (!snapshot) return doc;
  const unreadable: string[] = [];
  const taxId = openOrReport(keyring, snapshot.taxId, snapshotContext(doc.id), unreadable);
  return withUnreadable({ ...doc, customerSnapshot: { ...snapshot, taxId } }, unreadable);
}

const emailBodyContext = (emailId: string) => ({ table: "emails", column: ENCRYPTED_FIELDS.emails.sealedBody, id: emailId });

/** The message as it must be sent, encrypted and bound to its `emails` row. */
export function sealEmailBody(emailId: string, body: { html: string; text: string }, keyring = activeKeyring()): string {
  return encryptField(keyring, JSON.stringify({ html: body.html, text: body.text }), emailBodyContext(emailId));
}

/** The sealed message of an `emails` row, or null when it has none. Throws FieldCryptoError on tampering. */
export function openEmailBody(row: { id: string; sealedBody: string | null }, keyring = activeKeyring()): { html: string; text: string } | null {
  if (row.sealedBody == null) return null;
  const parsed = JSON.parse(decryptField(keyring, row.sealedBody, emailBodyContext(row.id))) as { html?: unknown; text?: unknown };
  return { html: String(parsed.html ?? ""), text: String(parsed.text ?? "") };
}

/** Encrypts the Stripe credentials present in `values` (a row, or a partial update), bound to the organisation. */
export function sealStripeConnection<R extends Sealable<"stripe_connections">>(orgId: string, values: R, keyring = activeKeyring()): R {
  return transform("stripe_connections", orgId, values, encryptNullable, keyring);
}

/** A stripe_connections row with its credentials decrypted; an unreadable one reads as null and is reported. */
export function openStripeConnection<R extends Sealable<"stripe_connections"> & { orgId: string }>(row: R, keyring = activeKeyring()): R & Unreadable {
  const unreadable: string[] = [];
  return withUnreadable(transform("stripe_connections", row.orgId, row, (k, v, c) => openOrReport(k, v, c, unreadable), keyring), unreadable);
}
