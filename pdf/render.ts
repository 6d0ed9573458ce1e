import { createElement } from "react";
import { pdf } from "@react-pdf/renderer";
import { DocumentPdf } from "./document-pdf";
import { documentFontFamily, warnCjk } from "./cjk-fonts";
import { PDF_FONT_FAMILY, registerPdfFonts } from "./fonts";
import type { PdfData } from "./types";

/**
 * A document's PDF, in memory: plain data in, bytes out (no database; see
 * lib/services/document-pdf.ts for loading, caching and the worker pool).
 *
 * React-PDF's own renderToStream never unmounts the React root it creates, so every render's whole
 * fibre tree stayed reachable from React's root schedule (≈0.1–0.3 MB a render, unbounded);
 * rendering `null` into the root once the layout is done, then yielding once to the event loop
 * (React takes the emptied root off its schedule in a macrotask), releases it.
 */
export async function renderDocumentPdfBuffer(data: PdfData): Promise<Buffer> {
  registerPdfFonts();
  const fontFamily = documentFontFamily(data);
  if (fontFamily === PDF_FONT_FAMILY) return renderWith(data, fontFamily);
  try {
    return await renderWith(data, fontFamily);
  } catch (err) {
    // A broken or unreadable CJK font must not cost the customer their PDF: print it as before.
    warnCjk("rendering with the CJK font pack failed; printed without it", err);
    return renderWith(data, PDF_FONT_FAMILY);
  }
}

async function renderWith(data: PdfData, fontFamily: string | string[]): Promise<Buffer> {
  const instance = pdf(createElement(DocumentPdf, { data, fontFamily }) as unknown as Parameters<typeof pdf>[0]);
  try {
    const stream = await instance.toBuffer();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
  } finally {
    await new Promise<void>((resolve) => instance.updateContainer(null as unknown as Parameters<typeof instance.updateContainer>[0], resolve));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
