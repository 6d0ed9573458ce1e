import { env } from "@/lib/env";
import { moduleLogger } from "@/lib/logger";
import { parseSendGridEvents, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySendGridSignature } from "@/lib/sendgrid-webhook";
import { unsafeRecordSendGridEvents } from "@/lib/services/provider-events";

export const dynamic = "force-dynamic";

const log = moduleLogger("sendgrid-webhook");

/** SendGrid batches events; a body far larger than any batch is not from SendGrid. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

const noStore = { "Cache-Control": "no-store" };
const error = (status: number, message: string) => Response.json({ error: message }, { status, headers: noStore });

/**
 * SendGrid's Event Webhook (Settings → Mail Settings → Event Webhook, with "Signed Event Webhook"
 * on and its verification key in SENDGRID_WEBHOOK_PUBLIC_KEY). Nothing is read or stored before
 * the signature over the exact bytes received has been checked. Any non-2xx answer makes SendGrid
 * retry, which is what we want for 5xx and harmless for the rest.
 */
export async function POST(request: Request) {
  const publicKey = env.SENDGRID_WEBHOOK_PUBLIC_KEY;
  if (!publicKey) return error(503, "webhook not configured");

  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return error(413, "payload too large");
  const rawBody = Buffer.from(await request.arrayBuffer());
  if (rawBody.byteLength > MAX_BODY_BYTES) return error(413, "payload too large");

  const verified = verifySendGridSignature({
    publicKey,
    signature: request.headers.get(SIGNATURE_HEADER),
    timestamp: request.headers.get(TIMESTAMP_HEADER),
    rawBody,
  });
  if (!verified.ok) {
    if (verified.reason === "bad_key") {
      // Our configuration, not the sender, is at fault: 503 like a missing key (SendGrid retries).
      log.error("SENDGRID_WEBHOOK_PUBLIC_KEY is not a usable ECDSA public key");
      return error(503, "webhook not configured");
    }
    log.warn({ reason: verified.reason }, "sendgrid webhook refused");
    return error(401, "invalid signature");
  }

  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString("utf8"));
  } catch {
    return error(400, "invalid JSON");
  }
  const events = parseSendGridEvents(json);
  if (!events) return error(400, "expected an array of events");

  try {
    const result = await unsafeRecordSendGridEvents(events);
    log.info({ received: Array.isArray(json) ? json.length : 0, ...result }, "sendgrid events recorded");
  } catch (err) {
    log.error({ err }, "recording sendgrid events failed");
    return error(500, "could not record events");
  }
  return new Response(null, { status: 204, headers: noStore });
}
