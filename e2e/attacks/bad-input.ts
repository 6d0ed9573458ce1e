import type { Browser } from "@playwright/test";
import { expect, someIp, test, type Page } from "../test";
import { createCustomer, issueInvoice, registerAccount, saveDraftInvoice, uniqueEmail } from "../support";

/** Defects found by a black-box probe of the production build (issue 13). */

const NOT_FOUND_HEADING = "We couldn't find that page";
const DASHES = "-".repeat(36);
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

/** Another visitor, from an address of its own (the per-IP limits are real). */
async function newVisitor(browser: Browser) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": someIp() } });
  return { context, page: await context.newPage() };
}

/** A new organisation with one customer; the page is left signed in. */
async function newOrganization(page: Page, label: string) {
  await registerAccount(page, { name: `${label} Owner`, email: uniqueEmail(label), organization: `${label} Ltd` });
  await expect(page).toHaveURL(/\/onboarding$/);
  await createCustomer(page, { name: `${label} Client` });
}

/** Saves a draft invoice and captures the server action request that saved it, to replay altered. */
async function captureSaveAction(page: Page, customer: string) {
  await page.goto("/invoices/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: customer });
  await page.getByLabel("Currency").selectOption("USD");
  const line = page.getByRole("listitem", { name: "Line 1" });
  await line.getByLabel("Line 1 description").fill("Design work");
  await line.getByLabel(/Unit price/).fill("100");
  const posted = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByRole("button", { name: "Save draft" }).click();
  const request = await posted;
  await expect(page.getByRole("heading", { name: "Invoice (draft)" })).toBeVisible();
  const replay = (data: string) =>
    page.request.post(request.url(), {
      headers: { "next-action": request.headers()["next-action"]!, "content-type": request.headers()["content-type"]!, origin: new URL(request.url()).origin },
      data,
      failOnStatusCode: false,
    });
  return { body: request.postData() ?? "", replay };
}

test.describe("bad input", () => {
  // Each test sets up its own organisation and documents on a machine that may be busy.
  test.describe.configure({ timeout: 180_000 });

  test("another organisation's, unknown and malformed document ids show the 404 page; a malformed logo id is 404 signed out", async ({ page, browser }) => {
    await newOrganization(page, "Owner");
    await saveDraftInvoice(page, { customer: "Owner Client", currency: "USD", lines: [{ description: "Work", price: "10" }] });
    const ownId = new URL(page.url()).pathname.split("/")[2]!;
    expect(ownId).toMatch(/^[0-9a-f-]{36}$/);

    const { context, page: other } = await newVisitor(browser);
    await registerAccount(other, { name: "Intruder", email: uniqueEmail("intruder"), organization: "Intruder Ltd" });
    await expect(other).toHaveURL(/\/onboarding$/);
    const response = await other.goto(`/invoices/${ownId}`);
    expect(response?.status()).toBe(404);
    await expect(other.getByRole("heading", { name: NOT_FOUND_HEADING })).toBeVisible();
    for (const id of [ownId, UNKNOWN_ID, DASHES, "not-an-id", ownId.replace(/-/g, "")]) {
      for (const base of ["/invoices", "/quotes", "/credit-notes"]) {
        for (const path of [`${base}/${id}`, `${base}/${id}/edit`]) {
          const page404 = await other.request.get(path);
          expect(page404.status(), path).toBe(404);
          expect(await page404.text(), path).toContain("find that page");
        }
      }
    }
    // Its own invoice under another kind's path is not that kind's page either.
    expect((await page.goto(`/quotes/${ownId}`))?.status()).toBe(404);
    await context.close();

    const { context: anonymous, page: visitor } = await newVisitor(browser);
    for (const id of [DASHES, UNKNOWN_ID, "x"]) {
      const response = await visitor.request.get(`/logos/${id}`);
      expect(response.status(), id).toBe(404);
    }
    await anonymous.close();
  });

  test("odd query strings are ignored on every list, the dashboard and reports; exports send a complete CSV", async ({ page }) => {
    await newOrganization(page, "Lister");
    await saveDraftInvoice(page, { customer: "Lister Client", currency: "USD", lines: [{ description: "Work", price: "10" }] });
    const { number } = await issueInvoice(page);

    const queries = ["q=%00", "q=a%00b%01", "from=2026-99-99&to=2026-99-99", "from=0000-01-01", "period=custom&from=2026-99-99&to=2199-12-31", `customer=${DASHES}`, "page=%00"];
    const pages: [string, string][] = [
      ["/invoices", "Invoices"],
      ["/quotes", "Quotes"],
      ["/credit-notes", "Credit notes"],
      ["/customers", "Customers"],
      ["/items", "Items"],
      ["/settings/audit", "Audit log"],
      ["/dashboard", "Lister Ltd"],
      ["/reports", "Reports"],
    ];
    for (const [path, heading] of pages) {
      // One visit in the browser; the rest as plain requests (the whole HTML, streamed sections included).
      const visit = await page.goto(`${path}?${queries[0]}`);
      expect(visit?.status()).toBe(200);
      await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
      for (const query of queries) {
        const url = `${path}?${query}`;
        const response = await page.request.get(url);
        expect(response.status(), url).toBe(200);
        const html = await response.text();
        expect(html, url).toMatch(new RegExp(`<h1[^>]*>${heading}</h1>`));
        expect(html, url).not.toContain("Something went wrong");
      }
    }
    // The invoice list ignores the bad values, so the invoice is listed.
    await page.goto("/invoices?q=%00&from=2026-99-99");
    await expect(page.getByRole("link", { name: number })).toBeVisible();

    const header = "\uFEFFNumber,Status,Customer,Issue date,Due date,Currency,Subtotal,Discount,Tax,Withholding,Total,Paid,Credited,Balance,Deposit requested,Deposit invoice";
    for (const query of queries) {
      const invoices = await page.request.get(`/invoices/export?${query}`);
      expect(invoices.status(), query).toBe(200);
      const csv = await invoices.text();
      const rows = csv.trimEnd().split(/\r?\n/);
      expect(rows[0], query).toBe(header);
      // Complete: the one invoice, with its total, balance and the line break that ends every row.
      // "a\0b\1" searches for "ab", which matches nothing: a header-only file, complete all the same.
      const expected = query === "q=a%00b%01" ? [] : [`${number},Issued,Lister Client`];
      expect(rows.slice(1).map((r) => r.split(",").slice(0, 3).join(",")), query).toEqual(expected);
      expect(csv.endsWith("\r\n") || csv.endsWith("\n"), query).toBe(true);
      for (const path of ["/quotes/export", "/credit-notes/export"]) {
        const other = await page.request.get(`${path}?${query}`);
        expect(other.status(), `${path}?${query}`).toBe(200);
        expect((await other.text()).trimEnd(), `${path}?${query}`).toBe(header);
      }
      const report = await page.request.get(`/reports/export/payments?currency=USD&${query}`);
      expect(report.status(), `report ${query}`).toBe(200);
    }
  });

  test("the editor refuses a date outside 1900–2199, NULs and malformed ids with field errors, on screen and on the server", async ({ page }) => {
    await newOrganization(page, "Editor");
    // On screen: the same schema runs in the browser.
    await page.goto("/invoices/new");
    await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Editor Client" });
    await page.getByLabel("Issue date").fill("0001-01-01");
    const line = page.getByRole("listitem", { name: "Line 1" });
    await line.getByLabel("Line 1 description").fill("Design\u0000work");
    await line.getByLabel(/Unit price/).fill("100");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Use a date from 1900 to 2199.")).toBeVisible();
    await expect(page.getByText("Remove control characters.")).toBeVisible();
    await expect(page).toHaveURL(/\/invoices\/new$/);

    // On the server: the saved request replayed with what a script could send instead.
    const { body, replay } = await captureSaveAction(page, "Editor Client");
    expect(body).toContain('"description":"Design work"');
    const altered = body
      .replace(/"issueDate":"\d{4}-\d{2}-\d{2}"/, '"issueDate":"0000-01-01"')
      .replace('"description":"Design work"', '"description":"Design\\u0000work"')
      .replace(/"customerId":"[0-9a-f-]{36}"/, `"customerId":"${DASHES}"`)
      .replace('"notes":""', '"notes":"a\\u0000b"');
    const response = await replay(altered);
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).toContain('"code":"BAD_REQUEST"');
    expect(text).toContain('"issueDate":"Use a date from 1900 to 2199."');
    expect(text).toContain('"lines.0.description":"Remove control characters."');
    expect(text).toContain('"customerId":"Choose a customer."');
    expect(text).not.toContain("INTERNAL");
  });

  test("oversized bodies: a 20 MB logo is refused in the browser; a 2 MB action payload is 413", async ({ page }) => {
    await newOrganization(page, "Sizer");
    await page.goto("/settings");
    const actions: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.headers()["next-action"]) actions.push(r.url());
    });
    const png = Buffer.alloc(20 * 1024 * 1024);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // The form is interactive once its button is enabled (after hydration): a file chosen before
    // then can be dropped when React replaces server-rendered markup it could not hydrate.
    await expect(page.getByRole("button", { name: "Upload logo" })).toBeEnabled();
    await page.getByLabel(/^Logo \(PNG/).setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: png });
    await page.getByRole("button", { name: "Upload logo" }).click();
    await expect(page.getByText("The logo must be 512 KB or smaller.")).toBeVisible();
    expect(actions).toEqual([]);

    const { replay } = await captureSaveAction(page, "Sizer Client");
    const big = await replay(`["${"x".repeat(2 * 1024 * 1024)}"]`);
    expect(big.status()).toBe(413);
    expect(await big.text()).toContain("too large");
  });
});
