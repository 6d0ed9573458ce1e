/** The PDF without a database: file names, paper size, stamps, metadata, awkward text. */
import { afterEach, describe, expect, it } from "vitest";
import { getDocumentProxy } from "unpdf";
import { crc32, deflateSync, inflateSync } from "node:zlib";
import { formatMoney } from "@/lib/money";
import { pdfFileName } from "./file-name";
import { documentFontKind } from "./font-choice";
import { pdfFonts, preparePdfFonts } from "./fonts";
import { paintedPages } from "./painted/document";
import { imageSize } from "./painted/image-size";
import { shortcutUses, usePdfkitShortcuts } from "./painted/pdfkit-shortcuts";
import { PAGE_PADDING_X, PAGE_SIZE } from "./styles";
import type { PdfData } from "./types";
import { paperSize, quantityText, stampText } from "./format";
import { renderDocumentPdf, renderDocumentPdfBuffer } from "./render";
import { sampleDocument, sampleLines, sampleOrg } from "./sample-data";
import { pdfText } from "./testing";

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

describe("renderDocumentPdf", () => {
  // The first render in a process loads and parses the bundled fonts: seconds on a loaded machine.
  it("streams a PDF with title, author and language metadata, on Letter paper for a US organisation", { timeout: 30_000 }, async () => {
    const data = sampleDocument(sampleLines(2));
    data.org = { ...sampleOrg, country: "US", locale: "en-US" };
    const stream = await renderDocumentPdf(data);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    const buffer = Buffer.concat(chunks);
    expect(buffer.subarray(0, 5).toString()).toBe("%PDF-");
    const pdf = await pdfText(buffer);
    expect(pdf.pageSize).toEqual([612, 792]);
    expect(pdf.info).toMatchObject({ Title: "Invoice INV-2026-0001", Author: sampleOrg.legalName, Language: "en-US" });
    expect(pdf.text).toContain(formatMoney(data.document.total, "EUR", "en-US"));
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

/** Every text item on every page with its position and width (PDF.js), to compare two renderings. */
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

/** Same text on the same pages at the same places, to within 0.02 pt (output rounding). */
function expectSamePlaces(actual: Placed[], expected: Placed[]) {
  expect(actual.map((p) => `${p.page} ${p.text}`)).toEqual(expected.map((p) => `${p.page} ${p.text}`));
  actual.forEach((p, i) => {
    const e = expected[i]!;
    for (const key of ["x", "y", "width"] as const) {
      if (Math.abs(p[key] - e[key]) > 0.02) expect(`${p.text} ${key} ${p[key]}`).toBe(`${e.text} ${key} ${e[key]}`);
    }
  });
}

describe("painted table rows (the layout engine's, used when the painted document can't be)", () => {
  const descriptions = (i: number) =>
    [
      "Design workshop",
      "Υπηρεσίες / Услуги для ООО Ромашка",
      "شركة للخدمات التقنية", // right to left: laid out as text
      "株式会社テスト 設計業務", // not in the font: laid out as text
      `Implementation and review of the reporting module, including documentation and handover ${i}`, // wraps
    ][i % 5]!;

  it("put every cell exactly where the text rows would, on the same pages, A4 and Letter", { timeout: 60_000 }, async () => {
    for (const country of ["DE", "US"]) {
      const data = sampleDocument(sampleLines(70, descriptions));
      data.org = { ...sampleOrg, country };
      const painted = await placedText(await renderDocumentPdfBuffer(data, { engine: "layout" }));
      const text = await placedText(await renderDocumentPdfBuffer(data, { engine: "layout", paintRows: false }));
      expect(painted.length).toBeGreaterThan(70 * 4);
      expectSamePlaces(painted, text);
    }
  });

  it("put every cell exactly where the text rows would with the standard font (Helvetica, kerned)", { timeout: 60_000 }, async () => {
    const latin = (i: number) =>
      ["Design workshop", "Café crème — “Straße” € 1…", "AVAWAY To Ty Yo", `Implementation and review of the reporting module, including documentation and handover ${i}`][i % 4]!;
    for (const country of ["DE", "US"]) {
      const data = sampleDocument(sampleLines(70, latin));
      data.org = { ...sampleOrg, country };
      const painted = await placedText(await renderDocumentPdfBuffer(data, { engine: "layout", font: "standard" }));
      const text = await placedText(await renderDocumentPdfBuffer(data, { engine: "layout", font: "standard", paintRows: false }));
      expect(painted.length).toBeGreaterThan(70 * 4);
      expectSamePlaces(painted, text);
    }
  });

  it("extract with their spaces, render after render (shared shaping cache)", async () => {
    const data = sampleDocument(sampleLines(3, (i) => ["Υπηρεσίες / Услуги для ООО Ромашка", "Design and review", "Travel / Reisekosten"][i]!));
    for (let round = 0; round < 6; round++) {
      const pdf = await pdfText(await renderDocumentPdfBuffer(data, round % 2 ? { engine: "layout" } : {}));
      for (const line of data.document.lines) expect(pdf.text).toContain(`${line.description} ${quantityText(line)} ${formatMoney(line.unitPrice, "EUR", "en-US")}`);
    }
  });
});

describe("painted document (the default engine)", () => {
  const fonts = async (kind: "standard" | "embedded") => {
    await preparePdfFonts();
    return pdfFonts(kind);
  };
  const png = (width: number, height: number) => {
    // Only the header is read for placement; React-PDF decodes the whole image, so make it real.
    const raw = Buffer.alloc((width * 4 + 1) * height);
    const chunk = (type: string, body: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(body.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), body])) >>> 0);
      return Buffer.concat([length, Buffer.from(type), body, crc]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header.set([8, 6, 0, 0, 0], 8);
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
  };

  // Documents whose every text is one the painter can draw, in both fonts and paper sizes.
  const cases: [string, () => PdfData][] = [
    ["an issued invoice of 70 lines over several pages", () => sampleDocument(sampleLines(70, (i) => ["Design workshop", "Café crème — “Straße” € 1…", "AVAWAY To Ty Yo"][i % 3]!))],
    ["Greek and Cyrillic (embedded font)", () => sampleDocument(sampleLines(40, (i) => ["Υπηρεσίες / Услуги для ООО Ромашка", "Design"][i % 2]!))],
    [
      "a part-paid invoice with a discount, payments and a footer",
      () =>
        sampleDocument(sampleLines(5), {
          status: "partially_paid",
          discountTotal: 1_000,
          amountPaid: 20_000,
          balance: 50_000,
          footer: "Northwind Studio GmbH · Registered in Berlin HRB 12345 · Managing director: Jane Doe",
          payments: [
            { id: "p1", paidOn: "2026-03-20", amount: 15_000, method: "bank_transfer", reference: "SEPA 4711" },
            { id: "p2", paidOn: "2026-03-25", amount: 5_000, method: "card", reference: null },
          ],
        }),
    ],
    ["a paid invoice (stamped)", () => sampleDocument(sampleLines(3), { status: "paid", amountPaid: 1_000, balance: 0 })],
    [
      "payments received from an organisation without bank details",
      () => ({
        ...sampleDocument(sampleLines(3), { status: "paid", amountPaid: 1_000, balance: 0, payments: [{ id: "p1", paidOn: "2026-03-20", amount: 1_000, method: "cash", reference: null }] }),
        org: { ...sampleOrg, bankDetails: null },
      }),
    ],
    ["a credit note", () => sampleDocument(sampleLines(2), { kind: "credit_note", number: "CN-2026-0001", sourceNumber: "INV-2026-0001", balance: 0 })],
    ["a quote", () => sampleDocument(sampleLines(4), { kind: "quote", status: "sent", number: "QUO-2026-0001" })],
    ["a void invoice with its reason", () => sampleDocument(sampleLines(2), { status: "void", voidReason: "Issued to the wrong customer" })],
    ["a draft", () => sampleDocument(sampleLines(2), { status: "draft", number: null })],
    [
      "notes and terms that run on to the next page",
      () => sampleDocument(sampleLines(30), { notes: Array.from({ length: 40 }, (_, i) => `Note line ${i + 1}: delivered as agreed.`).join("\n"), terms: "Net 30." }),
    ],
  ];

  it.each(cases)("prints %s exactly as React-PDF's own layout does, text by text, A4 and Letter", { timeout: 60_000 }, async (_, make) => {
    for (const country of ["DE", "US"]) {
      const data = make();
      data.org = { ...data.org, country };
      // The layout engine's font (without the minus-sign fallback, which only the painter has).
      const font = documentFontKind(data);
      expect(paintedPages(data, await fonts(font))).not.toBeNull();
      const painted = await placedText(await renderDocumentPdfBuffer(data, { engine: "painted", font }));
      const laidOut = await placedText(await renderDocumentPdfBuffer(data, { engine: "layout" }));
      expect(painted.length).toBeGreaterThan(20);
      expectSamePlaces(painted, laidOut);
    }
  });

  it("keeps a paid, discounted invoice in Helvetica, drawing only its minus signs from the embedded font", async () => {
    const data = sampleDocument(sampleLines(8), { status: "paid", discountTotal: 500, amountPaid: 1_000, balance: 0 });
    const fmt = (minor: number) => formatMoney(minor, "EUR", "en-US");
    const pdf = await renderDocumentPdfBuffer(data, { engine: "painted" });
    const baseFonts = [...new Set([...pdf.toString("latin1").matchAll(/\/BaseFont \/(?:[A-Z]{6}\+)?([A-Za-z-]+)/g)].map((m) => m[1]))].sort();
    expect(baseFonts).toEqual(["DejaVuSans", "Helvetica", "Helvetica-Bold"]);
    const text = (await pdfText(pdf)).text;
    expect(text).toContain(`Discounts −${fmt(500)}`);
    expect(text).toContain(`Paid −${fmt(1_000)}`);
    // The minus sign sits right before its amount, on the same baseline.
    const items = await placedText(pdf);
    const minus = items.filter((p) => p.text === "−");
    expect(minus).toHaveLength(2);
    for (const sign of minus) {
      const amount = items.find((p) => p.y === sign.y && p.x > sign.x && p.text.startsWith("€"))!;
      expect(amount.x - (sign.x + sign.width)).toBeCloseTo(0, 1);
    }
    // A fraction of the embedded-font file: one glyph of DejaVu instead of every glyph used.
    const embedded = await renderDocumentPdfBuffer(data, { font: "embedded" });
    expect(pdf.length).toBeLessThan(embedded.length / 2);
  });

  it("puts the organisation's name below its logo, as the layout does", async () => {
    const data = { ...sampleDocument(sampleLines(2)), logo: { bytes: png(280, 70), contentType: "image/png" } };
    const painted = await placedText(await renderDocumentPdfBuffer(data, { engine: "painted" }));
    expectSamePlaces(painted, await placedText(await renderDocumentPdfBuffer(data, { engine: "layout" })));
    const withoutLogo = await placedText(await renderDocumentPdfBuffer({ ...data, logo: null }));
    const nameY = (items: Placed[]) => items.find((p) => p.text === sampleOrg.name)!.y;
    // 280×70 px shrinks to 140×35 pt, plus 6 pt below it (PDF y grows upwards).
    expect(nameY(withoutLogo) - nameY(painted)).toBeCloseTo(41, 1);
  });

  it("wraps a long description inside its column, word by word, and keeps every word", async () => {
    const description = "Implementation and review of the reporting module, including documentation, training and handover to the operations team";
    const data = sampleDocument(sampleLines(3, () => description));
    const items = await placedText(await renderDocumentPdfBuffer(data, { engine: "painted" }));
    const quantityColumn = items.find((p) => p.text === quantityText(data.document.lines[0]!))!;
    const pieces = items.filter((p) => description.includes(p.text) && p.x < quantityColumn.x);
    expect(pieces.length).toBeGreaterThanOrEqual(3 * 2);
    for (const piece of pieces) expect(piece.x + piece.width).toBeLessThanOrEqual(PAGE_SIZE.A4.width - PAGE_PADDING_X - 322);
    const firstRow = pieces.slice(0, pieces.findIndex((p, i) => i > 0 && p.text.startsWith("Implementation")));
    expect(firstRow.map((p) => p.text).join(" ")).toBe(description);
  });

  it("continues a description taller than a page on the next pages, losing no word", async () => {
    const words = Array.from({ length: 1_500 }, (_, i) => `word${i + 1}`);
    const data = sampleDocument(sampleLines(2, (i) => (i === 0 ? words.join(" ") : "Design workshop")));
    expect(paintedPages(data, await fonts("standard"))).not.toBeNull();
    const pdf = await pdfText(await renderDocumentPdfBuffer(data, { engine: "painted" }));
    expect(pdf.totalPages).toBeGreaterThanOrEqual(3);
    const printed = new Set(pdf.text.split(" "));
    expect(words.filter((w) => !printed.has(w))).toEqual([]);
    pdf.pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pdf.totalPages}`));
    for (const page of pdf.pages.slice(0, -1)) expect(page).toContain("Description Quantity Unit price Taxes Amount");
  });

  it("stops each page's content above a footer long enough to wrap over several lines", async () => {
    const footer = "Registered office Berlin, HRB 12345, managing directors Jane Doe and John Roe. ".repeat(12).trim(); // ~970 characters
    const data = sampleDocument(sampleLines(70), { footer });
    const items = await placedText(await renderDocumentPdfBuffer(data, { engine: "painted" }));
    const pages = [...new Set(items.map((p) => p.page))];
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      const onPage = items.filter((p) => p.page === page);
      const footerLines = onPage.filter((p) => footer.includes(p.text) || /^Page \d+ of \d+$/.test(p.text));
      expect(footerLines.length).toBeGreaterThanOrEqual(5);
      const content = onPage.filter((p) => !footerLines.includes(p));
      // PDF y grows upwards: the lowest content line stays above the footer's highest line.
      expect(Math.min(...content.map((p) => p.y))).toBeGreaterThan(Math.max(...footerLines.map((p) => p.y)) + 8);
    }
  });

  it("leaves right-to-left text and characters the fonts lack to React-PDF's text engine", async () => {
    const embedded = await fonts("embedded");
    for (const description of ["شركة للخدمات التقنية", "株式会社テスト 設計業務", "e\u0301 combining"]) {
      const data = sampleDocument(sampleLines(2, () => description));
      expect(paintedPages(data, embedded)).toBeNull();
      await expect(renderDocumentPdfBuffer(data, { engine: "painted" })).rejects.toThrow(/can't set/);
      const pdf = await pdfText(await renderDocumentPdfBuffer(data));
      expect(pdf.text).toContain(formatMoney(data.document.total, "EUR", "en-US"));
    }
  });
});

/** Every page's content stream, inflated: what was drawn, without the file's dates and ids. */
function contentStreams(pdf: Buffer): string[] {
  const streams: string[] = [];
  const latin = pdf.toString("latin1");
  for (const match of latin.matchAll(/\/Length (\d+)\n\/Filter \/FlateDecode\n>>\nstream\n/g)) {
    const start = match.index + match[0].length;
    streams.push(inflateSync(pdf.subarray(start, start + Number(match[1]))).toString("latin1"));
  }
  return streams;
}

describe("pdfkit shortcuts (painted/pdfkit-shortcuts.ts)", () => {
  afterEach(() => usePdfkitShortcuts(true));

  /** The file without what differs from one render to the next: its dates and its id. */
  const comparable = (pdf: Buffer) =>
    pdf
      .toString("latin1")
      // Dates are written as objects of their own: (D:20261125211534Z).
      .replace(/\(D:\d{14}Z\)/g, "(D:)")
      .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, "/ID []");

  it("write exactly the file pdfkit's own code writes, content streams and fonts included", async () => {
    const data = sampleDocument(sampleLines(80, (i) => ["AVAWAY To Ty Yo", "Café crème — “Straße” € 1…", "Design workshop"][i % 3]!), { status: "paid", amountPaid: 1_000, balance: 0 });
    const before = { ...shortcutUses };
    const fast = await renderDocumentPdfBuffer(data, { engine: "painted", font: "standard" });
    // The shortcuts really ran (installed on the pdfkit React-PDF uses), so the comparison means something.
    expect(shortcutUses.text - before.text).toBeGreaterThan(80 * 5);
    expect(shortcutUses.encode).toBeGreaterThan(before.encode);
    expect(shortcutUses.sharedFont - before.sharedFont).toBeGreaterThanOrEqual(2);
    usePdfkitShortcuts(false);
    const general = await renderDocumentPdfBuffer(data, { engine: "painted", font: "standard" });
    const streams = contentStreams(fast);
    expect(streams.length).toBeGreaterThanOrEqual(3);
    expect(streams.join("").match(/ TJ/g)!.length).toBeGreaterThan(80 * 5);
    expect(streams).toEqual(contentStreams(general));
    expect(comparable(fast)).toContain("/BaseFont /Helvetica-Bold");
    expect(comparable(fast)).toBe(comparable(general));
  });

  it("write exactly the file pdfkit's own code writes with the embedded font, its subset included", async () => {
    const data = sampleDocument(sampleLines(60, (i) => ["Υπηρεσίες σχεδιασμού", "Услуги по разработке", "Design workshop"][i % 3]!), { discountTotal: 500 });
    await renderDocumentPdfBuffer(data, { engine: "painted" });
    const before = { ...shortcutUses };
    const fast = await renderDocumentPdfBuffer(data, { engine: "painted" });
    expect(shortcutUses.text - before.text).toBeGreaterThan(60 * 5);
    // The second render's glyphs were decoded by the first.
    expect(shortcutUses.decode).toBeGreaterThan(before.decode);
    usePdfkitShortcuts(false);
    const general = await renderDocumentPdfBuffer(data, { engine: "painted" });
    expect(comparable(fast)).toContain("/FontFile2");
    expect(contentStreams(fast).join("").match(/ TJ/g)!.length).toBeGreaterThan(60 * 5);
    expect(comparable(fast)).toBe(comparable(general));
  });
});

describe("imageSize", () => {
  it("reads PNG and JPEG sizes from their headers, and nothing from anything else", () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x02, 0x58, 0x03, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(imageSize(jpeg, "jpg")).toEqual({ width: 600, height: 300 });
    const onePixel = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
    expect(imageSize(onePixel, "png")).toEqual({ width: 1, height: 1 });
    expect(imageSize(Buffer.from("RIFF....WEBP"), "png")).toBeNull();
    expect(imageSize(Buffer.from([0xff, 0xd8, 0xff, 0xd9]), "jpg")).toBeNull();
    expect(imageSize(jpeg.subarray(0, 12), "jpg")).toBeNull();
    // A phone photo: EXIF orientation 6 (turned a quarter) before the frame; displayed 300 wide, 600 high.
    const exif = (little: boolean) => {
      const tiff = Buffer.alloc(26);
      tiff.write(little ? "II" : "MM", 0, "latin1");
      const u16 = (v: number, at: number) => (little ? tiff.writeUInt16LE(v, at) : tiff.writeUInt16BE(v, at));
      const u32 = (v: number, at: number) => (little ? tiff.writeUInt32LE(v, at) : tiff.writeUInt32BE(v, at));
      u16(42, 2);
      u32(8, 4);
      u16(1, 8); // one entry
      u16(0x0112, 10);
      u16(3, 12); // SHORT
      u32(1, 14);
      u16(6, 18);
      const payload = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
      const length = Buffer.alloc(2);
      length.writeUInt16BE(payload.length + 2);
      return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), length, payload, jpeg.subarray(8)]);
    };
    expect(imageSize(exif(true), "jpg")).toEqual({ width: 300, height: 600 });
    expect(imageSize(exif(false), "jpg")).toEqual({ width: 300, height: 600 });
  });
});
