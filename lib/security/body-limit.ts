/**
 * The largest request body a page route (that is, a server action) accepts. next.config.ts gives
 * Next the same number (`experimental.serverActions.bodySizeLimit`). Next 16 enforces it while
 * reading the body but then answers 500 (action-handler.js turns its own 413 ApiError into a
 * 500 flight response, or rethrows it for a form post), so proxy.ts refuses a body it can see is
 * too large, by its Content-Length, with a 413 first. Browsers always send Content-Length for
 * fetch and form posts; a chunked body without one still meets Next's limit (and its 500).
 * Logos (512 KB, lib/uploads.ts) and received e-invoices (2 MB, lib/services/einvoice-viewer.ts:
 * XRechnung files carry their attachments inside) fit with room for the multipart envelope.
 */
export const ACTION_BODY_LIMIT_BYTES = 2 * 1024 * 1024 + 64 * 1024;

/**
 * Next's action client shows a 4xx body to the caller only when the type is exactly text/plain,
 * so the message below reaches the form instead of "An unexpected response was received".
 */
export const BODY_TOO_LARGE_MESSAGE = "This request is too large: at most 2 MB can be sent at once. Choose a smaller file or shorten the text.";

/**
 * The 413 for a body over the limit, or null. Route handlers under /api (the SendGrid webhook's
 * batches, Auth.js) read their own bodies and keep their own limits.
 */
export function bodyTooLarge(method: string, pathname: string, contentLength: string | null): Response | null {
  if (method === "GET" || method === "HEAD" || pathname.startsWith("/api/")) return null;
  const length = Number(contentLength);
  if (!contentLength || !Number.isFinite(length) || length <= ACTION_BODY_LIMIT_BYTES) return null;
  return new Response(BODY_TOO_LARGE_MESSAGE, { status: 413, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
