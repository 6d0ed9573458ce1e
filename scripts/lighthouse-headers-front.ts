/**
 * For `npm run lighthouse`: the bare page again, behind a front that adds the response headers every
 * page of the app carries (lib/security/csp.ts `securityHeaders`), so one run shows what those headers
 * cost a page that is otherwise bare. Cross-Origin-Opener-Policy in particular makes Chrome move a tab
 * that starts on about:blank (as Lighthouse's does) into a new browsing context group, a process swap
 * before the first paint. The Content-Security-Policy is left out: the bare page's scripts carry no nonce.
 */
import http from "node:http";
import { securityHeaders } from "../lib/security/csp";

export function appHeadersWithoutCsp(): Record<string, string> {
  const { "Content-Security-Policy": _csp, ...rest } = securityHeaders("", false);
  return rest;
}

/** Listens on `port` and answers every request with `target`'s answer plus the app's headers. */
export function startHeadersFront(port: number, target: number): Promise<http.Server> {
  const added = appHeadersWithoutCsp();
  const server = http.createServer((req, res) => {
    const upstream = http.request({ host: "localhost", port: target, path: req.url, method: req.method, headers: { ...req.headers, host: `localhost:${target}` } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...Object.fromEntries(Object.entries(added).map(([k, v]) => [k.toLowerCase(), v])) });
      answer.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "localhost", () => resolve(server));
  });
}
