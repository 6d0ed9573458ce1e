/** The CJK font pack: used only by documents with Chinese, Japanese or Korean text, embedded as a subset. */
import { afterEach, describe, expect, it, vi } from "vitest";
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

describe("CJK text in a PDF", () => {
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
