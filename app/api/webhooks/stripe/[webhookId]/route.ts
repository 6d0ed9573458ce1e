import { unsafeFindStripeConnectionByWebhookId } from "@/lib/data/stripe-connections";
import { moduleLogger } from "@/lib/logger";
import { handleStripeEvent } from "@/lib/services/stripe-events";
import { verifyStripeEvent } from "@/lib/stripe/verify";

export const dynamic = "force-dynamic";

const log = moduleLogger("stripe-webhook");

/** Stripe's events are a few KB; anything far larger is not from Stripe. */
const MAX_BODY_BYTES = 512 * 1024;

const noStore = { "Cache-Control": "no-store" };
const error = (status: number, message: string) => Response.json({ error: message }, { status, headers: noStore });

/**
 * The body as text, or null past `max` bytes. Read chunk by chunk so a body sent without a
 * Content-Length (chunked) is not buffered whole before it is measured.
 */
async function readCapped(request: Request, max: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * An organisation's Stripe webhook (/api/webhooks/stripe/<webhookId>, the URL shown in Settings →
 * Payments). The id in the URL finds the organisation's connection; the Stripe-Signature over the
 * exact bytes received is checked with its signing secret (or the previous one, for a day after a
 * roll) before anything is stored. A 2xx tells Stripe the event is stored with its effect; any
 * other answer makes Stripe retry, which a 4xx for a forged request never helps and a 5xx does.
 */
export async function POST(request: Request, { params }: { params: Promise<{ webhookId: string }> }) {
  const { webhookId } = await params;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return error(413, "payload too large");
  const rawBody = await readCapped(request, MAX_BODY_BYTES);
  if (rawBody === null) return error(413, "payload too large");

  const connection = await unsafeFindStripeConnectionByWebhookId(webhookId);
  if (!connection) return error(404, "unknown webhook");

  const verified = verifyStripeEvent(rawBody, request.headers.get("stripe-signature"), connection);
  if (!verified.ok) {
    log.warn({ orgId: connection.orgId, reason: verified.reason }, "stripe webhook refused");
    // An unreadable secret is our fault (the encryption keys): 503, so Stripe retries once it is fixed.
    if (verified.reason === "unreadable_secret") return error(503, "webhook not configured");
    return error(400, "invalid signature");
  }

  try {
    const result = await handleStripeEvent(connection.orgId, verified.event, undefined, connection.livemode);
    log.info({ orgId: connection.orgId, eventId: verified.event.id, type: verified.event.type, ...result }, "stripe event handled");
    return Response.json({ received: true, duplicate: result.duplicate }, { status: 200, headers: noStore });
  } catch (err) {
    log.error({ err, orgId: connection.orgId, eventId: verified.event.id, type: verified.event.type }, "handling a stripe event failed");
    return error(500, "could not record the event");
  }
}
