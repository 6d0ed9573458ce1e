import type { APIRequestContext } from "@playwright/test";
import { expect, someIp, test } from "../test";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { baseURL } from "../../playwright.config";
import { PASSWORD, registerAccount, signIn, uniqueEmail } from "../support";

/** Posts to Auth.js's own credentials endpoint, as a script would (CSRF token first, as Auth.js requires). */
async function postCredentials(request: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf", { headers })).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", { form: { email, password, csrfToken }, headers, maxRedirects: 0 });
}

type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One HTTP request from a chosen local address (all of 127/8 is loopback on Linux). */
function raw(port: number, localAddress: string, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, localAddress, method: options.method ?? "GET", path: options.path, headers: { host: `localhost:${port}`, ...options.headers } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A sign-in through Auth.js's endpoint over raw HTTP from `localAddress`. */
async function rawSignIn(port: number, localAddress: string, email: string, password: string, headers: Record<string, string> = {}) {
  const csrf = await raw(port, localAddress, { path: "/api/auth/csrf", headers });
  // The proxy's Auth.js and the route both set a CSRF cookie; as a browser would, keep the last of each name.
  const jar = new Map((csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!.split(/=(.*)/s).slice(0, 2) as [string, string]));
  const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  return raw(port, localAddress, {
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken }).toString(),
  });
}

test.describe("auth and limits", () => {
  test("sign-in never leaves the app's origin, whatever `next` says; CR/LF in it is no error", async ({ page }) => {
    const email = uniqueEmail("next");
    await registerAccount(page, { name: "Nora Next", email, organization: "Next Co" });
    await expect(page).toHaveURL(/\/onboarding$/);
    const origin = new URL(baseURL).origin;
    const bypasses = ["%2F%09%2Fevil.example", "%2F%5Cevil.example", "%2F%2Fevil.example", "https%3Aevil.example", "%2F%EF%BC%8F%2Fevil.example", "%2F%250D%250A%2F%2Fevil.example"];
    for (const next of bypasses) {
      await page.context().clearCookies();
      await page.goto(`/login?next=${next}`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page, next).toHaveURL(`${origin}/dashboard`);
    }
    // CR/LF would break the Location header: the page and the sign-in both answer normally.
    await page.context().clearCookies();
    const crlf = "%2Fdashboard%0D%0ALocation%3A%20%2F%2Fevil.example";
    const loginPage = await page.goto(`/login?next=${crlf}`);
    expect(loginPage!.status()).toBe(200);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${origin}/dashboard`);
    // A genuine destination still works.
    await page.context().clearCookies();
    await page.goto("/login?next=%2Fsettings%2Faccount");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${origin}/settings/account`);
  });

  test("after sign-out the old session cookie opens nothing: pages, exports, server actions", async ({ page, browser }) => {
    await registerAccount(page, { name: "Rita Replay", email: uniqueEmail("replay"), organization: "Replay Co" });
    await expect(page).toHaveURL(/\/onboarding$/);
    // A real server action to replay later: creating a customer.
    await page.goto("/customers/new");
    await page.getByLabel("Name", { exact: true }).fill("Replayed Client");
    const posted = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
    await page.getByRole("button", { name: "Create customer" }).click();
    const action = await posted;
    await expect(page.getByRole("heading", { name: "Replayed Client", level: 1 })).toBeVisible();
    const stolen = await page.context().cookies();
    expect(stolen.some((c) => c.name === "si.session")).toBe(true);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You have signed out.")).toBeVisible();

    const replay = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": someIp() } });
    await replay.addCookies(stolen);
    const tab = await replay.newPage();
    await tab.goto("/dashboard");
    await expect(tab).toHaveURL(/\/login\?next=%2Fdashboard$/);
    const exported = await replay.request.get("/invoices/export");
    expect(exported.status()).toBe(401);
    expect(await exported.text()).toBe("Sign in to export.");
    const replayed = await replay.request.post(action.url(), {
      headers: { "next-action": action.headers()["next-action"]!, "content-type": action.headers()["content-type"]!, origin: new URL(baseURL).origin },
      data: action.postData() ?? "",
    });
    expect(await replayed.text()).toContain("Your session has ended. Sign in again to continue.");
    await replay.close();
  });

  test("'Sign out everywhere' ends every session of the account, this one included", async ({ page, browser }) => {
    // Two browsers and three sign-ins: slow on a busy machine.
    test.setTimeout(120_000);
    const email = uniqueEmail("everywhere");
    await registerAccount(page, { name: "Eve Everywhere", email, organization: "Everywhere Co" });
    await expect(page).toHaveURL(/\/onboarding$/);
    const laptop = await page.context().cookies();

    const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": someIp() } });
    const phone = await other.newPage();
    await signIn(phone, email);
    await expect(phone).toHaveURL(/\/dashboard$/);

    await page.goto("/settings/account");
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page.getByText("You have signed out on every device.")).toBeVisible();

    await phone.goto("/customers");
    await expect(phone).toHaveURL(/\/login\?next=%2Fcustomers$/);
    // The cookie this browser had before is refused too.
    const replay = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": someIp() } });
    await replay.addCookies(laptop);
    expect((await replay.request.get("/invoices/export")).status()).toBe(401);
    await replay.close();
    await other.close();
    // Signing in again works.
    await signIn(page, email);
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test("Auth.js's own sign-in endpoint answers a locked account with 429, Retry-After and RateLimit fields", async ({ request }) => {
    const email = uniqueEmail("locked");
    for (let i = 0; i < 10; i++) {
      const refused = await postCredentials(request, email, "wrong password");
      expect(refused.status()).toBe(302);
      expect(refused.headers()["location"]).toContain("error=CredentialsSignin");
    }
    const locked = await postCredentials(request, email, "wrong password");
    expect(locked.status()).toBe(429);
    const h = locked.headers();
    expect(Number(h["retry-after"])).toBeGreaterThan(800);
    expect(Number(h["retry-after"])).toBeLessThanOrEqual(900);
    expect(h["ratelimit-policy"]).toBe('"loginAccount";q=10;w=900');
    expect(h["ratelimit"]).toMatch(/^"loginAccount";r=0;t=\d+$/);
  });

  test("a registration refused by a limit shows the wait and creates no account", async ({ browser }) => {
    const ip = someIp();
    const limited = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
    // Spend this address's 50 sign-in attempts (each on a different unknown account).
    for (let i = 0; i < 50; i++) expect((await postCredentials(limited.request, uniqueEmail("spent"), "wrong password")).status()).toBe(302);
    expect((await postCredentials(limited.request, uniqueEmail("spent"), "wrong password")).status()).toBe(429);

    const email = uniqueEmail("refused");
    const page = await limited.newPage();
    await registerAccount(page, { name: "Rex Refused", email, organization: "Refused Co" });
    await expect(page.getByText(/^Too many attempts\. Try again in 1[45] minutes\.$/)).toBeVisible();
    await expect(page).toHaveURL(/\/register$/);
    await limited.close();

    // From elsewhere the same address registers fine: nothing was created the first time.
    const fresh = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": someIp() } });
    const again = await fresh.newPage();
    await registerAccount(again, { name: "Rex Refused", email, organization: "Refused Co" });
    await expect(again).toHaveURL(/\/onboarding$/);
    await fresh.close();
  });

  test.describe("with no trusted proxy (TRUSTED_PROXY_HOPS=0)", () => {
    // A second production server on the same build, as `npm start` runs it with no proxy in front.
    const port = Number(new URL(baseURL).port) + 1000;
    let server: ChildProcess | undefined;
    test.skip(!!process.env.BASE_URL, "starts its own server from this checkout");
    test.beforeAll(async () => {
      test.setTimeout(180_000);
      const dataDir = path.resolve(".data/e2e-hops0");
      rmSync(dataDir, { recursive: true, force: true });
      server = spawn("npm", ["start"], {
        detached: true,
        stdio: ["ignore", "ignore", "inherit"],
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: String(port),
          DATA_DIR: dataDir,
          APP_URL: `http://localhost:${port}`,
          SECRET_KEY: randomBytes(32).toString("hex"),
          ENCRYPTION_SALT: randomBytes(16).toString("hex"),
          DATABASE_URL: "",
          REDIS_URL: "",
          SENDGRID_API_KEY: "",
          SENTRY_DSN: "",
          DEBUG: "",
          LOG_LEVEL: "warn",
          TRUSTED_PROXY_HOPS: "0",
        },
      });
      await expect(async () => expect((await raw(port, "127.0.0.1", { path: "/health" })).status).toBe(200)).toPass({ timeout: 150_000, intervals: [1_000] });
    });
    test.afterAll(() => {
      // npm start runs the server in a child process: end the whole group started above.
      if (server?.pid) process.kill(-server.pid, "SIGTERM");
    });

    test("each source address has its own sign-in budget; X-Forwarded-For does not change it", async ({ browser }) => {
      test.setTimeout(180_000);
      const email = uniqueEmail("peer");
      const context = await browser.newContext({ baseURL: `http://localhost:${port}` });
      const page = await context.newPage();
      await registerAccount(page, { name: "Pat Peer", email, organization: "Peer Co" });
      await expect(page).toHaveURL(/\/onboarding$/);
      await context.close();

      // 127.0.0.2 spends its 50 attempts, each claiming to come from somewhere else, in
      // X-Forwarded-For and in the header the server itself stamps (which it must overwrite).
      for (let i = 0; i < 50; i++) {
        const forged = { "x-forwarded-for": someIp(), "x-si-peer-ip": someIp() };
        const refused = await rawSignIn(port, "127.0.0.2", uniqueEmail("noise"), "wrong password", forged);
        expect(refused.status).toBe(302);
        expect(refused.headers["location"]).toContain("error=CredentialsSignin");
      }
      const locked = await rawSignIn(port, "127.0.0.2", email, PASSWORD, { "x-forwarded-for": someIp() });
      expect(locked.status).toBe(429);
      expect(locked.headers["ratelimit-policy"]).toBe('"loginIp";q=50;w=900');
      // 127.0.0.1 still signs in, and the proxy's general limit did not lump them together either.
      const ok = await rawSignIn(port, "127.0.0.1", email, PASSWORD);
      expect(ok.status).toBe(302);
      expect(ok.headers["location"]).not.toContain("error");
      expect((ok.headers["set-cookie"] ?? []).some((c) => c.startsWith("si.session="))).toBe(true);
    });
  });
});
