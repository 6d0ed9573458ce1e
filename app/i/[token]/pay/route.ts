import { unsafeResolveDocumentLink } from "@/lib/data/links";
import { env } from "@/lib/env";
import { moduleLogger } from "@/lib/logger";
import { consumeAll, tooManyResponse } from "@/lib/rate-limit";
import { clientIp, UNKNOWN_ADDRESS } from "@/lib/request-meta";
import { isTrustedOrigin } from "@/lib/security/hosts";
import { startCheckout } from "@/lib/services/checkout";
import { CheckoutError } from "@/lib/services/checkout-offer";

const log = moduleLogger("pay-route");

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Leaving for Stripe's hosted Checkout. Not a redirect: the page's CSP says form-action 'self',
 * which browsers apply to every redirect a form post leads to, so a 303 to checkout.stripe.com
 * would be blocked. A meta refresh is a new navigation (and a link, should the browser not follow
 * it), so the client page's CSP stays as strict as it is, and no script is involved.
 */
function handoff(url: string): Response {
  const href = escapeHtml(url);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${href}"><title>Taking you to the payment page…</title></head><body><main><h1>Taking you to the payment page…</h1><p><a href="${href}">Continue to the secure payment page</a></p></main></body></html>`;
  return new Response(html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * The client's Pay button (a plain form post: no JavaScript on the page). Sends the browser to
 * Stripe Checkout, or back to the invoice with a problem the page explains (?pay_error=…);
 * the amount typed for a part payment comes back too, so nothing typed is lost.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { headers } = request;
  if (!isTrustedOrigin(headers.get("origin"), [new URL(env.APP_URL).origin, new URL(request.url).origin], env.CSRF_TRUSTED_ORIGINS, headers.get("sec-fetch-site"))) {
    return new Response("Cross-origin request refused.", { status: 403 });
  }
  // Each press may create a Checkout Session at Stripe: a tighter limit than the page's.
  const limited = await consumeAll([["checkout", `ip:${clientIp(headers) ?? UNKNOWN_ADDRESS}`]]);
  if (!limited.ok) return tooManyResponse(limited);
  const { token } = await params;
  const link = await unsafeResolveDocumentLink(token);
  if (!link) return new Response("Not found", { status: 404 });
  const form = await request.formData().catch(() => null);
  const amount = form?.get("amount");
  const typed = typeof amount === "string" ? amount.slice(0, 40) : null;
  const back = (problem: string) => {
    const url = new URL(`/i/${token}`, env.APP_URL);
    url.searchParams.set("pay_error", problem);
    if (typed) url.searchParams.set("amount", typed);
    url.hash = "pay";
    return Response.redirect(url, 303);
  };
  try {
    const to = await startCheckout({ kind: "client-link", ...link }, token, typed);
    return new URL(to).origin === new URL(env.APP_URL).origin ? Response.redirect(to, 303) : handoff(to);
  } catch (error) {
    if (error instanceof CheckoutError) return back(error.problem);
    log.error({ err: error }, "checkout failed");
    return back("stripe");
  }
}
