/** Standard fonts for documents WinAnsi can show, the bundled font for the rest. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/money";
import { documentFontKind, standardFontCanShow } from "./font-choice";
import { STANDARD_FONT_FAMILY } from "./fonts";
import { renderDocumentPdfBuffer } from "./render";
import { sampleDocument, sampleLines, sampleOrg } from "./sample-data";
import { normalise, pdfText } from "./testing";

/** The fonts a PDF uses, from its raw bytes (pdfkit writes font dictionaries uncompressed). */
function fontResources(buffer: Buffer) {
  const raw = buffer.toString("latin1");
  return {
    baseFonts: [...new Set([...raw.matchAll(/\/BaseFont \/([A-Za-z+-]+)/g)].map((m) => m[1]!.replace(/^[A-Z]{6}\+/, "")))].sort(),
    embedded: raw.includes("/FontFile2"),
  };
}

describe("standardFontCanShow", () => {
  it("agrees with pdfkit's WinAnsi table for every character that isn't a control character", async () => {
    // React-PDF's standard font asks pdfkit's AFM font for the glyph; ".notdef" means it has none.
    const source = Font.getFont({ fontFamily: STANDARD_FONT_FAMILY, fontWeight: 400 });
    await source.load();
    const helvetica = source.data as unknown as { hasGlyphForCodePoint: (c: number) => boolean };
    const disagreements: string[] = [];
    for (let c = 0x20; c <= 0xffff; c++) {
      if ((c >= 0x7f && c <= 0x9f) || c === 0xad || (c >= 0xd800 && c <= 0xdfff)) continue; // controls, soft hyphen, surrogates: refused on purpose
      if (standardFontCanShow(String.fromCharCode(c)) !== helvetica.hasGlyphForCodePoint(c)) disagreements.push(c.toString(16));
    }
    expect(disagreements).toEqual([]);
    for (const refused of ["\u0080", "\u00ad", "\t", "\u0000", "😀"]) expect(standardFontCanShow(refused)).toBe(false);
    expect(standardFontCanShow("Café Straße € “quoted” – — … Œ ž ™\n")).toBe(true);
  });
});

describe("documentFontKind", () => {
  const latin = () => sampleDocument(sampleLines(3));
  it("chooses the standard font for a Latin-only document and the bundled one for anything else", () => {
    expect(documentFontKind(latin())).toBe("standard");
    const greek = latin();
    greek.document.lines[1]!.description = "Υπηρεσίες";
    expect(documentFontKind(greek)).toBe("embedded");
    const cyrillicCustomer = latin();
    cyrillicCustomer.document.customer = { ...cyrillicCustomer.document.customer, name: "ООО Ромашка" };
    expect(documentFontKind(cyrillicCustomer)).toBe("embedded");
    const notes = latin();
    notes.document.notes = "Merci • Danke — ✓";
    expect(documentFontKind(notes)).toBe("embedded");
  });
  it("knows every non-ASCII character the sections print themselves", () => {
    // documentFontKind adds "−" and "·" for the sections' labels; a new one must be added there too.
    const dir = path.join(process.cwd(), "pdf", "sections");
    const sources = [...readdirSync(dir).map((f) => path.join(dir, f)), ...["pdf/format.ts", "pdf/document-pdf.tsx", "lib/document-labels.ts"].map((f) => path.join(process.cwd(), f))];
    const code = sources.map((f) => readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "")).join("");
    expect([...new Set(code.match(/[^\x00-\x7f]/g))].sort()).toEqual(["·", "−"]);
  });

  it("looks at amounts as they print: currency symbol, locale separators, the minus before payments", () => {
    const inCurrency = (currency: string, locale: string) => {
      const data = sampleDocument(sampleLines(2), { currency });
      data.org = { ...sampleOrg, locale };
      return documentFontKind(data);
    };
    for (const [currency, locale] of [["RUB", "ru-RU"], ["INR", "en-US"], ["TRY", "tr-TR"]] as const) expect(inCurrency(currency, locale)).toBe("embedded"); // ₽ ₹ ₺
    for (const [currency, locale] of [["EUR", "de-DE"], ["USD", "en-US"], ["GBP", "en-GB"], ["JPY", "en-US"], ["CHF", "de-CH"], ["RUB", "en-US"]] as const) {
      expect(inCurrency(currency, locale)).toBe("standard"); // € $ £ ¥, ’ as separator, "RUB"
    }
    const french = latin();
    french.org = { ...sampleOrg, locale: "fr-FR" }; // groups digits with U+202F
    expect(documentFontKind(french)).toBe("embedded");
    const russianDates = latin();
    russianDates.org = { ...sampleOrg, locale: "ru-RU" };
    expect(documentFontKind(russianDates)).toBe("embedded");
    const paid = sampleDocument(sampleLines(2), { status: "paid", amountPaid: 100 });
    expect(documentFontKind(paid)).toBe("embedded"); // "Paid −€1.00": U+2212
  });
});

describe("rendering with the chosen font", () => {
  it("prints a Latin-only invoice in Helvetica, nothing embedded, and it extracts exactly", { timeout: 30_000 }, async () => {
    const data = sampleDocument(sampleLines(3, (i) => ["Café crème for the Straße team", "“Quoted” work – phase 1 — review…", "Œuvre ½ ± © ™ ‰ • Ž"][i]!));
    data.document.notes = "Zahlbar in €, merci beaucoup —\nà bientôt.";
    const buffer = await renderDocumentPdfBuffer(data);
    expect(fontResources(buffer)).toEqual({ baseFonts: ["Helvetica", "Helvetica-Bold"], embedded: false });
    const pdf = await pdfText(buffer);
    for (const line of data.document.lines) expect(pdf.text).toContain(line.description);
    expect(pdf.text).toContain(normalise(data.document.notes));
    expect(pdf.text).toContain(`Total ${formatMoney(data.document.total, "EUR", "en-US")}`);
    expect(pdf.text).toContain("Page 1 of 1");
  });

  it("embeds the bundled font for Greek text or a ₽ amount, and they extract exactly", { timeout: 30_000 }, async () => {
    const greek = sampleDocument(sampleLines(2, (i) => ["Υπηρεσίες σχεδιασμού", "Design review"][i]!));
    const rubles = sampleDocument(sampleLines(2), { currency: "RUB" });
    rubles.org = { ...sampleOrg, country: "DE", locale: "ru-RU" };
    for (const data of [greek, rubles]) {
      const buffer = await renderDocumentPdfBuffer(data);
      const fonts = fontResources(buffer);
      expect(fonts.embedded).toBe(true);
      expect(fonts.baseFonts).toEqual(expect.arrayContaining(["DejaVuSans", "DejaVuSans-Bold"]));
      const pdf = await pdfText(buffer);
      for (const line of data.document.lines) expect(pdf.text).toContain(line.description);
      expect(normalise(pdf.text)).toContain(normalise(`Total ${formatMoney(data.document.total, data.document.currency, data.org.locale)}`));
    }
  });
});
