import { createElement } from "react";
import { renderToBuffer, renderToStream } from "@react-pdf/renderer";
import { DocumentPdf } from "./document-pdf";
import { preparePdfFonts } from "./fonts";
import type { PdfData } from "./types";

async function element(data: PdfData) {
  await preparePdfFonts();
  // DocumentPdf returns a <Document>; React-PDF's types want that element type at the root.
  return createElement(DocumentPdf, { data }) as unknown as Parameters<typeof renderToStream>[0];
}

/** The PDF as a Node stream (route handlers pipe it to the response). */
export async function renderDocumentPdf(data: PdfData): Promise<NodeJS.ReadableStream> {
  return renderToStream(await element(data));
}

/** The whole PDF in memory (tests, email attachments). */
export async function renderDocumentPdfBuffer(data: PdfData): Promise<Buffer> {
  return renderToBuffer(await element(data));
}
