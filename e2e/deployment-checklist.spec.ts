/**
 * The deployment guide's post-deployment checklist, one test per line: the three smoke tests, then the
 * functional checklist (registration, login, invoice creation, PDF generation, email sending, dashboard).
 *
 * Runs on the local production build in `npm test`, and against a deployed app:
 *   BASE_URL=https://your-app.onrender.com npx playwright test e2e/deployment-checklist.spec.ts
 * There it registers a throwaway organisation (named "Checklist <id>", left in place: the app has no
 * account deletion) and emails an @example.com address, which never receives anything (set
 * CHECKLIST_EMAIL to a mailbox you read to see the message arrive). The development
 * outbox only exists locally, so the email test then checks what a deployed app shows instead: the
 * message on the invoice's delivery panel, and the client link it carries.
 */
import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "./test";
import { extractText, getDocumentProxy } from "unpdf";
import { completeOnboarding, createCustomer, issueInvoice, linkFromOutbox, newContext, PASSWORD, registerAccount, saveDraftInvoice, sendInvoice, signIn, uniqueEmail } from "./support";

const deployed = !!process.env.BASE_URL;

// The functional checks build on one another (the invoice needs the account, the PDF the invoice), so they
// share one signed-in page and stop at the first failure.
test.describe.configure({ mode: "serial" });

test.describe("smoke tests", () => {
  test("the home page answers with HTML", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-type"]).toContain("text/html");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("/health/ answers 200 with the database up", async ({ request }) => {
    const response = await request.get("/health/", { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", db: "ok" });
  });

  test("a static asset is served, compressed and cached", async ({ page, request }) => {
    await page.goto("/");
    const src = await page.locator('script[src^="/_next/static/"]').first().getAttribute("src");
    const response = await request.get(src!, { headers: { "Accept-Encoding": "gzip, br" } });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("javascript");
    expect(response.headers()["cache-control"]).toContain("immutable");
  });
});

test.describe("functional checklist", () => {
  const id = crypto.randomUUID().slice(0, 8);
  const owner = { name: "Checklist Owner", email: uniqueEmail("checklist"), organization: `Checklist ${id}` };
  // CHECKLIST_EMAIL: a mailbox you read, to see the message arrive from a deployed app.
  const clientEmail = process.env.CHECKLIST_EMAIL ?? uniqueEmail("checklist-client");
  let page: Page;
  let invoice: { number: string; total: string; url: string };

  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
  });
  test.afterAll(async () => {
    await page.close();
  });

  test("user registration works", async () => {
    await registerAccount(page, owner);
    await expect(page).toHaveURL(/\/onboarding$/);
    await completeOnboarding(page, { currency: "USD" });
    await expect(page.getByRole("heading", { name: owner.organization })).toBeVisible();
  });

  test("login authentication works", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/invoices");
    await expect(page).toHaveURL(/\/login\?next=%2Finvoices/);
    await signIn(page, owner.email, "a wrong password entirely");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
    await signIn(page, owner.email, PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test("invoice creation works", async () => {
    await createCustomer(page, { name: "Checklist Client", email: clientEmail });
    await saveDraftInvoice(page, {
      customer: "Checklist Client",
      currency: "USD",
      lines: [
        { description: "Deployment review", quantity: "3", price: "150.00" },
        { description: "Hosting set-up", price: "89.90" },
      ],
    });
    await expect(page.getByTestId("total")).toHaveText("$539.90");
    invoice = await issueInvoice(page);
    expect(invoice.number).toMatch(new RegExp(`^INV-${new Date().getFullYear()}-0001$`));
    expect(invoice.total).toBe("$539.90");
  });

  test("PDF generation works", async () => {
    await page.goto(invoice.url);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download PDF" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${invoice.number}.pdf`);
    const bytes = new Uint8Array(await readFile(await file.path()));
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    // PDF text comes back with its own spacing; compare with whitespace collapsed.
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain(invoice.number);
    expect(flat).toContain(invoice.total);
    expect(flat).toContain("Deployment review");
    expect(flat).toContain("Checklist Client");
  });

  test("email sending works", async ({ browser }) => {
    await page.goto(invoice.url);
    const link = await sendInvoice(page, clientEmail);
    const emails = page.getByRole("list", { name: "Emails" });
    await expect(emails.getByRole("listitem").filter({ hasText: clientEmail })).toBeVisible();

    let opened = link;
    if (deployed) {
      test.info().annotations.push({
        type: "skip",
        description: "Deployed app: no development outbox, so the message's content is not read; the client link is taken from the delivery panel.",
      });
      await expect(emails.getByText(/Queued|Sending|Sent/).first()).toBeVisible();
    } else {
      // Delivery happens after the request; the panel shows it on the next load.
      await expect(async () => {
        await page.reload();
        await expect(emails.getByText("Sent", { exact: true })).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      opened = await linkFromOutbox(page, clientEmail, new RegExp(invoice.number));
      expect(opened).toBe(link);
    }

    const { context, page: client } = await newContext(browser);
    await client.goto(opened);
    await expect(client.getByRole("heading", { name: `Invoice ${invoice.number}` })).toBeVisible();
    await expect(client.getByTestId("public-total")).toHaveText(invoice.total);
    await context.close();
    await page.goto(invoice.url);
    await expect(page.getByText("Viewed by the client")).toBeVisible();
  });

  test("dashboard analytics load with the new invoice", async () => {
    await page.goto("/dashboard");
    await expect(page.getByTestId("figure-invoiced")).toHaveText(invoice.total);
    await expect(page.getByTestId("figure-outstanding")).toHaveText(invoice.total);
  });
});
