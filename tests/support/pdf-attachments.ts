import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, type PDFRawStream } from "@cantoo/pdf-lib";

/** The bytes of an embedded file, read from the PDF's EmbeddedFiles name tree, as text. */
export async function attachedFile(pdf: Buffer, name: string): Promise<string | null> {
  const doc = await PDFDocument.load(pdf);
  const names = doc.catalog.lookupMaybe(PDFName.of("Names"), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of("EmbeddedFiles"), PDFDict);
  const list = tree?.lookupMaybe(PDFName.of("Names"), PDFArray);
  if (!list) return null;
  for (let i = 0; i < list.size(); i += 2) {
    const key = list.lookup(i);
    const spec = list.lookup(i + 1, PDFDict);
    if (!key || !("decodeText" in key) || (key as { decodeText: () => string }).decodeText() !== name) continue;
    const ef = spec.lookup(PDFName.of("EF"), PDFDict);
    const stream = ef.lookup(PDFName.of("F"));
    return Buffer.from(decodePDFRawStream(stream as PDFRawStream).decode()).toString("utf8");
  }
  return null;
}
