import { createElement } from "react";
import { pdf } from "@react-pdf/renderer";
import { DocumentPdf, type DocumentPdfOptions } from "./document-pdf";
import { documentFontKind } from "./font-choice";
import { pdfFonts, preparePdfFonts } from "./fonts";
import { PaintedDocumentPdf, paintedPages } from "./painted/document";
import type { PdfData } from "./types";

/**
 * Lays the document out and starts writing it. React-PDF's own renderToStream never unmounts the
 * React root it creates, so every render's whole fibre tree stayed reachable from React's root
 * schedule (≈0.1–0.3 MB a render, unbounded); rendering `null` into the root once the layout is
 * done, then yielding once to the event loop, releases it. The returned stream doesn't depend on the React tree.
 */
async function render(data: PdfData, options: RenderOptions = {}): Promise<NodeJS.ReadableStream> {
  await preparePdfFonts();
  const engine = options.engine ?? "auto";
  if (engine === "layout") return write(createElement(DocumentPdf, { data, options }));
  try {
    const laid = paintedPages(data, pdfFonts(options.font ?? documentFontKind(data, { withFallback: true })));
    if (laid) return await write(createElement(PaintedDocumentPdf, { data, laid }));
    if (engine === "painted") throw new Error("The painted document can't set this document's text.");
  } catch (error) {
    if (engine === "painted") throw error;
    // A fault in the painter must not cost anyone their PDF: React-PDF's own layout still sets it.
    // The logger is loaded only here: it reads the app's configuration, which the PDF benchmark has none of.
    const { moduleLogger } = await import("@/lib/logger");
    moduleLogger("pdf").error({ err: error, documentId: data.document.id }, "painted PDF failed; using React-PDF's layout");
  }
  return write(createElement(DocumentPdf, { data, options }));
}

async function write(element: ReturnType<typeof createElement>): Promise<NodeJS.ReadableStream> {
  // Both engines return a <Document>; React-PDF's types want that element type at the root.
  const instance = pdf(element as unknown as Parameters<typeof pdf>[0]);
  try {
    return await instance.toBuffer();
  } finally {
    await new Promise<void>((resolve) => instance.updateContainer(null as unknown as Parameters<typeof instance.updateContainer>[0], resolve));
    // React takes the emptied root off its schedule in a macrotask (its Scheduler), never in the
    // promise chain of a render: back-to-back renders that never yield to the event loop (a
    // batch of email attachments, the benchmark) kept every root and its tree — about 50 kB a
    // render. One event-loop turn lets it go.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

export type RenderOptions = DocumentPdfOptions & {
  /**
   * "auto" (the default): pages laid out here and drawn on canvases (painted/document.tsx), or
   * "layout" for text only React-PDF's text engine can set (and, logged, if painting fails);
   * "painted": the canvases or an error (tests); "layout": React-PDF's own layout of the section
   * components (document-pdf.tsx), which tests compare against.
   */
  engine?: "auto" | "painted" | "layout";
};

/** The PDF as a Node stream (route handlers pipe it to the response). */
export function renderDocumentPdf(data: PdfData): Promise<NodeJS.ReadableStream> {
  return render(data);
}

/** The whole PDF in memory (tests, email attachments). */
export async function renderDocumentPdfBuffer(data: PdfData, options?: RenderOptions): Promise<Buffer> {
  const stream = await render(data, options);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
