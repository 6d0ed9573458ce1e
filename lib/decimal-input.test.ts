import { describe, expect, it } from "vitest";
import { parseMoney, parseQuantity, parseRate } from "./money";
import { decimalMarkOf, localizeDecimalInput, normalizeDecimalInput } from "./decimal-input";

const de = (text: string) => normalizeDecimalInput(text, ",");
const en = (text: string) => normalizeDecimalInput(text, ".");

describe("decimalMarkOf", () => {
  it("is the comma where the language writes one and the dot elsewhere", () => {
    expect(decimalMarkOf("de")).toBe(",");
    expect(decimalMarkOf("de-DE")).toBe(",");
    expect(decimalMarkOf("fr-FR")).toBe(",");
    expect(decimalMarkOf("en")).toBe(".");
    expect(decimalMarkOf("en-GB")).toBe(".");
    expect(decimalMarkOf("not a locale!")).toBe(".");
  });
});

describe("normalizeDecimalInput with a decimal comma (German)", () => {
  it("reads the comma as the decimal mark", () => {
    expect(de("1,5")).toBe("1.5");
    expect(de("1,500")).toBe("1.500");
    expect(de("0,333")).toBe("0.333");
    expect(de("19,0")).toBe("19.0");
    expect(de("-2,25")).toBe("-2.25");
    expect(de(",5")).toBe(".5");
    expect(de("12,")).toBe("12");
  });

  it("reads dots and spaces in groups of three as thousands", () => {
    expect(de("1.234,50")).toBe("1234.50");
    expect(de("1.000")).toBe("1000");
    expect(de("12.345.678")).toBe("12345678");
    expect(de("1 234,50")).toBe("1234.50");
    expect(de("1\u202f234,50")).toBe("1234.50");
    expect(de("1\u00a0000")).toBe("1000");
  });

  it("keeps a dot that cannot be a thousands separator as the decimal point", () => {
    expect(de("3772.63")).toBe("3772.63");
    expect(de("2.5")).toBe("2.5");
    expect(de("0.500")).toBe("0.500");
    expect(de("1234")).toBe("1234");
  });

  it("returns text that follows no convention as typed, for the parser to explain", () => {
    expect(de("1,2,3")).toBe("1,2,3");
    expect(de("12.34,5")).toBe("12.34,5");
    expect(de("1,5x")).toBe("1,5x");
    expect(de("abc")).toBe("abc");
    expect(de("")).toBe("");
  });
});

describe("normalizeDecimalInput with a decimal dot (English)", () => {
  it("leaves English text to lib/money as it is, spaces between thousands aside", () => {
    expect(en("1,234.50")).toBe("1,234.50");
    expect(en("1,500")).toBe("1,500");
    expect(en("1.5")).toBe("1.5");
    expect(en(" 7 ")).toBe(" 7 ");
    expect(en("1 234.50")).toBe("1234.50");
  });
});

describe("what the money module then reads", () => {
  it("gives a German user's figures their meaning, in minor units and ten-thousandths", () => {
    expect(parseQuantity(de("1,500"))).toBe(15_000); // one and a half
    expect(parseMoney(de("2,00"), "EUR")).toBe(200);
    expect(parseMoney(de("0,33"), "EUR")).toBe(33);
    expect(parseMoney(de("1.234,50"), "EUR")).toBe(123_450);
    expect(parseMoney(de("1.000"), "EUR")).toBe(100_000);
    expect(parseRate(de("19,0"))).toBe(190_000);
    expect(parseRate(de("7,25"))).toBe(72_500);
  });

  it("gives an English user's figures theirs", () => {
    expect(parseMoney(en("1,500"), "EUR")).toBe(150_000);
    expect(parseQuantity(en("1.5"))).toBe(15_000);
  });
});

describe("localizeDecimalInput (what the app fills a field in with)", () => {
  it("writes a German user's decimal comma, and reads back as the same value", () => {
    expect(localizeDecimalInput("3772.63", ",")).toBe("3772,63");
    expect(localizeDecimalInput("1.125", ",")).toBe("1,125");
    expect(localizeDecimalInput("-0.05", ",")).toBe("-0,05");
    expect(localizeDecimalInput("20", ",")).toBe("20");
    expect(localizeDecimalInput("", ",")).toBe("");
    // Shown as "1.125", the German reading was one thousand one hundred and twenty-five.
    expect(parseQuantity(de(localizeDecimalInput("1.125", ",")))).toBe(11_250);
    expect(parseMoney(de(localizeDecimalInput("1.234", ",")), "BHD")).toBe(1_234);
  });

  it("leaves English values and text that is not a plain number as they are", () => {
    expect(localizeDecimalInput("1.125", ".")).toBe("1.125");
    expect(localizeDecimalInput("abc", ",")).toBe("abc");
    expect(localizeDecimalInput("1.2.3", ",")).toBe("1.2.3");
  });
});
