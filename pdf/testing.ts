/** Test helper: a rendered PDF's text per page (unpdf, i.e. PDF.js), whitespace normalised. */
import { extractText, getDocumentProxy } from "unpdf";

export type PdfText = { pages: string[]; text: string; totalPages: number; pageSize: [number, number]; info: Record<string, unknown> };

export const normalise = (s: string) => s.replace(/\s+/g, " ").trim();

export async function pdfText(buffer: Buffer): Promise<PdfText> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { totalPages, text } = await extractText(pdf, { mergePages: false });
  const first = await pdf.getPage(1);
  const [, , width = 0, height = 0] = first.view;
  const meta = await pdf.getMetadata();
  const pages = text.map(normalise);
  return { pages, text: pages.join(" "), totalPages, pageSize: [Math.round(width), Math.round(height)], info: meta.info as Record<string, unknown> };
}

export type PdfTextItem = { str: string; x: number; y: number };

/** Page 1's text pieces as PDF.js reads them, with where each starts (PDF points, origin bottom-left). */
export async function pdfTextItems(buffer: Buffer): Promise<PdfTextItem[]> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const content = await (await pdf.getPage(1)).getTextContent();
  return content.items.flatMap((item) => ("str" in item && item.str.trim() ? [{ str: item.str, x: Math.round(item.transform[4] as number), y: Math.round(item.transform[5] as number) }] : []));
}
