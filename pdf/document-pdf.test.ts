/** The PDF without a database: file names, paper size, stamps, metadata, awkward text. */
import { describe, expect, it } from "vitest";
import { getDocumentProxy } from "unpdf";
import { formatMoney, quantityToString } from "@/lib/money";
import { pdfFileName } from "./file-name";
import { paperSize, quantityText, stampText } from "./format";
import { renderDocumentPdfBuffer } from "./render";
import { sampleDocument, sampleLines, sampleOrg } from "./sample-data";
import { pdfText } from "./testing";

/** Quantities as an English document prints them: the plain decimal ("1.5"). */
const ENGLISH_QUANTITY = { quantity: quantityToString };

describe("pdfFileName", () => {
  it("keeps document numbers as they are", () => {
    expect(pdfFileName("INV-2026-0001")).toBe("INV-2026-0001.pdf");
    expect(pdfFileName("CN_2026.7")).toBe("CN_2026.7.pdf");
  });
  it("names drafts draft.pdf", () => {
    expect(pdfFileName(null)).toBe("draft.pdf");
    expect(pdfFileName(undefined)).toBe("draft.pdf");
    expect(pdfFileName("")).toBe("draft.pdf");
    expect(pdfFileName("///")).toBe("draft.pdf");
  });
  it("replaces everything outside [A-Za-z0-9._-], so the header can't be broken", () => {
    expect(pdfFileName('INV/2026/"0001"')).toBe("INV-2026-0001.pdf");
    expect(pdfFileName("a\r\nContent-Type: text/html")).toBe("a-Content-Type-text-html.pdf");
    expect(pdfFileName("Счёт №5")).toBe("5.pdf");
    expect(pdfFileName("../../etc/passwd")).toBe("etc-passwd.pdf");
    expect(pdfFileName("x".repeat(500))).toBe(`${"x".repeat(100)}.pdf`);
    for (const n of ["a b", "ü", "a;b", "a\\b", "<x>"]) expect(pdfFileName(n)).toMatch(/^[A-Za-z0-9._-]+\.pdf$/);
  });
});

describe("paper size and stamps", () => {
  it("uses Letter in the US and Canada, A4 elsewhere", () => {
    expect(paperSize({ country: "US" })).toBe("LETTER");
    expect(paperSize({ country: "CA" })).toBe("LETTER");
    expect(paperSize({ country: "DE" })).toBe("A4");
    expect(paperSize({ country: null })).toBe("A4");
  });
  it("stamps paid invoices, void documents and drafts", () => {
    expect(stampText({ kind: "invoice", status: "paid" })).toBe("PAID");
    expect(stampText({ kind: "invoice", status: "void" })).toBe("VOID");
    expect(stampText({ kind: "credit_note", status: "void" })).toBe("VOID");
    expect(stampText({ kind: "invoice", status: "draft" })).toBe("DRAFT");
    expect(stampText({ kind: "invoice", status: "issued" })).toBeNull();
    expect(stampText({ kind: "quote", status: "accepted" })).toBeNull();
  });
});

describe("renderDocumentPdfBuffer", () => {
  // The first render in a process loads and parses the bundled fonts: seconds on a loaded machine.
  it("writes a PDF with title, author and language metadata, on Letter paper for a US organisation", { timeout: 30_000 }, async () => {
    const data = sampleDocument(sampleLines(2));
    data.org = { ...sampleOrg, country: "US", locale: "en-US" };
    const buffer = await renderDocumentPdfBuffer(data);
    expect(buffer.subarray(0, 5).toString()).toBe("%PDF-");
    const pdf = await pdfText(buffer);
    expect(pdf.pageSize).toEqual([612, 792]);
    expect(pdf.info).toMatchObject({ Title: "Invoice INV-2026-0001", Author: sampleOrg.legalName, Language: "en-US" });
    expect(pdf.text).toContain(formatMoney(data.document.total, "EUR", "en-US"));
  });

  it("prints the IBAN and BIC entered as such (onboarding), and an IBAN the bank details already give only once", { timeout: 30_000 }, async () => {
    const data = sampleDocument(sampleLines(1));
    data.org = { ...sampleOrg, bankDetails: null, iban: "de89370400440532013000", bic: "cobadeffxxx" };
    const structured = await pdfText(await renderDocumentPdfBuffer(data));
    expect(structured.text).toContain("IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX");

    data.org = { ...sampleOrg, iban: "DE89370400440532013000", bic: "COBADEFFXXX" };
    const both = await pdfText(await renderDocumentPdfBuffer(data));
    expect(both.text.split("DE89 3704 0044 0532 0130 00")).toHaveLength(2);
  });

  it("titles quotes and credit notes as such, on A4 by default", async () => {
    const quote = await pdfText(await renderDocumentPdfBuffer(sampleDocument(sampleLines(1), { kind: "quote", status: "sent", number: "QUO-2026-0001" })));
    expect(quote.pageSize).toEqual([595, 842]);
    expect(quote.info.Title).toBe("Quote QUO-2026-0001");
    expect(quote.text).toContain("VALID UNTIL") // section labels are upper-cased;
    expect(quote.text).not.toContain("Balance due");
    const credit = await pdfText(
      await renderDocumentPdfBuffer(sampleDocument(sampleLines(1), { kind: "credit_note", number: "CN-2026-0001", sourceNumber: "INV-2026-0001", balance: 0 })),
    );
    expect(credit.info.Title).toBe("Credit note CN-2026-0001");
    expect(credit.text).toContain("CREDITS INVOICE INV-2026-0001");
  });

  it("renders logos it can embed and ignores formats it can't", async () => {
    // 1×1 transparent PNG.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
    const data = sampleDocument(sampleLines(1));
    await expect(renderDocumentPdfBuffer({ ...data, logo: { bytes: png, contentType: "image/png" } })).resolves.toBeInstanceOf(Buffer);
    await expect(renderDocumentPdfBuffer({ ...data, logo: { bytes: Buffer.from("RIFF....WEBP"), contentType: "image/webp" } })).resolves.toBeInstanceOf(Buffer);
  });
});

type Placed = { page: number; x: number; y: number; width: number; text: string };

/** Every text item on every page with its position (PDF.js; PDF y grows upwards). */
async function placedText(buffer: Buffer): Promise<Placed[]> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const items: Placed[] = [];
  for (let page = 1; page <= pdf.numPages; page++) {
    const content = await (await pdf.getPage(page)).getTextContent();
    for (const item of content.items) {
      if (!("str" in item) || !item.str.trim()) continue;
      const [, , , , x = 0, y = 0] = item.transform as number[];
      items.push({ page, x, y, width: item.width, text: item.str });
    }
  }
  return items;
}

/** A JPEG's markers only (React-PDF and pdfkit read the size from them): EXIF orientation, then the frame. */
function jpeg(width: number, height: number, orientation: number | null): Buffer {
  const segment = (marker: number, body: Buffer) => {
    const length = Buffer.alloc(2);
    length.writeUInt16BE(body.length + 2);
    return Buffer.concat([Buffer.from([0xff, marker]), length, body]);
  };
  const frame = Buffer.from([8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]);
  const parts = [Buffer.from([0xff, 0xd8])];
  if (orientation !== null) {
    // Little-endian TIFF header, one IFD entry: tag 0x0112 (orientation), SHORT, count 1, value.
    const tiff = Buffer.alloc(26);
    tiff.write("II", 0, "latin1");
    tiff.writeUInt16LE(42, 2);
    tiff.writeUInt32LE(8, 4);
    tiff.writeUInt16LE(1, 8);
    tiff.writeUInt16LE(0x0112, 10);
    tiff.writeUInt16LE(3, 12);
    tiff.writeUInt32LE(1, 14);
    tiff.writeUInt16LE(orientation, 18);
    parts.push(segment(0xe1, Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff])));
  }
  parts.push(segment(0xc0, frame), Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

describe("what the single layout must keep", () => {
  it("continues a description taller than a page on the next pages, losing none of its 5,000 words", { timeout: 60_000 }, async () => {
    const words = Array.from({ length: 5_000 }, (_, i) => `word${i + 1}`);
    const data = sampleDocument(sampleLines(2, (i) => (i === 0 ? words.join(" ") : "Design workshop")));
    const pdf = await pdfText(await renderDocumentPdfBuffer(data));
    expect(pdf.totalPages).toBeGreaterThanOrEqual(5);
    const printed = new Set(pdf.text.split(" "));
    expect(words.filter((w) => !printed.has(w))).toEqual([]);
    // "Page x of y" on every page, the table header repeated on every page the table spans.
    pdf.pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pdf.totalPages}`));
    for (const page of pdf.pages.slice(0, -1)) expect(page).toContain("Description Quantity Unit price Taxes Amount");
    // The long line's figures are printed once, with the second line after it.
    expect(pdf.text).toContain(`${quantityText(data.document.lines[1]!, ENGLISH_QUANTITY)} ${formatMoney(data.document.lines[1]!.unitPrice, "EUR", "en-US")}`);
  });

  it("stops each page's content above a footer long enough to wrap over several lines", { timeout: 60_000 }, async () => {
    const footer = "Registered office Berlin, HRB 12345, managing directors Jane Doe and John Roe. ".repeat(12).trim(); // ~970 characters
    const data = sampleDocument(sampleLines(70), { footer });
    const items = await placedText(await renderDocumentPdfBuffer(data));
    const pages = [...new Set(items.map((p) => p.page))];
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      const onPage = items.filter((p) => p.page === page);
      const footerLines = onPage.filter((p) => footer.includes(p.text.trim()) || /^Page \d+ of \d+$/.test(p.text.trim()));
      expect(footerLines.length).toBeGreaterThanOrEqual(5);
      const content = onPage.filter((p) => !footerLines.includes(p));
      // The lowest content line stays above the footer's highest line (which sits 20 pt + 6 pt below the content).
      expect(Math.min(...content.map((p) => p.y))).toBeGreaterThan(Math.max(...footerLines.map((p) => p.y)) + 8);
    }
  });

  it("draws a JPEG logo turned by its EXIF orientation, as phones store photos", async () => {
    const nameY = async (logo: Buffer | null) => {
      const data = { ...sampleDocument(sampleLines(1)), logo: logo ? { bytes: logo, contentType: "image/jpeg" } : null };
      return (await placedText(await renderDocumentPdfBuffer(data))).find((p) => p.text === sampleOrg.name)!.y;
    };
    const bare = await nameY(null);
    // 600×100 px fits the 140 × 56 pt logo box as 140 × 23.33 pt; 6 pt below it, the name.
    expect(bare - (await nameY(jpeg(600, 100, null)))).toBeCloseTo(140 / 6 + 6, 1);
    // Orientation 6 (a quarter turn) shows it 100 wide and 600 high: 56 pt high, capped by the box.
    expect(bare - (await nameY(jpeg(600, 100, 6)))).toBeCloseTo(56 + 6, 1);
  });

  it("embeds its fonts (DejaVu Sans, subset) in every document: no standard font", async () => {
    for (const data of [sampleDocument(sampleLines(3)), sampleDocument(sampleLines(2, () => "Υπηρεσίες / Услуги"), { status: "paid", amountPaid: 1_000, balance: 0 })]) {
      const raw = (await renderDocumentPdfBuffer(data)).toString("latin1");
      // pdfkit writes dictionaries uncompressed: every font is a subset of DejaVu Sans (six-letter tag +)...
      const baseFonts = [...raw.matchAll(/\/BaseFont \/([^\s/>]+)/g)].map((m) => m[1]!);
      expect(baseFonts.length).toBeGreaterThanOrEqual(2);
      for (const name of baseFonts) expect(name).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?$/);
      // ...each with a font descriptor carrying the embedded TrueType file.
      const descriptors = raw.match(/\/Type \/FontDescriptor/g) ?? [];
      expect(descriptors.length).toBe(new Set(baseFonts).size);
      expect((raw.match(/\/FontFile2 \d+ 0 R/g) ?? []).length).toBe(descriptors.length);
      expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    }
  });

  it("prints right to left, CJK (the font pack, pdf/cjk-fonts.test.ts) and combining marks without failing", async () => {
    for (const description of ["شركة للخدمات التقنية", "株式会社テスト 設計業務", "e\u0301 combining"]) {
      const data = sampleDocument(sampleLines(2, () => description));
      const pdf = await pdfText(await renderDocumentPdfBuffer(data));
      expect(pdf.text).toContain(formatMoney(data.document.total, "EUR", "en-US"));
    }
    expect((await pdfText(await renderDocumentPdfBuffer(sampleDocument(sampleLines(1, () => "株式会社テスト 設計業務"))))).text).toContain("株式会社テスト 設計業務");
  });

  it("keeps every character of Greek and Cyrillic descriptions with their spaces", async () => {
    const data = sampleDocument(sampleLines(3, (i) => ["Υπηρεσίες / Услуги для ООО Ромашка", "Design and review", "Travel / Reisekosten"][i]!));
    const pdf = await pdfText(await renderDocumentPdfBuffer(data));
    for (const line of data.document.lines) expect(pdf.text).toContain(`${line.description} ${quantityText(line, ENGLISH_QUANTITY)} ${formatMoney(line.unitPrice, "EUR", "en-US")}`);
  });
});
