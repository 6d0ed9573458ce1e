/**
 * Field-level encryption for sensitive text columns (tax ids, bank details).
 *
 * AES-256-GCM with a random 96-bit nonce per value. Each key version's 256-bit key is derived with
 * HKDF-SHA256 from that version's secret and ENCRYPTION_SALT. The field's identity (table, column,
 * record id) is bound in as additional authenticated data, so a value copied to another row or
 * column fails to decrypt instead of reading as someone else's data.
 *
 * Stored format, in the existing text columns: `v<version>:<base64url(nonce | ciphertext | tag)>`.
 * The version names the key, so several keys can be readable at once during a rotation.
 *
 * Pure: no env, no database. lib/crypto/keyring.ts builds the application's keyring from env.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
// Versioned label: keys for field encryption never coincide with anything else derived from the
// same secret (SECRET_KEY also signs sessions and client links).
const HKDF_INFO = "smart-invoice field encryption";

/** Where a value lives; bound into the ciphertext as additional authenticated data. */
export type FieldContext = { table: string; column: string; id: string };

export type Keyring = {
  /** The version new values are encrypted under. */
  readonly current: number;
  /** Every readable version's derived key. */
  readonly keys: ReadonlyMap<number, Buffer>;
};

export type KeySecret = { version: number; secret: string };

export type FieldCryptoErrorReason = "tampered" | "malformed" | "unknown-version";

/**
 * A stored value that cannot be decrypted. The message names the field and record, never the
 * value; it is for logs, and callers show users a generic error.
 */
export class FieldCryptoError extends Error {
  readonly reason: FieldCryptoErrorReason;
  constructor(reason: FieldCryptoErrorReason, context: FieldContext, detail: string) {
    super(`Cannot decrypt ${context.table}.${context.column} of record ${context.id}: ${detail}`);
    this.name = "FieldCryptoError";
    this.reason = reason;
  }
}

export function deriveKey(secret: string, salt: string, version: number): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, salt, `${HKDF_INFO} v${version}`, KEY_BYTES));
}

export function createKeyring(options: { current: KeySecret; previous?: KeySecret[]; salt: string }): Keyring {
  const keys = new Map<number, Buffer>();
  for (const { version, secret } of [options.current, ...(options.previous ?? [])]) {
    if (!Number.isInteger(version) || version < 1) throw new Error(`Encryption key version must be a whole number from 1, got ${version}`);
    if (keys.has(version)) throw new Error(`Encryption key version ${version} is configured twice`);
    keys.set(version, deriveKey(secret, options.salt, version));
  }
  return { current: options.current.version, keys };
}

function aad(context: FieldContext, version: number): Buffer {
  // Length-prefixed parts: no choice of table/column/id strings can collide with another's.
  const parts = [`v${version}`, context.table, context.column, context.id];
  return Buffer.from(parts.map((p) => `${p.length}:${p}`).join("|"), "utf8");
}

export function encryptField(keyring: Keyring, plaintext: string, context: FieldContext): string {
  const version = keyring.current;
  const key = keyring.keys.get(version);
  if (!key) throw new Error(`Encryption key version ${version} is not configured`);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(context, version));
  const body = Buffer.concat([nonce, cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `v${version}:${body.toString("base64url")}`;
}

const VERSIONED = /^v(\d{1,9}):/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
/**
 * A value shaped like ours whose prefix was damaged (`w1:…`, `v1…` without the colon): refusing it
 * keeps a changed prefix byte from turning a ciphertext into "legacy plaintext". Real tax ids and
 * bank details never end in 38+ unbroken base64url characters after at most a short prefix (the
 * shortest ciphertext, of an empty string, is 38 characters).
 */
const DAMAGED_PREFIX = /^.{0,12}[A-Za-z0-9_-]{38,}$/s;

/** The key version a stored value is encrypted under, or null for a legacy plaintext value. */
export function storedVersion(stored: string): number | null {
  const m = VERSIONED.exec(stored);
  return m ? Number(m[1]) : null;
}

/** True when the stored value is ciphertext (or a damaged ciphertext), false for legacy plaintext. */
export function isEncrypted(stored: string): boolean {
  return VERSIONED.test(stored) || DAMAGED_PREFIX.test(stored);
}

/**
 * Decrypts a stored value. A value that is not in the `v<n>:` format is a row written before
 * encryption existed and is returned as it is (`npm run keys:rotate` encrypts those). Anything
 * that is in the format must authenticate: tampering, a value copied from another record or
 * column, or an unknown key version throws FieldCryptoError.
 */
export function decryptField(keyring: Keyring, stored: string, context: FieldContext): string {
  const version = storedVersion(stored);
  if (version === null) {
    if (DAMAGED_PREFIX.test(stored)) throw new FieldCryptoError("malformed", context, "the version prefix is damaged");
    return stored;
  }
  const encoded = stored.slice(stored.indexOf(":") + 1);
  const body = Buffer.from(encoded, "base64url");
  // Node's decoder skips characters outside the alphabet and ignores a final character's spare
  // bits, so only a canonical encoding is accepted: a changed character must never decode to the
  // same bytes (which would make that change invisible) or be silently dropped.
  if (!BASE64URL.test(encoded) || body.toString("base64url") !== encoded) {
    throw new FieldCryptoError("malformed", context, "the stored value is not valid base64url");
  }
  if (body.length < NONCE_BYTES + TAG_BYTES) throw new FieldCryptoError("malformed", context, "the stored value is too short");
  const key = keyring.keys.get(version);
  if (!key) {
    throw new FieldCryptoError("unknown-version", context, `key version ${version} is not configured (see ENCRYPTION_KEYS_PREVIOUS)`);
  }
  const decipher = createDecipheriv("aes-256-gcm", key, body.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(aad(context, version));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body.subarray(NONCE_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new FieldCryptoError(
      "tampered",
      context,
      "authentication failed (the value was altered, copied from another record or column, or encrypted with a different key)",
    );
  }
}

/** null stays null: an empty optional field is not a secret and needs no ciphertext. */
export function encryptNullable(keyring: Keyring, plaintext: string | null | undefined, context: FieldContext): string | null {
  return plaintext == null ? null : encryptField(keyring, plaintext, context);
}

export function decryptNullable(keyring: Keyring, stored: string | null | undefined, context: FieldContext): string | null {
  return stored == null ? null : decryptField(keyring, stored, context);
}
