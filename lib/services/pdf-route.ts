import type { DocumentKind } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { consumeAll, tooManyResponse } from "@/lib/rate-limit";
import { getMembership } from "@/lib/session";
import { pdfFileName } from "@/pdf/file-name";
import { type DocumentPdf, documentPdf } from "./document-pdf";

const notFoundResponse = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });

/**
 * GET /{invoices|quotes|credit-notes}/[id]/pdf: signed-in members of the document's organisation
 * only; a malformed id, another organisation's document or a document of another kind is a
 * plain 404. ?download=1 asks the browser to save instead of display.
 */
export function pdfRoute(kind: DocumentKind) {
  return async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
    const membership = await getMembership();
    if (!membership) return new Response("Sign in to download this document.", { status: 401, headers: { "Cache-Control": "private, no-store" } });
    const id = parseId((await params).id);
    if (!id) return notFoundResponse();
    const limited = await consumeAll([["pdf", `user:${membership.userId}`]]);
    if (!limited.ok) return tooManyResponse(limited);
    let pdf;
    try {
      pdf = await documentPdf(membership, id, (head) => head.kind === kind);
    } catch (error) {
      if (error instanceof AppError && error.code === "NOT_FOUND") return notFoundResponse();
      throw error;
    }
    if (!pdf) return notFoundResponse();
    return pdfResponse(pdf, request);
  };
}

/**
 * The document's PDF with its file name; `?download=1` asks the browser to save it. Private and
 * not stored by browsers or proxies: the bytes are cached server-side (lib/services/document-pdf.ts).
 */
export function pdfResponse({ head, bytes }: Pick<DocumentPdf, "head" | "bytes">, request: Request, extraHeaders: Record<string, string> = {}): Response {
  const download = new URL(request.url).searchParams.get("download") === "1";
  return new Response(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `${download ? "attachment" : "inline"}; filename="${pdfFileName(head.number)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ...extraHeaders,
    },
  });
}
