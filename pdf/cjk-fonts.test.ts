/** The CJK font pack: used only by documents with Chinese, Japanese or Korean text, embedded as a subset. */
import { PDFDict, PDFDocument, PDFName, PDFStream } from "@cantoo/pdf-lib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { toCii } from "@/lib/einvoice/cii";
import { toFacturX } from "@/lib/einvoice/facturx";
import { germanInvoice } from "@/tests/support/einvoice-fixtures";
import { cjkFamiliesFor } from "./cjk-fonts";
import { renderDocumentPdfBuffer } from "./render";
import { sampleDocument, sampleLines } from "./sample-data";
import { pdfText } from "./testing";

/** A Japanese customer, a Chinese line and a Korean address line on one invoice. */
function cjkInvoice() {
  const data = sampleDocument(sampleLines(2, (i) => ["网站设计", "Hosting 2026"][i]!));
  const customer = { name: "株式会社テスト", email: "keiri@test.jp", addressLines: ["서울", "Tokyo"], taxId: null };
  return { ...data, document: { ...data.document, customer, customerSnapshot: customer } };
}

/** The embedded fonts' names (pdfkit writes font dictionaries uncompressed) and their font files' stream lengths. */
function embeddedFonts(raw: string) {
  const names = [...raw.matchAll(/\/BaseFont \/([^\s/>]+)/g)].map((m) => m[1]!);
  return [...new Set(names)];
}

/** The byte length of each embedded TrueType file (/FontFile2 n 0 R → object n's /Length). */
function fontFileSizes(raw: string): number[] {
  return [...raw.matchAll(/\/FontFile2 (\d+) 0 R/g)].map((m) => {
    const length = raw.match(new RegExp(`\\n${m[1]} 0 obj\\s*<<[^]*?/Length (\\d+)`))?.[1];
    return Number(length);
  });
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("cjkFamiliesFor", () => {
  it("picks the families by script: kana → JP, Hangul → KR, Han → SC behind them", () => {
    expect(cjkFamiliesFor("Acme GmbH, Ромашка, شركة").map((f) => f.family)).toEqual([]);
    expect(cjkFamiliesFor("网站设计").map((f) => f.family)).toEqual(["Noto Sans SC"]);
    expect(cjkFamiliesFor("株式会社テスト").map((f) => f.family)).toEqual(["Noto Sans JP", "Noto Sans SC"]);
    expect(cjkFamiliesFor("서울").map((f) => f.family)).toEqual(["Noto Sans KR"]);
    expect(cjkFamiliesFor("（株）").map((f) => f.family)).toEqual(["Noto Sans SC"]);
  });
});

describe("CJK text in a PDF", { timeout: 60_000 }, () => {
  it("prints Japanese, Chinese and Korean text exactly, in embedded subsets of the Noto fonts", async () => {
    const bytes = await renderDocumentPdfBuffer(cjkInvoice());
    const pdf = await pdfText(bytes);
    expect(pdf.text).toContain("株式会社テスト");
    expect(pdf.text).toContain("网站设计");
    expect(pdf.text).toContain("서울");
    const raw = bytes.toString("latin1");
    const fonts = embeddedFonts(raw);
    for (const name of fonts) expect(name).toMatch(/^[A-Z]{6}\+(DejaVuSans(-Bold)?|NotoSans(JP|SC|KR)-(Regular|Bold))$/);
    expect(fonts.some((n) => n.endsWith("+NotoSansJP-Regular"))).toBe(true);
    expect(fonts.some((n) => n.endsWith("+NotoSansSC-Regular"))).toBe(true);
    expect(fonts.some((n) => n.endsWith("+NotoSansKR-Regular"))).toBe(true);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    // Subsets: each embedded file is a few kilobytes, not the 5–10 MB fonts they come from.
    const sizes = fontFileSizes(raw);
    console.info(`CJK invoice: ${bytes.length} bytes; embedded font files ${sizes.join(", ")} bytes (${fonts.join(", ")})`);
    expect(sizes.length).toBe(fonts.length);
    for (const size of sizes) expect(size).toBeLessThan(100_000);
    expect(bytes.length).toBeLessThan(250_000);
  });

  it("keeps every font program embedded when the PDF becomes Factur-X (PDF/A-3b 6.2.11.4.1)", async () => {
    const cii = toCii(germanInvoice({ format: "factur-x", number: "INV-2026-0001" }));
    const out = await toFacturX(await renderDocumentPdfBuffer(cjkInvoice()), cii, { title: "INV-2026-0001", author: "Example GmbH", createdAt: new Date("2026-03-10T00:00:00Z") });
    const doc = await PDFDocument.load(out, { updateMetadata: false });
    const embedded: string[] = [];
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      const dict = object instanceof PDFStream ? object.dict : object;
      if (!(dict instanceof PDFDict) || dict.get(PDFName.of("Type")) !== PDFName.of("FontDescriptor")) continue;
      expect(["FontFile", "FontFile2", "FontFile3"].filter((key) => dict.has(PDFName.of(key)))).toHaveLength(1);
      embedded.push(String(dict.get(PDFName.of("FontName"))));
    }
    expect(embedded.filter((n) => n.includes("NotoSans"))).toHaveLength(4);
  });

  it("leaves the pack out of a Latin-only invoice", async () => {
    const bytes = await renderDocumentPdfBuffer(sampleDocument(sampleLines(3)));
    const raw = bytes.toString("latin1");
    console.info(`Latin invoice: ${bytes.length} bytes`);
    expect(raw).not.toContain("NotoSans");
    expect(embeddedFonts(raw).every((n) => /\+DejaVuSans(-Bold)?$/.test(n))).toBe(true);
  });

  it("still renders, as empty boxes, with the pack switched off", async () => {
    vi.stubEnv("PDF_CJK_FONTS", "off");
    const data = cjkInvoice();
    const bytes = await renderDocumentPdfBuffer(data);
    expect(bytes.toString("latin1")).not.toContain("NotoSans");
    expect((await pdfText(bytes)).text).toContain("Hosting 2026");
  });
});
