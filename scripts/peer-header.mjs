/**
 * The header through which the server (scripts/next-server.mjs) tells the app who is on the other
 * end of the TCP connection. Next only fills X-Forwarded-For with the socket's address when the
 * client did not send one, so that header can be forged; this one is always overwritten here, on
 * every request, before Next sees it. lib/request-meta.ts reads it (same name there; a unit test
 * checks they agree). Plain JavaScript: the server runs under node without a TypeScript loader.
 */
export const PEER_IP_HEADER = "x-si-peer-ip";

/** @param {{ headers: Record<string, string | string[] | undefined>, socket: { remoteAddress?: string } }} req */
export function stampPeer(req) {
  const address = req.socket.remoteAddress;
  if (address) {
    // IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d; key them as the IPv4 address.
    req.headers[PEER_IP_HEADER] = address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
  } else {
    // A socket already closed has no address: never let the client's value through.
    delete req.headers[PEER_IP_HEADER];
  }
}
