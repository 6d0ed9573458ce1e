import { recordClientQuoteResponse } from "@/lib/data/documents/quotes";
import { unsafeResolveDocumentLink } from "@/lib/data/links";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isTrustedOrigin } from "@/lib/security/hosts";
import { einvoiceForDepositOf } from "@/lib/services/einvoice";

/** A client accepts or declines a quote from its link (a plain form post: works without JavaScript). */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  // State-changing route: only forms from our own pages may post here.
  const { headers } = request;
  if (!isTrustedOrigin(headers.get("origin"), [new URL(env.APP_URL).origin, new URL(request.url).origin], env.CSRF_TRUSTED_ORIGINS, headers.get("sec-fetch-site"))) {
    return new Response("Cross-origin request refused.", { status: 403 });
  }
  const { token } = await params;
  const link = await unsafeResolveDocumentLink(token);
  if (!link) return new Response("Not found", { status: 404 });
  const form = await request.formData().catch(() => null);
  const outcome = form?.get("outcome");
  if (outcome !== "accepted" && outcome !== "declined") return new Response("Choose accept or decline.", { status: 400 });
  try {
    await recordClientQuoteResponse(link, outcome);
    // The deposit invoice an acceptance issued gets its e-invoice, best effort.
    if (outcome === "accepted") await einvoiceForDepositOf(link.orgId, link.documentId);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // Already answered or no longer open: show the page as it is now.
  }
  return Response.redirect(new URL(`/i/${token}?responded=1`, env.APP_URL), 303);
}
