/**
 * The HTTP server `npm start` and `npm run dev` run (through scripts/run-next.ts, which validates
 * the configuration first): Next's documented custom-server API, plus one thing `next start`
 * cannot do: stamping each request with the connection's peer address (scripts/peer-header.mjs),
 * so per-address rate limits have a real key when no proxy is trusted (TRUSTED_PROXY_HOPS=0).
 *
 * Usage: node scripts/next-server.mjs <start|dev> <port> <hostname>
 */
import { createServer } from "node:http";
import { stampPeer } from "./peer-header.mjs";

const [mode, portArg, hostname] = process.argv.slice(2);
const dev = mode === "dev";
// What Next's own CLI sets before loading anything (lib/env.ts relies on NEXT_RUNTIME to leave .env
// loading to Next); imported afterwards for that reason.
process.env.NODE_ENV ||= dev ? "development" : "production";
process.env.NEXT_RUNTIME = "nodejs";
// Where Next fetches a server action's redirect target from, to send it back with the action's
// answer (as `next start` sets it). Without it Next uses the bind address (0.0.0.0), which
// ALLOWED_HOSTS refuses: the browser then fell back to a full page load after every save, and a
// form's unsaved-changes warning asked "Leave site?" (e2e/security.spec.ts, XSS payloads).
process.env.__NEXT_PRIVATE_ORIGIN ||= `http://${hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname}:${portArg}`;
const { default: next } = await import("next");
const port = Number(portArg);

const server = createServer();
// httpServer lets Next attach its own upgrade handler (hot reloading in development).
const app = next({ dev, hostname, port, httpServer: server });
const handle = app.getRequestHandler();
await app.prepare();

server.on("request", (req, res) => {
  stampPeer(req);
  // Next answers its own errors; one that escapes must not take every other request down with it.
  handle(req, res).catch((error) => {
    console.error("request failed outside Next's handler", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
// Upgrades (development's hot-reload socket) pass through the same stamp before Next's own listener.
server.prependListener("upgrade", (req) => stampPeer(req));

server.listen(port, hostname, () => {
  console.log(`Smart Invoice ${dev ? "(development) " : ""}listening on http://${hostname}:${port}`);
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Finish the requests in flight, then leave; a stuck keep-alive connection cannot hold us past 10 s.
    setTimeout(() => process.exit(0), 10_000).unref();
    server.closeIdleConnections();
    server.close(() => {
      void app.close().finally(() => process.exit(0));
    });
  });
}
