/**
 * toFacturX on a real React-PDF invoice, opened again and checked by structure. veraPDF (Java) is
 * not available here, so these are the PDF/A-3b (ISO 19005-3) clauses the test checks itself:
 *   6.1.2  header and binary comment (kept: the original bytes are the start of the file)
 *   6.1.3  trailer /ID present, no /Encrypt
 *   6.2.2  an OutputIntent GTS_PDFA1 with an ICC DestOutputProfile (/N 3, an RGB "acsp" profile)
 *   6.2.11.4.1  every font program embedded (FontFile, FontFile2 or FontFile3 in each descriptor)
 *   6.3.2  no annotation (so none without the print flag)
 *   6.6.2.1 / 6.6.2.3  catalog /Metadata with pdfaid part 3 / conformance B, Info and XMP agreeing
 *          (title, author, producer), and the fx: extension schema described (pdfaExtension)
 *   6.8   the embedded file: filespec with /F and /UF, /AFRelationship, /Desc, the catalog /AF,
 *          an embedded file stream with a MIME /Subtype and /Params /ModDate
 * and Factur-X 1.0: fx:DocumentType INVOICE, fx:DocumentFileName factur-x.xml, fx:Version 1.0,
 * fx:ConformanceLevel EN 16931, the attachment named factur-x.xml.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, decodePDFRawStream } from "@cantoo/pdf-lib";
import { getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/money";
import { renderDocumentPdfBuffer } from "@/pdf/render";
import { sampleDocument, sampleLines } from "@/pdf/sample-data";
import { pdfText } from "@/pdf/testing";
import { germanInvoice } from "@/tests/support/einvoice-fixtures";
import { toCii } from "./cii";
import { toFacturX } from "./facturx";

const meta = { title: "Invoice INV-2026-0001", author: "Muster Design GmbH", subject: "Invoice INV-2026-0001 for Acme Corporation", createdAt: new Date("2026-03-10T09:30:00Z") };
const cii = toCii(germanInvoice({ format: "factur-x", number: "INV-2026-0001" }));
const name = (value: string) => PDFName.of(value);
function rawStream(dict: PDFDict, key: string): PDFRawStream {
  const object = dict.lookup(name(key));
  if (!(object instanceof PDFRawStream)) throw new Error(`${key} is not a stream`);
  return object;
}
const text = (stream: PDFRawStream) => Buffer.from(decodePDFRawStream(stream).decode()).toString("utf8");

async function open(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return { doc, context: doc.context, catalog: doc.catalog };
}

describe("toFacturX", { timeout: 60_000 }, () => {
  it("appends PDF/A-3b structure and factur-x.xml to the React-PDF bytes", async () => {
    const data = sampleDocument(sampleLines(3));
    const original = await renderDocumentPdfBuffer(data);
    const out = await toFacturX(original, cii, meta);

    // Incremental update: the previewed bytes, pages and content streams included, are the start of the file.
    expect(out.length).toBeGreaterThan(original.length);
    expect(Buffer.from(out.subarray(0, original.length)).equals(original)).toBe(true);
    expect(Buffer.from(out.subarray(original.length)).toString("latin1")).toMatch(/trailer[\s\S]*\/Prev \d+[\s\S]*%%EOF\s*$/);

    const { doc, context, catalog } = await open(out);
    const objects = context.enumerateIndirectObjects().map(([, object]) => object);

    // 6.1.3: an /ID, no encryption.
    expect(context.trailerInfo.ID).toBeDefined();
    expect(context.trailerInfo.Encrypt).toBeUndefined();
    expect(catalog.get(name("Version"))).toEqual(name("1.7"));

    // 6.2.11.4.1: every simple or CID font has its program embedded.
    let fonts = 0;
    for (const object of objects) {
      const dict = object instanceof PDFStream ? object.dict : object;
      if (!(dict instanceof PDFDict) || dict.get(name("Type")) !== name("Font")) continue;
      if (dict.get(name("Subtype")) === name("Type0")) {
        expect(dict.lookup(name("DescendantFonts"), PDFArray).size()).toBe(1);
        continue;
      }
      fonts += 1;
      const descriptor = dict.lookup(name("FontDescriptor"), PDFDict);
      expect(["FontFile", "FontFile2", "FontFile3"].filter((key) => descriptor.has(name(key)))).toHaveLength(1);
    }
    expect(fonts).toBeGreaterThan(0);

    // 6.3.2: no annotations at all.
    for (const page of doc.getPages()) expect(page.node.has(name("Annots"))).toBe(false);

    // 6.2.2: the sRGB OutputIntent with the vendored ICC profile.
    const intents = catalog.lookup(name("OutputIntents"), PDFArray);
    expect(intents.size()).toBe(1);
    const intent = intents.lookup(0, PDFDict);
    expect(intent.get(name("S"))).toBe(name("GTS_PDFA1"));
    expect(intent.lookup(name("OutputConditionIdentifier"))?.toString()).toBe("(sRGB IEC61966-2.1)");
    const profile = rawStream(intent, "DestOutputProfile");
    expect(profile.dict.get(name("N"))?.toString()).toBe("3");
    const iccBytes = Buffer.from(decodePDFRawStream(profile).decode());
    expect(iccBytes.equals(readFileSync(path.join(process.cwd(), "vendor", "icc", "sRGB.icc")))).toBe(true);
    expect(iccBytes.subarray(16, 20).toString("latin1")).toBe("RGB ");
    expect(iccBytes.subarray(36, 40).toString("latin1")).toBe("acsp");

    // 6.6.2: XMP agreeing with Info, the pdfaid and fx: properties, and the fx: schema described.
    const xmp = text(rawStream(catalog, "Metadata"));
    expect(xmp).toContain("<pdfaid:part>3</pdfaid:part>");
    expect(xmp).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
    expect(xmp).toContain("<fx:DocumentType>INVOICE</fx:DocumentType>");
    expect(xmp).toContain("<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>");
    expect(xmp).toContain("<fx:Version>1.0</fx:Version>");
    expect(xmp).toContain("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>");
    expect(xmp).toMatch(
      /<pdfaExtension:schemas>[\s\S]*<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#<\/pdfaSchema:namespaceURI>\s*<pdfaSchema:prefix>fx</,
    );
    for (const property of ["DocumentFileName", "DocumentType", "Version", "ConformanceLevel"]) expect(xmp).toContain(`<pdfaProperty:name>${property}</pdfaProperty:name>`);
    expect(doc.getTitle()).toBe(meta.title);
    expect(doc.getAuthor()).toBe(meta.author);
    expect(xmp).toContain(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${meta.title}</rdf:li></rdf:Alt></dc:title>`);
    expect(xmp).toContain(`<dc:creator><rdf:Seq><rdf:li>${meta.author}</rdf:li></rdf:Seq></dc:creator>`);
    expect(xmp).toContain(`<pdf:Producer>${doc.getProducer()}</pdf:Producer>`);
    expect(xmp).toContain("<xmp:CreateDate>2026-03-10T09:30:00Z</xmp:CreateDate>");
    expect(doc.getCreationDate()?.toISOString()).toBe("2026-03-10T09:30:00.000Z");

    // 6.8: the embedded file, in the name tree and in the catalog /AF.
    const af = catalog.lookup(name("AF"), PDFArray);
    expect(af.size()).toBe(1);
    const specRef = af.get(0);
    expect(specRef).toBeInstanceOf(PDFRef);
    const tree = catalog.lookup(name("Names"), PDFDict).lookup(name("EmbeddedFiles"), PDFDict).lookup(name("Names"), PDFArray);
    expect(tree.size()).toBe(2);
    expect(tree.get(1)).toBe(specRef);
    const spec = af.lookup(0, PDFDict);
    expect(spec.get(name("Type"))).toBe(name("Filespec"));
    expect(spec.get(name("AFRelationship"))).toBe(name("Alternative"));
    expect(spec.lookup(name("F"))?.toString()).toBe("(factur-x.xml)");
    expect(spec.has(name("UF"))).toBe(true);
    expect(spec.has(name("Desc"))).toBe(true);
    const file = rawStream(spec.lookup(name("EF"), PDFDict), "F");
    expect(file.dict.get(name("Type"))).toBe(name("EmbeddedFile"));
    expect(file.dict.get(name("Subtype"))).toBe(name("text/xml"));
    const params = file.dict.lookup(name("Params"), PDFDict);
    expect(params.has(name("ModDate"))).toBe(true);
    expect(params.get(name("Size"))?.toString()).toBe(String(Buffer.byteLength(cii, "utf8")));
    expect(text(file)).toBe(cii);

    // The same attachment as an independent reader (PDF.js) sees it, and the text the user reads.
    const pdfjs = await getDocumentProxy(new Uint8Array(out));
    const attachments = await pdfjs.getAttachments();
    expect([...(attachments?.keys() ?? [])]).toEqual(["factur-x.xml"]);
    expect(attachments?.get("factur-x.xml")?.filename).toBe("factur-x.xml");
    // PDF.js hands the bytes out on request (its id is the name-tree key).
    const content = attachments?.get("factur-x.xml")?.content ?? (await pdfjs.getAttachmentContent("factur-x.xml"));
    expect(Buffer.from(content ?? new Uint8Array()).toString("utf8")).toBe(cii);
    const { text: visible } = await pdfText(Buffer.from(out));
    expect(visible).toContain("INV-2026-0001");
    expect(visible).toContain(formatMoney(data.document.total, "EUR", data.org.locale));
  });

  it("leaves the page tree and the content streams as React-PDF wrote them", async () => {
    const original = await renderDocumentPdfBuffer(sampleDocument(sampleLines(2)));
    const before = await open(original);
    const after = await open(await toFacturX(original, cii, meta));
    const contents = (doc: PDFDocument) => doc.getPages().map((page) => page.node.get(name("Contents"))?.toString());
    expect(contents(after.doc)).toEqual(contents(before.doc));
    const stream = (doc: PDFDocument) => Buffer.from(rawStream(doc.getPages()[0]!.node, "Contents").contents);
    expect(stream(after.doc).equals(stream(before.doc))).toBe(true);
  });

  it("keeps Info and XMP equal for titles with markup characters and accents", async () => {
    const original = await renderDocumentPdfBuffer(sampleDocument(sampleLines(1)));
    const title = "Rechnung R-5 <Müller & Söhne>";
    const { doc, catalog } = await open(await toFacturX(original, cii, { ...meta, title, author: "Œuvre & Cie" }));
    expect(doc.getTitle()).toBe(title);
    expect(doc.getAuthor()).toBe("Œuvre & Cie");
    const xmp = text(rawStream(catalog, "Metadata"));
    expect(xmp).toContain("<rdf:li xml:lang=\"x-default\">Rechnung R-5 &lt;Müller &amp; Söhne&gt;</rdf:li>");
    expect(xmp).toContain("<rdf:li>Œuvre &amp; Cie</rdf:li>");
  });

  it("replaces the invoice of a PDF that is already a Factur-X, and refuses XML that is not CII", async () => {
    const original = await renderDocumentPdfBuffer(sampleDocument(sampleLines(1)));
    const corrected = cii.replace("<ram:ID>INV-2026-0001</ram:ID>", "<ram:ID>INV-2026-0002</ram:ID>");
    expect(corrected).not.toBe(cii);
    const twice = await toFacturX(await toFacturX(original, cii, meta), corrected, meta);
    const pdfjs = await getDocumentProxy(new Uint8Array(twice));
    const attachments = await pdfjs.getAttachments();
    expect([...(attachments?.keys() ?? [])]).toEqual(["factur-x.xml"]);
    const content = attachments?.get("factur-x.xml")?.content ?? (await pdfjs.getAttachmentContent("factur-x.xml"));
    expect(Buffer.from(content ?? new Uint8Array()).toString("utf8")).toBe(corrected);
    const { catalog } = await open(twice);
    expect(catalog.lookup(name("AF"), PDFArray).size()).toBe(1);
    await expect(toFacturX(original, "<Invoice xmlns='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'/>", meta)).rejects.toThrow(/not a CII/);
  });

  it("gives the same bytes for the same document and metadata", async () => {
    const original = await renderDocumentPdfBuffer(sampleDocument(sampleLines(1)));
    const [first, second] = [await toFacturX(original, cii, meta), await toFacturX(original, cii, meta)];
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it("measures 1 and 20 pages (printed, not asserted)", async () => {
    for (const lines of [3, 720]) {
      const original = await renderDocumentPdfBuffer(sampleDocument(sampleLines(lines)));
      const pages = (await PDFDocument.load(original)).getPageCount();
      const started = performance.now();
      await toFacturX(original, cii, meta);
      console.log(`toFacturX: ${pages} page(s), ${original.length} bytes: ${(performance.now() - started).toFixed(0)} ms`);
    }
  });
});
