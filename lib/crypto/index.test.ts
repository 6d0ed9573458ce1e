import { describe, expect, it } from "vitest";
import { createKeyring, decryptField, decryptNullable, encryptField, encryptNullable, FieldCryptoError, isEncrypted, storedVersion } from "./index";

const salt = "s".repeat(32);
const v1 = createKeyring({ current: { version: 1, secret: "one-".repeat(8) }, salt });
const v2 = createKeyring({ current: { version: 2, secret: "two-".repeat(8) }, previous: [{ version: 1, secret: "one-".repeat(8) }], salt });
const field = { table: "customers", column: "tax_id", id: "5f0e1c1e-0000-4000-8000-000000000001" };

/** Flips one bit of one byte of the binary body (nonce | ciphertext | tag), keeping the format valid. */
function flipByte(stored: string, index: number): string {
  const [prefix, encoded] = [stored.slice(0, stored.indexOf(":") + 1), stored.slice(stored.indexOf(":") + 1)];
  const body = Buffer.from(encoded, "base64url");
  body[index < 0 ? body.length + index : index]! ^= 0x01;
  return prefix + body.toString("base64url");
}

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldCryptoError);
    return (error as FieldCryptoError).reason;
  }
  return undefined;
}

describe("field encryption", () => {
  it.each([
    ["an ascii tax id", "DE123456789"],
    ["unicode bank details", "Bankverbindung: Sparkasse Köln · IBAN DE89 3704 0044 0532 0130 00\n口座番号 1234567 🏦"],
    ["the empty string", ""],
    ["a long text", "x".repeat(10_000)],
  ])("round-trips %s", (_, plaintext) => {
    const stored = encryptField(v1, plaintext, field);
    expect(stored).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(plaintext || "\u0000");
    expect(decryptField(v1, stored, field)).toBe(plaintext);
  });

  it("uses a fresh nonce for every value, so equal plaintexts do not look equal", () => {
    const stored = Array.from({ length: 200 }, () => encryptField(v1, "DE123456789", field));
    expect(new Set(stored).size).toBe(200);
    const nonces = stored.map((s) => Buffer.from(s.slice(3), "base64url").subarray(0, 12).toString("hex"));
    expect(new Set(nonces).size).toBe(200);
    expect(Buffer.from(stored[0]!.slice(3), "base64url").subarray(0, 12)).toHaveLength(12);
  });

  it("detects a changed byte anywhere: nonce, ciphertext or tag", () => {
    const stored = encryptField(v1, "DE123456789", field);
    const length = Buffer.from(stored.slice(3), "base64url").length;
    for (let i = 0; i < length; i++) expect(reasonOf(() => decryptField(v1, flipByte(stored, i), field))).toBe("tampered");
  });

  it("detects a changed character of the stored text, including the prefix", () => {
    const stored = encryptField(v1, "DE123456789", field);
    for (let i = 0; i < stored.length; i++) {
      const c = stored[i] === "A" ? "B" : "A";
      const changed = stored.slice(0, i) + c + stored.slice(i + 1);
      expect(() => decryptField(v1, changed, field), `character ${i}`).toThrow(FieldCryptoError);
    }
    // One character short still decodes when its spare bits happen to be zero (1 in 4): then the tag
    // check refuses it instead. Either way it must throw, never decrypt.
    expect(["malformed", "tampered"]).toContain(reasonOf(() => decryptField(v1, stored.slice(0, -1), field)));
    expect(reasonOf(() => decryptField(v1, `${stored}=`, field))).toBe("malformed");
    expect(reasonOf(() => decryptField(v1, `${stored.slice(0, 10)}*${stored.slice(11)}`, field))).toBe("malformed");
    expect(reasonOf(() => decryptField(v1, "v1:AAAA", field))).toBe("malformed");
  });

  it("refuses a value moved to another record, column or table (additional authenticated data)", () => {
    const stored = encryptField(v1, "DE123456789", field);
    expect(reasonOf(() => decryptField(v1, stored, { ...field, id: "5f0e1c1e-0000-4000-8000-000000000002" }))).toBe("tampered");
    expect(reasonOf(() => decryptField(v1, stored, { ...field, column: "bank_details" }))).toBe("tampered");
    expect(reasonOf(() => decryptField(v1, stored, { ...field, table: "organizations" }))).toBe("tampered");
  });

  it("names the field and record in the error, never the value", () => {
    const stored = flipByte(encryptField(v1, "DE123456789", field), 20);
    expect(() => decryptField(v1, stored, field)).toThrow(`Cannot decrypt customers.tax_id of record ${field.id}`);
    try {
      decryptField(v1, stored, field);
    } catch (error) {
      expect(String((error as Error).message)).not.toContain("DE123");
    }
  });

  it("reads older key versions while they are configured, and encrypts under the current one", () => {
    const old = encryptField(v1, "DE123456789", field);
    expect(decryptField(v2, old, field)).toBe("DE123456789");
    const fresh = encryptField(v2, "DE123456789", field);
    expect(storedVersion(fresh)).toBe(2);
    expect(reasonOf(() => decryptField(v1, fresh, field))).toBe("unknown-version");
  });

  it("binds the version to the key: relabelling a v1 value as v2 fails", () => {
    const old = encryptField(v1, "DE123456789", field);
    expect(reasonOf(() => decryptField(v2, `v2:${old.slice(3)}`, field))).toBe("tampered");
  });

  it("fails on a different secret or salt for the same version", () => {
    const stored = encryptField(v1, "DE123456789", field);
    const otherSecret = createKeyring({ current: { version: 1, secret: "not-".repeat(8) }, salt });
    const otherSalt = createKeyring({ current: { version: 1, secret: "one-".repeat(8) }, salt: "t".repeat(32) });
    expect(reasonOf(() => decryptField(otherSecret, stored, field))).toBe("tampered");
    expect(reasonOf(() => decryptField(otherSalt, stored, field))).toBe("tampered");
  });

  it("passes legacy plaintext (written before encryption) through, and keeps null as null", () => {
    for (const legacy of ["DE123456789", "IBAN DE89 3704 0044 0532 0130 00", "Bank: X, account 12:34", ""]) {
      expect(isEncrypted(legacy)).toBe(false);
      expect(decryptField(v1, legacy, field)).toBe(legacy);
    }
    expect(encryptNullable(v1, null, field)).toBeNull();
    expect(decryptNullable(v1, null, field)).toBeNull();
    expect(decryptNullable(v1, encryptNullable(v1, "x", field), field)).toBe("x");
  });

  it("rejects a keyring that configures one version twice", () => {
    expect(() => createKeyring({ current: { version: 1, secret: "a".repeat(32) }, previous: [{ version: 1, secret: "b".repeat(32) }], salt })).toThrow(
      "configured twice",
    );
  });
});
