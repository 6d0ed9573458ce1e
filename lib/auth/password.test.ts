import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";
import { PASSWORD_MAX, PASSWORD_MIN, passwordSchema } from "./password-rules";

const messageOf = (value: unknown) => passwordSchema.safeParse(value).error?.issues[0]?.message;

describe("passwordSchema", () => {
  it("rejects passwords that are too short or too long", () => {
    expect(PASSWORD_MIN).toBe(10);
    expect(PASSWORD_MAX).toBe(128);
    expect(messageOf("abcdefgh9")).toBe("Use at least 10 characters.");
    expect(messageOf("abcd".repeat(32) + "x")).toBe("Use at most 128 characters.");
    expect(passwordSchema.safeParse("abcd".repeat(32)).success).toBe(true);
  });

  it("rejects common and repetitive passwords", () => {
    expect(messageOf("password123")).toMatch(/too easy to guess/);
    expect(messageOf("PassWord123")).toMatch(/too easy to guess/);
    expect(messageOf("aaaaaaaaaaaa")).toMatch(/too easy to guess/);
    expect(messageOf("abcabcabcabc")).toMatch(/too easy to guess/);
  });

  it("accepts a passphrase", () => {
    expect(passwordSchema.safeParse("correct horse battery").success).toBe(true);
  });

  it("rejects a missing password", () => {
    expect(messageOf(undefined)).toBe("Enter a password.");
  });
});

describe("hashPassword / verifyPassword", () => {
  it("hashes with argon2id at the OWASP parameters and verifies the same password only", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(hash).toContain("$m=19456,t=2,p=1$");
    expect(hash).not.toContain("correct horse battery");
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "correct horse batterY")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
    // Salted: the same password never hashes the same way twice.
    expect(await hashPassword("correct horse battery")).not.toBe(hash);
  });

  it("answers false, without throwing, for a 10,000-character input", async () => {
    const huge = "x".repeat(10_000);
    const hash = await hashPassword("correct horse battery");
    await expect(verifyPassword(hash, huge)).resolves.toBe(false);
    // Refused for its length before argon2 runs, even when it would match.
    const hugeHash = await hashPassword(huge);
    expect(await verifyPassword(hugeHash, huge)).toBe(false);
  });

  it("answers false for a malformed stored hash", async () => {
    expect(await verifyPassword("not a hash", "correct horse battery")).toBe(false);
  });

  it("verifyAgainstDummy always answers false", async () => {
    expect(await verifyAgainstDummy("correct horse battery")).toBe(false);
    expect(await verifyAgainstDummy("dummy password that never matches")).toBe(false);
    expect(await verifyAgainstDummy("y".repeat(10_000))).toBe(false);
  });
});
