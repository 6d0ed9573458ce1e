import { describe, expect, it } from "vitest";
import { email, optionalText, text } from "./common";

const name = text("your name", 100);
const messageOf = (schema: { safeParse: (v: unknown) => { error?: { issues: { message: string }[] } } }, value: unknown) =>
  schema.safeParse(value).error?.issues[0]?.message;

describe("text()", () => {
  it("rejects a 10,000-character name", () => {
    expect(messageOf(name, "a".repeat(10_000))).toBe("Use at most 100 characters.");
    expect(name.safeParse("a".repeat(100)).success).toBe(true);
  });

  it("rejects control characters", () => {
    expect(messageOf(name, "Ada\u0000Lovelace")).toBe("Remove control characters.");
    expect(messageOf(name, "Ada\u0007")).toBe("Remove control characters.");
    expect(messageOf(name, "Ada\u007F")).toBe("Remove control characters.");
    expect(messageOf(name, "Ada\nLovelace")).toBe("Remove control characters.");
    expect(messageOf(name, "Ada\tLovelace")).toBe("Remove control characters.");
  });

  it("rejects an empty or blank value", () => {
    expect(messageOf(name, "")).toBe("Enter your name.");
    expect(messageOf(name, "   ")).toBe("Enter your name.");
    expect(messageOf(name, undefined)).toBe("Enter your name.");
  });

  it("accepts emoji, accents and right-to-left text, trimmed", () => {
    expect(name.parse("  Zoë 🚀 Ltd  ")).toBe("Zoë 🚀 Ltd");
    expect(name.parse("👩🏽‍💻")).toBe("👩🏽‍💻");
    expect(name.parse("شركة النور")).toBe("شركة النور");
    expect(name.parse("חברה בע״מ")).toBe("חברה בע״מ");
  });
});

describe("optionalText()", () => {
  it("turns an empty value into null and allows line breaks only when multi-line", () => {
    expect(optionalText(50).parse("")).toBeNull();
    expect(optionalText(50).parse(undefined)).toBeNull();
    expect(optionalText(50, true).parse("Bank\nIBAN")).toBe("Bank\nIBAN");
    expect(optionalText(50).safeParse("Bank\nIBAN").success).toBe(false);
    expect(optionalText(50, true).safeParse("Bank\u0000").success).toBe(false);
  });
});

describe("email", () => {
  it("rejects something that isn't an address", () => {
    expect(messageOf(email, "not-an-email")).toBe("Enter a valid email address, like name@example.com.");
    expect(messageOf(email, "")).toBe("Enter your email address.");
    expect(email.safeParse(`${"a".repeat(250)}@example.com`).success).toBe(false);
  });

  it("accepts an address, trimmed", () => {
    expect(email.parse("  ada@example.com ")).toBe("ada@example.com");
  });
});
