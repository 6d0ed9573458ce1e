import "server-only";
import { Readable } from "node:stream";
import { getDb } from "@/db";
import type { DocumentKind } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { consumeAll, tooManyResponse } from "@/lib/rate-limit";
import { getMembership } from "@/lib/session";
import { pdfFileName } from "./file-name";
import { loadPdfData } from "./load";
import { renderDocumentPdf } from "./render";

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
    let data;
    try {
      data = await loadPdfData(await getDb(), membership, id);
    } catch (error) {
      if (error instanceof AppError && error.code === "NOT_FOUND") return notFoundResponse();
      throw error;
    }
    if (data.document.kind !== kind) return notFoundResponse();
    return pdfResponse(data, request);
  };
}

/** Streams the document's PDF with its file name; `?download=1` asks the browser to save it. */
export async function pdfResponse(data: Awaited<ReturnType<typeof loadPdfData>>, request: Request, extraHeaders: Record<string, string> = {}): Promise<Response> {
  const stream = await renderDocumentPdf(data);
  const download = new URL(request.url).searchParams.get("download") === "1";
  return new Response(Readable.toWeb(stream as Readable) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `${download ? "attachment" : "inline"}; filename="${pdfFileName(data.document.number)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ...extraHeaders,
    },
  });
}
