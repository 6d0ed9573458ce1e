/**
 * `npm run observatory`: grades pages with the Mozilla HTTP Observatory's own scanner
 * (@mdn/mdn-http-observatory) and exits 1 unless every one is A+.
 *
 * Needs a production build (`npm run build`) and ports 80 and 443 (run as root, as CI does). It
 * starts the app on a fresh embedded database with APP_URL=https://localhost, puts a small TLS
 * front on :443 and :80 that forwards to it with X-Forwarded-Proto / X-Forwarded-For (what Render's
 * edge does), and scans https://localhost on: the home page, the sign-in page, a signed-in page and
 * a client link. The certificate is self-signed, made with openssl for this run, and trusted only
 * by the scanning process (NODE_EXTRA_CA_CERTS).
 */
import { execFile, execFileSync, spawn } from "node:child_process";
import { promisify } from "node:util";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
// Installed on demand, outside the app's dependencies: its install scripts download lists (and one
// of its dependencies fails without network), which would break `npm ci` on a machine like CI's.
const OBSERVATORY = "@mdn/mdn-http-observatory@1.4.8";
const scannerRoot = path.join(root, ".observatory");
const observatoryDir = path.join(scannerRoot, "node_modules/@mdn/mdn-http-observatory");
const appPort = Number(process.env.OBSERVATORY_APP_PORT ?? 5099);
const work = mkdtempSync(path.join(tmpdir(), "observatory-"));
const children: ReturnType<typeof spawn>[] = [];

function cleanup() {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
process.on("exit", cleanup);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

/** The package downloads the HSTS preload list on install; installed with --ignore-scripts, it needs an (empty) one. */
function prepareScanner() {
  if (!existsSync(observatoryDir)) {
    mkdirSync(scannerRoot, { recursive: true });
    if (!existsSync(path.join(scannerRoot, "package.json"))) writeFileSync(path.join(scannerRoot, "package.json"), '{ "private": true }\n');
    execFileSync("npm", ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--save-exact", OBSERVATORY], { cwd: scannerRoot, stdio: "inherit" });
  }
  const preload = path.join(observatoryDir, "conf/hsts-preload.json");
  if (!existsSync(preload)) writeFileSync(preload, "{}\n");
}

function makeCertificate(): { key: string; cert: string; certPath: string } {
  const keyPath = path.join(work, "key.pem");
  const certPath = path.join(work, "cert.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyPath, "-out", certPath, "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"], { stdio: "ignore" });
  return { key: readFileSync(keyPath, "utf8"), cert: readFileSync(certPath, "utf8"), certPath };
}

/** Forwards to the app as Render's edge does: TLS ends here; the app learns the scheme and client address from headers. */
function front(proto: "http" | "https") {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
    const upstream = http.request(
      { host: "127.0.0.1", port: appPort, method: req.method, path: req.url, headers: { ...req.headers, "x-forwarded-proto": proto, "x-forwarded-for": forwardedFor } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  };
}

function listen(server: http.Server | https.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    // "::" takes IPv4 too on Linux; localhost may resolve to either.
    server.listen(port, "::", () => resolve());
  });
}

/** A request to the app as the front would send it, over HTTPS. */
function appRequest(method: string, pathname: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: appPort, method, path: pathname, headers: { host: "localhost", "x-forwarded-proto": "https", "x-forwarded-for": "127.0.0.1", ...headers } },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function waitForHealth() {
  for (let i = 0; i < 120; i++) {
    const ok = await appRequest("GET", "/health").then((r) => r.status === 200, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the app did not start");
}

type Grade = { path: string; grade: string; score: number; failed: string[]; finalUrl: string };

/** In a child process (the only way to trust the certificate), asynchronously: the front answers from this one. */
async function scan(certPath: string, pagePath: string, cookie?: string): Promise<Grade> {
  const program = `
    import { scan } from "@mdn/mdn-http-observatory";
    const [path, cookie] = process.argv.slice(1);
    const headers = ["Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"];
    if (cookie) headers.push("Cookie: " + cookie);
    const r = await scan("localhost", { path, headers });
    const failed = Object.entries(r.tests).filter(([, t]) => !t.pass).map(([name, t]) => name + " (" + t.result + ", " + t.scoreModifier + ")");
    console.log(JSON.stringify({ grade: r.scan.grade, score: r.scan.score, failed, finalUrl: r.tests.redirection?.destination ?? "" }));
  `;
  const { stdout: out } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", program, pagePath, cookie ?? ""], {
    cwd: scannerRoot,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: certPath, NODE_NO_WARNINGS: "1" },
    encoding: "utf8",
  });
  return { path: pagePath, ...(JSON.parse(out.trim().split("\n").at(-1)!) as Omit<Grade, "path">) };
}

async function main() {
  prepareScanner();
  const dataDir = path.join(work, "data");
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    REDIS_URL: "",
    APP_URL: "https://localhost",
    ALLOWED_HOSTS: "localhost",
    TRUSTED_PROXY_HOPS: "1",
    SECRET_KEY: randomBytes(32).toString("hex"),
    ENCRYPTION_SALT: randomBytes(16).toString("hex"),
    SENDGRID_API_KEY: "",
    SENTRY_DSN: "",
    LOG_LEVEL: "warn",
  };
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const fixture = JSON.parse(execFileSync(tsx, ["--tsconfig", "tsconfig.scripts.json", "scripts/observatory-fixture.ts"], { cwd: root, env, encoding: "utf8" }).trim().split("\n").at(-1)!) as {
    cookie: string;
    token: string;
  };
  const app = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(appPort), "-H", "127.0.0.1"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  children.push(app);
  await waitForHealth();

  const { key, cert, certPath } = makeCertificate();
  const servers = [https.createServer({ key, cert }, front("https")), http.createServer(front("http"))];
  await listen(servers[0]!, 443);
  await listen(servers[1]!, 80);

  // Plain HTTP through the front: redirected to HTTPS, except the platform's health probe.
  const viaHttp = (p: string) =>
    new Promise<{ status: number; location?: string }>((resolve, reject) => {
      http.get({ host: "127.0.0.1", port: 80, path: p, headers: { host: "localhost" } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      }).on("error", reject);
    });
  const redirect = await viaHttp("/login?next=%2Fcustomers");
  const health = await viaHttp("/health");
  const redirectOk = redirect.status === 308 && redirect.location === "https://localhost/login?next=%2Fcustomers" && health.status === 200;
  process.stdout.write(`HTTP → HTTPS: /login ${redirect.status} ${redirect.location ?? "(no Location)"}; /health ${health.status}${redirectOk ? "" : "   FAILED"}\n`);

  // The scan must see the signed-in page itself, not a redirect to the sign-in page.
  const signedIn = await appRequest("GET", "/customers", { cookie: fixture.cookie });
  if (signedIn.status !== 200) throw new Error(`the session cookie was not accepted (GET /customers answered ${signedIn.status})`);
  const pages: [string, string | undefined][] = [
    ["/", undefined],
    ["/login", undefined],
    ["/customers", fixture.cookie],
    [`/i/${fixture.token}`, undefined],
  ];
  const grades: Grade[] = [];
  for (const [p, cookie] of pages) grades.push(await scan(certPath, p, cookie));
  for (const s of servers) s.close();

  let allAPlus = redirectOk;
  for (const g of grades) {
    const shown = g.path.startsWith("/i/") ? "/i/<token>" : g.path;
    process.stdout.write(`${g.grade.padEnd(3)} ${String(g.score).padStart(4)}  ${shown}${g.failed.length ? `   failed: ${g.failed.join("; ")}` : ""}\n`);
    if (g.grade !== "A+") allAPlus = false;
  }
  process.stdout.write(allAPlus ? "Every page grades A+.\n" : "Not every page grades A+.\n");
  process.exitCode = allAPlus ? 0 : 1;
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`observatory: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  })
  // The app and the front's keep-alive sockets would hold the process open; cleanup() stops the app.
  .finally(() => process.exit());
