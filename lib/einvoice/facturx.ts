/**
 * Turns a document's PDF into a Factur-X / ZUGFeRD (EN 16931 profile) invoice: a PDF/A-3b file with
 * the CII XML attached as factur-x.xml. React-PDF cannot attach files or write PDF/A metadata, so
 * its bytes are post-processed with @cantoo/pdf-lib.
 *
 * The additions are written as an incremental update: the original bytes stay untouched at the
 * start of the file and the new objects (OutputIntent with the sRGB profile, XMP metadata, the
 * embedded file, a new catalog and Info dictionary) follow them. The pages and their content
 * streams are the ones the user previewed, byte for byte.
 *
 * What React-PDF already gives PDF/A (checked by lib/einvoice/facturx.test.ts): every font is
 * embedded (DejaVu subsets, FontFile2), a binary comment after the header, no encryption.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { AFRelationship, FACTUR_X_EXTENSION_SCHEMA, PDFDocument, PDFName, buildFacturXDescription } from "@cantoo/pdf-lib";

export const FACTUR_X_FILE_NAME = "factur-x.xml";

// sRGB IEC61966-2.1, ICC v2 (Debian icc-profiles-free, zlib licence; vendor/icc/README.md).
const ICC_PATH = path.join(process.cwd(), "vendor", "icc", "sRGB.icc");
let icc: Uint8Array | undefined;
const sRGB = (): Uint8Array => (icc ??= new Uint8Array(readFileSync(ICC_PATH)));

export type FacturXMeta = { title: string; author: string; subject?: string; createdAt: Date };

const PRODUCER = "Smart Invoice";

export async function toFacturX(pdf: Uint8Array, ciiXml: string, meta: FacturXMeta): Promise<Uint8Array> {
  // updateMetadata: false keeps pdf-lib from stamping its own name and the wall clock into the Info
  // dictionary: the same document and meta give the same metadata.
  if (!/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<([\w-]+:)?CrossIndustryInvoice[\s>]/.test(ciiXml)) {
    throw new Error("toFacturX: the XML is not a CII CrossIndustryInvoice");
  }
  const doc = await PDFDocument.load(pdf, { forIncrementalUpdate: true, updateMetadata: false });
  if (doc.isEncrypted) throw new Error("toFacturX: an encrypted PDF cannot become PDF/A");

  // The Info dictionary; pdf-lib mirrors it into the XMP packet on save (PDF/A-3 6.6.2.3.1 wants them equal).
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author);
  if (meta.subject !== undefined) doc.setSubject(meta.subject);
  doc.setCreator(PRODUCER);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(meta.createdAt);
  doc.setModificationDate(meta.createdAt);

  doc.convertToPDFA({
    conformance: "3B",
    iccProfile: sRGB(),
    outputConditionIdentifier: "sRGB IEC61966-2.1",
    colorComponents: 3,
    // The fx: properties and their PDF/A extension schema description (PDF/A-3 6.6.2.3.3).
    extensions: [
      buildFacturXDescription({ fileName: FACTUR_X_FILE_NAME, version: "1.0", documentType: "INVOICE", conformanceLevel: "EN 16931" }),
      FACTUR_X_EXTENSION_SCHEMA,
    ],
  });

  // A PDF that is already a Factur-X gets its invoice replaced, not a second one.
  doc.detach(FACTUR_X_FILE_NAME);
  await doc.attach(new TextEncoder().encode(ciiXml), FACTUR_X_FILE_NAME, {
    mimeType: "text/xml",
    description: "Factur-X invoice data (EN 16931, UN/CEFACT CII D16B)",
    afRelationship: AFRelationship.Alternative,
    creationDate: meta.createdAt,
    modificationDate: meta.createdAt,
  });

  // The header of the original bytes says 1.3 and an incremental update cannot rewrite it: the
  // catalog's /Version raises the file to PDF 1.7, the base of PDF/A-3 (ISO 32000-1 7.2.2).
  doc.catalog.set(PDFName.of("Version"), PDFName.of("1.7"));

  // A classic cross-reference section, like the one React-PDF wrote before it.
  return doc.commit({ useObjectStreams: false });
}
