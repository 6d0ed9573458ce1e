/**
 * The largest request body a page route (that is, a server action) accepts. next.config.ts gives
 * Next the same number (`experimental.serverActions.bodySizeLimit`). Next 16 enforces it while
 * reading the body but then answers 500 (action-handler.js turns its own 413 ApiError into a
 * 500 flight response, or rethrows it for a form post), so proxy.ts refuses a body it can see is
 * too large, by its Content-Length, with a 413 first. Browsers always send Content-Length for
 * fetch and form posts; a chunked body without one still meets Next's limit (and its 500).
 * Logos (512 KB, lib/uploads.ts) fit in the 1 MB every page accepts with room for the multipart
 * envelope. Only the e-invoice viewer's page takes more (received files up to 2 MB,
 * lib/einvoice/view-limits.ts): a larger body anywhere else is refused before Next reads it.
 */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
export const EINVOICE_VIEW_PATH = "/einvoices/view";
export const EINVOICE_UPLOAD_BODY_LIMIT_BYTES = 2 * 1024 * 1024 + 64 * 1024;
/** What Next is told (next.config.ts): the largest limit; proxy.ts applies each page's own first. */
export const NEXT_ACTION_BODY_LIMIT_BYTES = EINVOICE_UPLOAD_BODY_LIMIT_BYTES;

/**
 * Next's action client shows a 4xx body to the caller only when the type is exactly text/plain,
 * so the message below reaches the form instead of "An unexpected response was received".
 */
export const BODY_TOO_LARGE_PREFIX = "This request is too large:";
const tooLargeMessage = (megabytes: number) => `${BODY_TOO_LARGE_PREFIX} at most ${megabytes} MB can be sent at once. Choose a smaller file or shorten the text.`;
export const BODY_TOO_LARGE_MESSAGE = tooLargeMessage(1);

const limitFor = (pathname: string) => (pathname === EINVOICE_VIEW_PATH ? EINVOICE_UPLOAD_BODY_LIMIT_BYTES : ACTION_BODY_LIMIT_BYTES);

/**
 * The 413 for a body over the limit, or null. Route handlers under /api (the SendGrid webhook's
 * batches, Auth.js) read their own bodies and keep their own limits.
 */
export function bodyTooLarge(method: string, pathname: string, contentLength: string | null): Response | null {
  if (method === "GET" || method === "HEAD" || pathname.startsWith("/api/")) return null;
  const length = Number(contentLength);
  const limit = limitFor(pathname);
  if (!contentLength || !Number.isFinite(length) || length <= limit) return null;
  const message = limit === ACTION_BODY_LIMIT_BYTES ? BODY_TOO_LARGE_MESSAGE : tooLargeMessage(2);
  return new Response(message, { status: 413, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
