import { describe, expect, it } from "vitest";
import { hasControlCharacters, stripControlCharacters } from "./text";

describe("hasControlCharacters", () => {
  it("finds NUL, the other C0 controls and DEL", () => {
    for (const c of ["\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u001F", "\u007F"]) {
      expect(hasControlCharacters(`a${c}b`), JSON.stringify(c)).toBe(true);
      expect(hasControlCharacters(`a${c}b`, true), JSON.stringify(c)).toBe(true);
    }
  });

  it("allows tab and line breaks only in multi-line text", () => {
    for (const c of ["\t", "\n", "\r"]) {
      expect(hasControlCharacters(`a${c}b`)).toBe(true);
      expect(hasControlCharacters(`a${c}b`, true)).toBe(false);
    }
  });

  it("leaves ordinary and non-Latin text alone", () => {
    expect(hasControlCharacters("Zoë 🚀 Ltd — שלום, 東京")).toBe(false);
    // C1 controls and zero-width characters are not the database's problem; they stay.
    expect(hasControlCharacters("a\u0085b\u200Bc")).toBe(false);
  });
});

describe("stripControlCharacters", () => {
  it("removes controls and turns tab and line breaks into one space", () => {
    expect(stripControlCharacters("\u0000")).toBe("");
    expect(stripControlCharacters("a\u0000b\u0001c\u007F")).toBe("abc");
    expect(stripControlCharacters("a\r\n\tb")).toBe("a b");
  });
});
