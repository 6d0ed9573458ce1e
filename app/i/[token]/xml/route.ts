import { unsafeResolveDocumentLink } from "@/lib/data/links";
import { linkContext } from "@/lib/data/public-documents";
import { consumeAll, tooManyResponse } from "@/lib/rate-limit";
import { clientIp, UNKNOWN_ADDRESS } from "@/lib/request-meta";
import { readableEInvoice, xmlResponse } from "@/lib/services/einvoice-route";

export const runtime = "nodejs";

/** The client's e-invoice XML: the token is the credential, as for the PDF; none stored is a bare 404. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await unsafeResolveDocumentLink(token);
  const notFound = new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });
  if (!link) return notFound;
  const limited = await consumeAll([["pdf", `ip:${clientIp(request.headers) ?? UNKNOWN_ADDRESS}`]]);
  if (!limited.ok) return tooManyResponse(limited);
  const found = await readableEInvoice(linkContext(link), link.documentId, (kind) => kind === "invoice" || kind === "credit_note");
  if (!found) return notFound;
  return xmlResponse(found.number, found.stored, { "X-Robots-Tag": "noindex, nofollow", "Referrer-Policy": "no-referrer" });
}
