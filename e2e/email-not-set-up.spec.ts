/**
 * Issue 15 §3, against a server of its own started as production without an email provider and
 * without DEBUG (the shared e2e server keeps the readable outbox on): nothing pretends to be sent.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./test";
import { createCustomer, issueInvoice, registerAccount, saveDraftInvoice, uniqueEmail } from "./support";

// The next port after the shared server's (Chromium allows it: only a few ports are on its unsafe list).
const port = Number(process.env.E2E_PORT ?? 5055) + 1;
const baseURL = `http://localhost:${port}`;
let server: ChildProcess | undefined;

test.skip(!!process.env.BASE_URL, "starts a server of its own from the local build");
// One worker for the file's tests: each worker would otherwise start its own server on the same port.
test.describe.configure({ mode: "default" });
test.use({ baseURL, permissions: ["clipboard-read", "clipboard-write"] });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const dataDir = path.resolve(".data/e2e-no-email");
  rmSync(dataDir, { recursive: true, force: true });
  server = spawn("npm", ["start"], {
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATA_DIR: dataDir,
      APP_URL: baseURL,
      SECRET_KEY: randomBytes(32).toString("hex"),
      ENCRYPTION_SALT: randomBytes(16).toString("hex"),
      DATABASE_URL: "",
      SENDGRID_API_KEY: "",
      EMAIL_HOST: "",
      DEBUG: "false",
      SENTRY_DSN: "",
      REDIS_URL: "",
      TRUSTED_PROXY_HOPS: "1",
      LOG_LEVEL: "warn",
    },
  });
  for (let i = 0; i < 240; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`the server without email did not answer on port ${port}`);
});

test.afterAll(() => {
  // The whole group: npm, the start script and the Next server it runs.
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
});

test("without an email provider, owners are told, documents are shared by link and only marked sent on purpose", async ({ page, browser }) => {
  await registerAccount(page, { name: "Nora Nomail", email: uniqueEmail("nora"), organization: "Nora's Workshop" });
  await expect(page).toHaveURL(/\/onboarding$/);

  const banner = page.getByRole("region", { name: "Email delivery" });
  await expect(banner).toContainText("Email delivery is not configured: invoices, resets and invitations are not delivered.");
  await banner.getByRole("link", { name: "How to set it up" }).click();
  await expect(page.getByRole("heading", { name: "Email delivery", level: 1 })).toBeVisible();
  await expect(page.getByText("SENDGRID_API_KEY").first()).toBeVisible();
  // The banner and the page it leads to: no serious accessibility findings (as in accessibility.spec.ts).
  await expectNoSeriousViolations(page, "email delivery banner and page");

  await createCustomer(page, { name: "Fabrikam", email: "billing@fabrikam.example" });
  await saveDraftInvoice(page, { customer: "Fabrikam", currency: "USD", lines: [{ description: "Repairs", price: "250.00" }] });
  await issueInvoice(page);
  await expect(page.getByRole("button", { name: /Review & send|Send again/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Email is not set up — copy the client link" }).click();
  await expect(page.getByText("Client link copied. Share it with your client, then mark the invoice as sent.")).toBeVisible();
  const link = await page.getByLabel("Client link").inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL}/i/[A-Za-z0-9_-]{43}$`));
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  // Nothing was sent, and nothing says so.
  await expect(page.getByText("Issued", { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Emails" })).toHaveCount(0);

  await page.getByRole("button", { name: "Mark as sent" }).click();
  await expect(page.getByText("Marked as sent.")).toBeVisible();
  await expect(page.getByText("Sent", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Marked as sent");
  await expect(page.getByRole("button", { name: "Mark as sent" })).toHaveCount(0);

  // An invitation: its link to pass on, not a "sent".
  await page.goto("/settings/team");
  await page.getByLabel("Email address").fill("new.colleague@example.com");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Email is not set up, so no invitation was emailed. Copy the invitation link below and send it to new.colleague@example.com yourself.")).toBeVisible();
  await expect(page.getByLabel("Invitation link")).toHaveValue(new RegExp(`^${baseURL}/invite/`));

  // A password reset says no email can go out.
  const visitor = await browser.newContext({ baseURL });
  const other = await visitor.newPage();
  await other.goto("/forgot-password");
  // Said before anyone types, instead of promising a link; then again as the form's answer.
  const noReset = other.getByText("Email is not set up on this server, so no reset link can be sent.", { exact: false });
  await expect(noReset).toHaveCount(1);
  await expect(other.getByRole("status").filter({ hasText: "Email is not set up on this server" })).toBeVisible();
  await expect(other.getByText("we'll send you a link", { exact: false })).toHaveCount(0);
  await other.getByLabel("Email").fill("someone@example.com");
  await other.getByRole("button", { name: "Send reset link" }).click();
  await expect(noReset).toHaveCount(2);
  await visitor.close();

  // The same page in German.
  const german = await browser.newContext({ baseURL, locale: "de-DE" });
  const deutsch = await german.newPage();
  await deutsch.goto("/forgot-password");
  await expect(deutsch.getByRole("status")).toHaveText(/^Auf diesem Server ist kein E-Mail-Versand eingerichtet, daher kann kein Link zum Zurücksetzen gesendet werden\./);
  await expect(deutsch.getByText("Wir senden Ihnen einen Link", { exact: false })).toHaveCount(0);
  await german.close();
});

test("without an email provider, a recurring profile that emails its invoices is flagged where that is chosen, and still saves", async ({ page }) => {
  await registerAccount(page, { name: "Rita Recurring", email: uniqueEmail("rita"), organization: "Rita's Retainers" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await createCustomer(page, { name: "Contoso", email: "ap@contoso.example" });
  await page.goto("/recurring/new");
  const send = page.getByRole("radio", { name: "Issue and email it to the customer" });
  await expect(send).toHaveAccessibleDescription(/^Email is not set up on this server\. Until it is, no invoice is created on these dates/);
  await send.check();
  await page.getByLabel("Profile name").fill("Monthly retainer");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Contoso" });
  const line = page.getByRole("listitem", { name: "Line 1" });
  await line.getByLabel("Line 1 description").fill("Retainer {month}");
  await line.getByLabel(/Unit price/).fill("500.00");
  await page.getByRole("button", { name: "Save recurring invoice" }).click();
  await expect(page).toHaveURL(/\/recurring\/[0-9a-f-]{36}/);
});
