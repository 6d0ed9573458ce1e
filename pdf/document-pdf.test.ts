/** The PDF without a database: file names, paper size, stamps, metadata, awkward text. */
import { describe, expect, it } from "vitest";
import { getDocumentProxy } from "unpdf";
import { formatMoney } from "@/lib/money";
import { pdfFileName } from "./file-name";
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

describe("painted table rows", () => {
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
      const painted = await placedText(await renderDocumentPdfBuffer(data));
      const text = await placedText(await renderDocumentPdfBuffer(data, { paintRows: false }));
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
      const painted = await placedText(await renderDocumentPdfBuffer(data, { font: "standard" }));
      const text = await placedText(await renderDocumentPdfBuffer(data, { font: "standard", paintRows: false }));
      expect(painted.length).toBeGreaterThan(70 * 4);
      expectSamePlaces(painted, text);
    }
  });

  it("extract with their spaces, render after render (shared shaping cache)", async () => {
    const data = sampleDocument(sampleLines(3, (i) => ["Υπηρεσίες / Услуги для ООО Ромашка", "Design and review", "Travel / Reisekosten"][i]!));
    for (let round = 0; round < 3; round++) {
      const pdf = await pdfText(await renderDocumentPdfBuffer(data));
      for (const line of data.document.lines) expect(pdf.text).toContain(`${line.description} ${quantityText(line)} ${formatMoney(line.unitPrice, "EUR", "en-US")}`);
    }
  });
});
