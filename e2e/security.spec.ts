import { expect, someIp, test, type APIResponse, type Page } from "./test";
import http from "node:http";
import { chromium } from "@playwright/test";
import { baseURL, chromiumPath } from "../playwright.config";
import { XSS_PAYLOADS } from "../tests/support/xss-payloads";
import { createCustomer, issueInvoice, registerAccount, saveDraftInvoice, uniqueEmail } from "./support";

function expectSecurityHeaders(response: APIResponse, { clientLink = false } = {}) {
  const h = response.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp).toContain("default-src 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toContain("unsafe-eval");
  for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp).toContain(d);
  expect(h["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["referrer-policy"]).toBe(clientLink ? "no-referrer" : "strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["cross-origin-opener-policy"]).toBe("same-origin");
  expect(h["cross-origin-resource-policy"]).toBe("same-origin");
  return csp;
}

/** Collects CSP violations the browser reports while the page is used. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test("every kind of response carries the security headers; the nonce is fresh and on Next's scripts", async ({ page, request }) => {
  const home = await request.get("/");
  const csp = expectSecurityHeaders(home);
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  const html = await home.text();
  expect(html).toContain(`nonce="${nonce}"`);
  // Every script tag carries it; there are no inline style attributes or unnonced style tags to allow.
  expect(html.match(/<script(?![^>]*nonce=)[^>]*>/g)).toBeNull();
  expect(html).not.toMatch(/\sstyle="/);
  const again = expectSecurityHeaders(await request.get("/"));
  expect(again).not.toBe(csp);

  expectSecurityHeaders(await request.get("/login"));
  expectSecurityHeaders(await request.get("/health"));
  expectSecurityHeaders(await request.get("/api/auth/session"));
  const notFound = await request.get("/no-such-page");
  expect(notFound.status()).toBe(404);
  expectSecurityHeaders(notFound);
  expectSecurityHeaders(await request.get("/i/not-a-real-token"), { clientLink: true });
  expectSecurityHeaders(await request.get("/i/not-a-real-token/pdf"), { clientLink: true });
  // Build assets skip the proxy; next.config.ts still marks them.
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
  const assetResponse = await request.get(asset);
  expect(assetResponse.headers()["x-content-type-options"]).toBe("nosniff");
  expect(assetResponse.headers()["strict-transport-security"]).toContain("max-age=31536000");

  // Signed in: a page, a PDF route (404 for an unknown id) and a CSV export.
  const violations = watchCsp(page);
  await registerAccount(page, { name: "Sam Secure", email: uniqueEmail("secure"), organization: "Secure Co" });
  await expect(page).toHaveURL(/\/onboarding$/);
  for (const path of ["/customers", "/invoices/00000000-0000-4000-8000-000000000000/pdf", "/invoices/export"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBeLessThan(500);
    expectSecurityHeaders(response);
  }
  // The pages work under the policy: the editor hydrates and nothing was blocked.
  await page.goto("/invoices/new");
  await page.goto("/customers/new");
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByText("Enter the customer's name.")).toBeVisible();
  expect(violations).toEqual([]);
});

function rawGet(path: string, host: string): Promise<number> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    http.get({ host: "127.0.0.1", port: url.port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on("error", reject);
  });
}

test("an unknown Host is refused with 400, except for the health probe", async () => {
  expect(await rawGet("/", "evil.example")).toBe(400);
  expect(await rawGet("/login", "localhost.evil.example")).toBe(400);
  expect(await rawGet("/health", "10.0.0.5:10000")).toBe(200);
  expect(await rawGet("/health/", "10.0.0.5:10000")).toBe(200);
  expect(await rawGet("/", `localhost:${new URL(baseURL).port}`)).toBe(200);
});

test("cross-origin posts are refused: a server action and the client's quote answer", async ({ page, request }) => {
  // Capture the real sign-in action's id from the form.
  await page.goto("/login");
  const posted = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByLabel("Email").fill(uniqueEmail("csrf"));
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const action = await posted;
  const replay = (origin: string) =>
    request.post("/login", {
      headers: { "next-action": action.headers()["next-action"]!, "content-type": action.headers()["content-type"]!, origin, "x-forwarded-for": someIp() },
      data: action.postData() ?? "",
    });
  const sameOrigin = await replay(new URL(baseURL).origin);
  expect(sameOrigin.status()).toBe(200);
  expect(await sameOrigin.text()).toContain("Email or password is incorrect");
  const crossOrigin = await replay("https://evil.example");
  expect(crossOrigin.status()).toBeGreaterThanOrEqual(400);
  expect(await crossOrigin.text()).not.toContain("Email or password is incorrect");

  const respond = await request.post("/i/some-token/respond", { headers: { origin: "https://evil.example" }, form: { outcome: "accepted" } });
  expect(respond.status()).toBe(403);
});

test("sign-in attempts on one account are limited, with a friendly message", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": someIp() } });
  const page = await context.newPage();
  const email = uniqueEmail("limited");
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong password");
  // One attempt at a time: wait for each answer before the next click.
  const attempt = () =>
    Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && !!r.request().headers()["next-action"]), page.getByRole("button", { name: "Sign in" }).click()]);
  for (let i = 0; i < 10; i++) {
    await attempt();
    await expect(page.getByText("Email or password is incorrect")).toBeVisible();
  }
  await attempt();
  await expect(page.getByText(/Too many attempts\. Try again in 1[45] minutes\./)).toBeVisible();
  await context.close();
});

test("client-link lookups are limited per address: 429 with Retry-After and RateLimit fields", async ({ request }) => {
  const ip = someIp();
  let last: APIResponse | undefined;
  for (let i = 0; i < 61; i++) last = await request.get(`/i/guess-${i}`, { headers: { "x-forwarded-for": ip } });
  expect(last!.status()).toBe(429);
  const h = last!.headers();
  expect(Number(h["retry-after"])).toBeGreaterThan(0);
  expect(h["ratelimit-policy"]).toBe('"clientLink";q=60;w=60');
  expect(h["ratelimit"]).toMatch(/^"clientLink";r=0;t=\d+$/);
  expectSecurityHeaders(last!, { clientLink: true });
  // Another address is not affected.
  expect((await request.get("/i/guess-0", { headers: { "x-forwarded-for": someIp() } })).status()).toBe(404);
});

test("XSS payloads saved as customer and item text render inert, as typed", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const violations = watchCsp(page);
  await registerAccount(page, { name: "Xena Xss", email: uniqueEmail("xss"), organization: "XSS Co" });
  await expect(page).toHaveURL(/\/onboarding$/);

  const name = XSS_PAYLOADS.slice(0, 2).join(" ");
  const notes = XSS_PAYLOADS.join("\n");
  await page.goto("/customers/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Country code").fill("us");
  await page.getByLabel("Notes").fill(notes);
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  for (const payload of XSS_PAYLOADS) await expect(page.getByText(payload, { exact: false }).first()).toBeVisible();
  expect(await page.locator("main img[src='x'], main script:not([src])").count()).toBe(0);
  await page.goto("/customers");
  // The list has a table (laptops) and cards (phones); one of the two is hidden at any width.
  await expect(page.getByText(name).filter({ visible: true }).first()).toBeVisible();

  await page.goto("/items/new");
  await page.getByLabel("Name").fill(XSS_PAYLOADS[1]!);
  await page.getByLabel("Description").fill(XSS_PAYLOADS.join(" "));
  await page.getByLabel("Unit price").fill("10.00");
  await page.getByRole("button", { name: "Create item" }).click();
  await expect(page).toHaveURL(/\/items$/);
  await expect(page.getByText(XSS_PAYLOADS[1]!).filter({ visible: true }).first()).toBeVisible();

  expect(dialogs).toEqual([]);
  expect(violations).toEqual([]);
});

test("Chromium's own PDF viewer opens an invoice PDF served under these headers", async ({ page }) => {
  await registerAccount(page, { name: "Vera Viewer", email: uniqueEmail("viewer"), organization: "Viewer Co" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await createCustomer(page, { name: "Viewed Client" });
  await saveDraftInvoice(page, { customer: "Viewed Client", currency: "EUR", lines: [{ description: "Consulting", price: "100.00" }] });
  const { number, url } = await issueInvoice(page);
  const pdfUrl = `${url}/pdf`;
  expectSecurityHeaders(await page.request.get(pdfUrl));

  // Playwright's headless Chromium downloads PDFs; Chromium's new headless mode has the real viewer.
  // Older Chrome versions refused to show a PDF served with object-src 'none' (crbug.com/271452):
  // this checks the inline PDF really opens, readable, under the policy every response carries.
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--headless=new", "--disable-gpu"] });
  try {
    const context = await browser.newContext({ storageState: await page.context().storageState(), extraHTTPHeaders: { "x-forwarded-for": someIp() } });
    const tab = await context.newPage();
    const blocked: string[] = [];
    tab.on("console", (m) => blocked.push(m.text()));
    await tab.goto(pdfUrl);
    // The viewer runs in its own frame and shows the document's title (the PDF's metadata) in its toolbar.
    await expect(async () => {
      const viewer = tab.frames().find((f) => f.url().startsWith("chrome-extension://"));
      expect(viewer, "the PDF viewer frame").toBeTruthy();
      const toolbar = await viewer!.evaluate(() => document.querySelector("pdf-viewer")?.shadowRoot?.querySelector("#toolbar")?.shadowRoot?.textContent ?? "");
      expect(toolbar).toContain(`Invoice ${number}`);
    }).toPass({ timeout: 15_000 });
    expect(blocked.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
  } finally {
    await browser.close();
  }
});
