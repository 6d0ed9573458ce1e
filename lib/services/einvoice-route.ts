import type { DocumentKind } from "@/db/schema";
import type { Reader } from "@/lib/data/context";
import { getEInvoice, type StoredEInvoice } from "@/lib/data/einvoices";
import { parseId } from "@/lib/ids";
import { consumeAll, tooManyResponse } from "@/lib/rate-limit";
import { getMembership } from "@/lib/session";
import { xmlFileName } from "@/pdf/file-name";
import { documentPdfHead } from "./document-pdf";

const notFoundResponse = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });

/** The stored e-invoice of an issued document the reader can see (and `accept`s), or null. */
export async function readableEInvoice(reader: Reader, documentId: string, accept: (kind: DocumentKind) => boolean) {
  const head = await documentPdfHead(reader, documentId);
  if (!head || head.status === "draft" || !accept(head.kind)) return null;
  const stored = await getEInvoice(reader, documentId);
  return stored ? { number: head.number, stored } : null;
}

/** The XML as a download: the bytes stored when the document was issued. */
export function xmlResponse(number: string | null, stored: StoredEInvoice, extraHeaders: Record<string, string> = {}): Response {
  return new Response(stored.xml, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${xmlFileName(number)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ...extraHeaders,
    },
  });
}

/**
 * GET /{invoices|credit-notes}/[id]/einvoice: the e-invoice XML stored at issue, for signed-in
 * members of the document's organisation; anything else (a draft, no e-invoice, another
 * organisation's or kind's document, a malformed id) is a plain 404, like the PDF route.
 */
export function einvoiceRoute(kind: DocumentKind) {
  return async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
    const membership = await getMembership();
    if (!membership) return new Response("Sign in to download this document.", { status: 401, headers: { "Cache-Control": "private, no-store" } });
    const id = parseId((await params).id);
    if (!id) return notFoundResponse();
    const limited = await consumeAll([["pdf", `user:${membership.userId}`]]);
    if (!limited.ok) return tooManyResponse(limited);
    const found = await readableEInvoice(membership, id, (k) => k === kind);
    if (!found) return notFoundResponse();
    return xmlResponse(found.number, found.stored);
  };
}
