import { unsafeResolveDocumentLink } from "@/lib/data/links";
import { linkContext } from "@/lib/data/public-documents";
import { consumeAll, tooManyResponse } from "@/lib/rate-limit";
import { clientIp, UNKNOWN_ADDRESS } from "@/lib/request-meta";
import { documentPdf, documentPdfHead } from "@/lib/services/document-pdf";
import { pdfResponse } from "@/lib/services/pdf-route";

/** The client's PDF: the token is the credential; an unknown or revoked one is a bare 404. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await unsafeResolveDocumentLink(token);
  const notFound = new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });
  if (!link) return notFound;
  const reader = linkContext(link);
  const head = await documentPdfHead(reader, link.documentId);
  if (!head || head.status === "draft") return notFound;
  const limited = await consumeAll([["pdf", `ip:${clientIp(request.headers) ?? UNKNOWN_ADDRESS}`]]);
  if (!limited.ok) return tooManyResponse(limited);
  const pdf = await documentPdf(reader, link.documentId, (current) => current.status !== "draft");
  if (!pdf) return notFound;
  return pdfResponse(pdf, request, { "X-Robots-Tag": "noindex, nofollow", "Referrer-Policy": "no-referrer" });
}
