/**
 * Right-to-left documents (Arabic, Hebrew): the page is mirrored and mixed text keeps its order.
 * The invoice is sampleDocument's two lines: 1 h × 125.00 with 7 % (8.75) and 2 h × 125.37 = 250.74
 * with 20 % (50.148 → 50.15); subtotal 375.74, total and balance 375.74 + 8.75 + 50.15 = 434.64 EUR.
 *
 * PDF.js returns each piece of text as it reads on the page: a piece with no Arabic or Hebrew letter
 * (an amount) left to right as drawn, a right-to-left piece in reading order. An Arabic reader sees
 * 434.64 € (the amount, then the currency, reading from the right); drawn, that is "€ 434.64".
 */
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Language } from "@/lib/i18n/languages";
import { renderDocumentPdfBuffer } from "./render";
import { sampleDocument, sampleLines, sampleOrg } from "./sample-data";
import { valueDirection } from "./styles";
import { type PdfTextItem, pdfText, pdfTextItems } from "./testing";

const IBAN = "DE89 3704 0044 0532 0130 00";

function invoice(language: Language) {
  const data = sampleDocument(sampleLines(2));
  data.language = language;
  data.org = { ...sampleOrg, name: "Acme GmbH", legalName: "Acme GmbH", bankDetails: `رقم الحساب (IBAN): ${IBAN}` };
  return data;
}

const render = async (language: Language) => pdfTextItems(await renderDocumentPdfBuffer(invoice(language)));

function at(items: PdfTextItem[], str: string): PdfTextItem {
  const found = items.find((item) => item.str === str);
  if (!found) throw new Error(`"${str}" is not on the page; it has: ${items.map((i) => i.str).join(" | ")}`);
  return found;
}

/** The x of a label and of the value on its line (the first other piece at the same height). */
function labelAndValue(items: PdfTextItem[], label: string, value: string) {
  const l = at(items, label);
  const v = items.find((item) => item.str === value && item.y === l.y);
  if (!v) throw new Error(`"${value}" is not on the line of "${label}"`);
  return { label: l.x, value: v.x };
}

describe("an Arabic invoice", () => {
  // The first render in a process loads and parses the bundled fonts: seconds on a loaded machine.
  it("prints the Arabic labels, the Latin company name, the IBAN in its order and the exact totals", { timeout: 30_000 }, async () => {
    const items = await render("ar");
    const strings = items.map((i) => i.str);
    for (const expected of ["فاتورة", "من", "فاتورة إلى", "الوصف", "الكمية", "سعر الوحدة", "المبلغ", "المجموع الفرعي", "الرصيد المستحق", "تفاصيل الدفع", "Acme GmbH", "INV-2026-0001"]) {
      expect(strings).toContain(expected);
    }
    // Typed values keep their own direction: a phone number and an address line are not turned round.
    expect(strings).toContain("+49 30 1234567");
    expect(strings).toContain("10115 Berlin");
    expect(strings).toContain("1 Main Street");
    expect(strings.find((s) => s.includes("IBAN"))).toContain(IBAN);
    expect(labelAndValue(items, "المجموع الفرعي", "€ 375.74").value).toBeLessThan(labelAndValue(items, "المجموع الفرعي", "€ 375.74").label);
    expect(labelAndValue(items, "الرصيد المستحق", "€ 434.64").value).toBeLessThan(at(items, "الرصيد المستحق").x);
    expect(strings).toContain("€ 8.75");
    expect(strings).toContain("€ 50.15");
    // The balance sentence in the payment details reads right to left with the amount and date inside it.
    expect(strings).toContain("الرصيد المستحق € 434.64 بحلول 2026/04/09");
    expect((await pdfText(await renderDocumentPdfBuffer(invoice("ar")))).info).toMatchObject({ Language: "ar" });
  });

  it("is mirrored: the title on the left, the sender on the right, each total's label right of its amount", { timeout: 30_000 }, async () => {
    const [ar, en] = [await render("ar"), await render("en")];
    expect(at(en, "Invoice").x).toBeGreaterThan(at(en, "Acme GmbH").x);
    expect(at(ar, "فاتورة").x).toBeLessThan(at(ar, "Acme GmbH").x);
    expect(at(en, "FROM").x).toBeLessThan(at(en, "BILL TO").x);
    expect(at(ar, "من").x).toBeGreaterThan(at(ar, "فاتورة إلى").x);
    const enTotal = labelAndValue(en, "Total", "€434.64");
    expect(enTotal.label).toBeLessThan(enTotal.value);
    const arSubtotal = labelAndValue(ar, "المجموع الفرعي", "€ 375.74");
    expect(arSubtotal.label).toBeGreaterThan(arSubtotal.value);
  });
});

describe("the lines table's columns", () => {
  it("run from the right in Arabic and Hebrew: description right of quantity, price, taxes and amount", { timeout: 30_000 }, async () => {
    const [en, ar, he] = [await render("en"), await render("ar"), await render("he")];
    const order = (items: PdfTextItem[], headings: string[]) => headings.map((h) => at(items, h).x);
    const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);
    expect(ascending(order(en, ["Description", "Quantity", "Unit price", "Taxes", "Amount"]))).toBe(true);
    expect(ascending(order(ar, ["المبلغ", "الضرائب", "سعر الوحدة", "الكمية", "الوصف"]))).toBe(true);
    expect(ascending(order(he, ["סכום", "מסים", "מחיר ליחידה", "כמות", "תיאור"]))).toBe(true);
    // The rows follow their headings: the description cell right of the line's amount.
    const row = (items: PdfTextItem[], amount: string) => labelAndValue(items, "Consulting work package 2", amount);
    expect(row(en, "€250.74").label).toBeLessThan(row(en, "€250.74").value);
    expect(row(ar, "€ 250.74").label).toBeGreaterThan(row(ar, "€ 250.74").value);
    expect(row(he, "€ 250.74").label).toBeGreaterThan(row(he, "€ 250.74").value);
    // Figures align to the column's far side: in Hebrew the amounts sit at the page's left margin (40 pt).
    expect(at(he, "סכום").x).toBe(40);
  });
});

describe("valueDirection (a typed value's own reading direction, from its first letter)", () => {
  it("reads Latin text, and text without letters, left to right; Arabic and Hebrew right to left", () => {
    expect(["Acme GmbH", "1 Main Street", "+49 30 1234567", "DE89 3704 0044 0532 0130 00", "", "12 345"].map(valueDirection)).toEqual(["ltr", "ltr", "ltr", "ltr", "ltr", "ltr"]);
    expect(["شركة النور", "עברית בע״מ", "12 شارع الملك"].map(valueDirection)).toEqual(["rtl", "rtl", "rtl"]);
    // The first letter decides: an Arabic note that starts with a Latin brand name reads left to right, as dir="auto" would.
    expect(valueDirection("Acme شركة")).toBe("ltr");
  });
});

describe("the bundled font", () => {
  // fontkit is the shaping engine React-PDF lays text out with (pinned through package.json's overrides).
  const fontkit = createRequire(import.meta.url)("fontkit") as {
    openSync(file: string): { layout(text: string): { glyphs: { name: string }[] }; hasGlyphForCodePoint(codePoint: number): boolean };
  };
  const font = fontkit.openSync(path.join(process.cwd(), "pdf", "fonts", "DejaVuSans.ttf"));

  it("joins Arabic letters: بيت is printed with beh's initial, yeh's medial and teh's final forms", () => {
    // Glyph order is visual (right to left): final teh U+FE96, medial yeh U+FEF4, initial beh U+FE91.
    expect(font.layout("بيت").glyphs.map((g) => g.name)).toEqual(["uniFE96", "uniFEF4", "uniFE91"]);
  });

  it("has every Hebrew letter", () => {
    const missing = [..."אבגדהוזחטיכךלמםנןסעפףצץקרשת"].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
    expect(missing).toEqual([]);
  });
});
