import { createElement } from "react";
import { renderToBuffer, renderToStream } from "@react-pdf/renderer";
import { DocumentPdf } from "./document-pdf";
import { registerPdfFonts } from "./fonts";
import type { PdfData } from "./types";

function element(data: PdfData) {
  registerPdfFonts();
  // DocumentPdf returns a <Document>; React-PDF's types want that element type at the root.
  return createElement(DocumentPdf, { data }) as unknown as Parameters<typeof renderToStream>[0];
}

/** The PDF as a Node stream (route handlers pipe it to the response). */
export function renderDocumentPdf(data: PdfData): Promise<NodeJS.ReadableStream> {
  return renderToStream(element(data));
}

/** The whole PDF in memory (tests, email attachments). */
export function renderDocumentPdfBuffer(data: PdfData): Promise<Buffer> {
  return renderToBuffer(element(data));
}
