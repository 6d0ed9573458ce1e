/** Issue 13, boundaries: request ids, the logo's sandbox, forwarded hosts, cross-origin writes, foreign links. */
import { randomUUID } from "node:crypto";
import { expect, test } from "../test";
import { createCustomer, issueInvoice, registerAccount, saveDraftInvoice, sendInvoice, uniqueEmail } from "../support";

test.describe("boundaries", () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  test("X-Request-Id: a short safe token is echoed, anything else is replaced by a fresh UUID", async ({ request }) => {
    const kept = await request.get("/login", { headers: { "x-request-id": "edge-1234.abc:xyz_9" } });
    expect(kept.status()).toBe(200);
    expect(kept.headers()["x-request-id"]).toBe("edge-1234.abc:xyz_9");

    for (const bad of ["x".repeat(65), "y".repeat(8000), "has space", "<script>alert(1)</script>", 'quote"d', "semi;colon"]) {
      const response = await request.get("/login", { headers: { "x-request-id": bad } });
      expect(response.status(), bad.slice(0, 20)).toBe(200);
      expect(response.headers()["x-request-id"], bad.slice(0, 20)).toMatch(UUID);
    }
    const none = await request.get("/login");
    expect(none.headers()["x-request-id"]).toMatch(UUID);
  });

  test("a logo keeps its sandboxing Content-Security-Policy, not the pages' one", async ({ page }) => {
    await registerAccount(page, { name: "Lena Logo", email: uniqueEmail("logo"), organization: "Logo Ltd" });
    await expect(page).toHaveURL(/\/onboarding$/);
    // The settings page hydrates without an error: its time-zone and currency lists come from the
    // server (the browser's ICU lists others), or React re-renders the form and drops the chosen file.
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto("/settings");
    // A 1×1 PNG.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
    // The form is interactive once its button is enabled (after hydration): a file chosen before
    // then can be dropped when React replaces server-rendered markup it could not hydrate.
    await expect(page.getByRole("button", { name: "Upload logo" })).toBeEnabled();
    await page.getByLabel(/^Logo \(PNG/).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
    await page.getByRole("button", { name: "Upload logo" }).click();
    const img = page.getByRole("img", { name: "Current logo" });
    await expect(img).toBeVisible();
    expect(pageErrors).toEqual([]);
    const src = (await img.getAttribute("src"))!;
    expect(src).toMatch(/^\/logos\/[0-9a-f-]{36}\?v=\d+$/);

    const logo = await page.request.get(src);
    expect(logo.status()).toBe(200);
    expect(logo.headers()["content-type"]).toBe("image/png");
    expect(logo.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
    // Pages keep theirs (with a nonce for Next's scripts).
    const pageCsp = (await page.request.get("/login")).headers()["content-security-policy"];
    expect(pageCsp).toContain("'nonce-");
    expect(pageCsp).not.toContain("sandbox");
    // Unknown logos, signed out, are sandboxed too.
    const unknown = await page.request.get(`/logos/${randomUUID()}`);
    expect(unknown.status()).toBe(404);
    expect(unknown.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
  });

  test("an X-Forwarded-Host outside ALLOWED_HOSTS is refused with 400", async ({ request, baseURL }) => {
    const own = new URL(baseURL!).host;
    for (const evil of ["evil.example", `${own}.evil.example`, `${own}, evil.example`]) {
      const response = await request.get("/login", { headers: { "x-forwarded-host": evil } });
      expect(response.status(), evil).toBe(400);
      expect(await response.text()).toBe("Bad Request: this forwarded host name is not served here.\n");
    }
    // The app's own name (as a proxy in front would send it) is fine, and so is no header at all.
    expect((await request.get("/login", { headers: { "x-forwarded-host": own } })).status()).toBe(200);
    expect((await request.get("/login")).status()).toBe(200);
    // The password-reset page (whose emailed links must never name a forged host) is refused too.
    expect((await request.get("/reset-password", { headers: { "x-forwarded-host": "evil.example" } })).status()).toBe(400);
  });

  test("a cross-origin server action is answered 403, before it runs", async ({ page, request, baseURL }) => {
    await page.goto("/login");
    const posted = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
    await page.getByLabel("Email").fill(uniqueEmail("csrf"));
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const action = await posted;
    const replay = (origin: string) =>
      request.post("/login", {
        headers: { "next-action": action.headers()["next-action"]!, "content-type": action.headers()["content-type"]!, origin },
        data: action.postData() ?? "",
      });
    const same = await replay(new URL(baseURL!).origin);
    expect(same.status()).toBe(200);
    expect(await same.text()).toContain("Email or password is incorrect");
    for (const origin of ["https://evil.example", "null", `${new URL(baseURL!).origin}.evil.example`]) {
      const cross = await replay(origin);
      expect(cross.status(), origin).toBe(403);
      expect(await cross.text()).toBe("Forbidden: cross-origin request refused.\n");
    }
  });

  test("a client accepts a quote from its link in the browser: the no-referrer page's form post (Origin: null) is same-origin", async ({ page, browser }) => {
    test.slow(); // an account, a customer, a sent quote
    await registerAccount(page, { name: "Quincy Quote", email: uniqueEmail("quincy"), organization: "Quote Works" });
    await expect(page).toHaveURL(/\/onboarding$/);
    const client = uniqueEmail("qclient");
    await createCustomer(page, { name: "Quote Client", email: client });
    await page.goto("/quotes/new");
    await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Quote Client" });
    const line = page.getByRole("listitem", { name: "Line 1" });
    await line.getByLabel("Line 1 description").fill("Garden design");
    await line.getByLabel(/Unit price/).fill("800");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByRole("button", { name: "Issue quote" }).click();
    await expect(page.getByRole("heading", { name: /^Quote QUO-/ })).toBeVisible();
    const link = await sendInvoice(page, client);

    // The client, in a browser of their own, clicks "Accept quote" on the page the email links to.
    const visitor = await browser.newContext();
    const tab = await visitor.newPage();
    await tab.goto(link);
    const posted = tab.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/respond"));
    await tab.getByRole("button", { name: "Accept quote" }).click();
    expect((await (await posted).allHeaders())["origin"]).toBe("null");
    await expect(tab).toHaveURL(/\?responded=1$/);
    await expect(tab.getByRole("button", { name: "Accept quote" })).toHaveCount(0);
    await visitor.close();
    // The owner sees the answer.
    await page.reload();
    await expect(page.getByText("Accepted", { exact: true })).toBeVisible();
  });

  test("revoking another organisation's client link through the action is 'not found', and the link keeps working", async ({ browser }) => {
    test.slow(); // two accounts, each with a sent invoice
    // Organisation A sends an invoice: its client link is live.
    const a = await (await browser.newContext()).newPage();
    await registerAccount(a, { name: "Alice A", email: uniqueEmail("alice"), organization: "A Corp" });
    await expect(a).toHaveURL(/\/onboarding$/);
    const aClient = uniqueEmail("aclient");
    await createCustomer(a, { name: "A Client", email: aClient });
    await saveDraftInvoice(a, { customer: "A Client", currency: "EUR", lines: [{ description: "Work", price: "100" }] });
    await issueInvoice(a);
    const aInvoiceId = new URL(a.url()).pathname.split("/").pop()!;
    const aLink = await sendInvoice(a, aClient);

    // Organisation B clicks "Revoke link" on its own invoice, with A's invoice id in the payload.
    const b = await (await browser.newContext()).newPage();
    await registerAccount(b, { name: "Bob B", email: uniqueEmail("bob"), organization: "B Corp" });
    await expect(b).toHaveURL(/\/onboarding$/);
    const bClient = uniqueEmail("bclient");
    await createCustomer(b, { name: "B Client", email: bClient });
    await saveDraftInvoice(b, { customer: "B Client", currency: "EUR", lines: [{ description: "Work", price: "100" }] });
    await issueInvoice(b);
    const bInvoiceId = new URL(b.url()).pathname.split("/").pop()!;
    await sendInvoice(b, bClient);
    await b.route(`**/invoices/${bInvoiceId}`, async (route) => {
      const req = route.request();
      if (req.method() === "POST" && req.headers()["next-action"] && req.postData()?.includes(bInvoiceId)) {
        await route.continue({ postData: req.postData()!.replaceAll(bInvoiceId, aInvoiceId) });
      } else {
        await route.continue();
      }
    });
    await b.getByRole("button", { name: "Revoke link" }).click();
    await b.getByRole("dialog", { name: "Revoke the client link?" }).getByRole("button", { name: "Revoke link" }).click();
    await expect(b.getByText("Document was not found.")).toBeVisible();
    await expect(b.getByText("The client link was revoked.")).toHaveCount(0);

    // A's client link still opens.
    expect((await a.request.get(aLink)).status()).toBe(200);
  });
});
