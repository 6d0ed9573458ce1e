import type { Browser, BrowserContext } from "@playwright/test";
import { E2E_ADMIN } from "./admin";
import { expect, type Page, someIp, test } from "./test";
import { randomUUID } from "node:crypto";

/** Each test gets its own people and organisation, so tests run in parallel without sharing data. */
export function uniqueEmail(label: string) {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

export const PASSWORD = "correct horse battery staple";

/** Registers in whichever language the browser asks for: the sign-up page is English or German (e2e/ui-german-auth.spec.ts checks its words). */
export async function registerAccount(page: Page, { name, email, organization, password = PASSWORD }: { name: string; email: string; organization: string; password?: string }) {
  await page.goto("/register");
  await page.getByLabel(/^(Your name|Ihr Name)$/).fill(name);
  await page.getByLabel(/^(Email|E-Mail)$/).fill(email);
  await page.getByLabel(/^(Password|Passwort)$/).fill(password);
  await page.getByLabel(/^(Business name|Name des Unternehmens)$/).fill(organization);
  await page.getByRole("button", { name: /^(Create account|Konto erstellen)$/ }).click();
}

/** What the onboarding is given; en-US and UTC unless a spec says otherwise, so its hand-worked dates and amounts stay as they were. */
export type Onboarding = {
  country?: string;
  currency?: string;
  locale?: string;
  timeZone?: string;
  street?: string;
  city?: string;
  taxId?: string;
  bankDetails?: string;
};

/** Onboarding step 1 (name and country): enough for a usable organisation. Leaves the page on step 2. */
export async function saveBusinessStep(page: Page, o: Onboarding = {}) {
  await page.getByLabel("Country", { exact: true }).selectOption({ label: o.country ?? "Ireland" });
  await page.getByLabel("Default currency").selectOption(o.currency ?? "USD");
  await page.getByLabel("Language and number format").selectOption(o.locale ?? "en-US");
  await page.getByLabel("Time zone").selectOption(o.timeZone ?? "UTC");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { name: /^Step 2 of 3/ })).toBeVisible();
}

/** All three onboarding steps, from /onboarding to the dashboard; bank details are skipped unless given. */
export async function completeOnboarding(page: Page, o: Onboarding = {}) {
  await saveBusinessStep(page, o);
  await page.getByLabel("Street address").fill(o.street ?? "1 Main Street");
  await page.getByLabel("City").fill(o.city ?? "Dublin");
  if (o.taxId) await page.getByLabel(/^Tax ID/).fill(o.taxId);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { name: /^Step 3 of 3/ })).toBeVisible();
  if (o.bankDetails) {
    await page.getByLabel(/^Other payment details/).fill(o.bankDetails);
    await page.getByRole("button", { name: "Finish" }).click();
  } else {
    await page.getByRole("button", { name: "Skip for now" }).click();
  }
  await expect(page).toHaveURL(/\/dashboard$/);
}

/**
 * Turns off the browser's own checks on the page's forms (required, type=email, minLength, maxLength)
 * so a test sees what the server answers to bad input, as a client that ignores them (a script, an
 * old browser) would send it. Call it once the page is loaded.
 */
export async function skipBrowserValidation(page: Page) {
  await page.locator("form").evaluateAll((forms) => {
    for (const form of forms as HTMLFormElement[]) {
      form.noValidate = true;
      for (const field of form.querySelectorAll("[maxlength]")) field.removeAttribute("maxlength");
    }
  });
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Opens the newest message to `to` in the development outbox and returns the first link in its
 * text. In production the outbox opens only to a platform administrator, so it is read in a
 * context of its own signed in as the one scripts/e2e-server.ts creates; `page` is left as it was.
 */
export async function linkFromOutbox(page: Page, to: string, subject: RegExp): Promise<string> {
  const browser = page.context().browser();
  if (!browser) throw new Error("linkFromOutbox needs a page from a browser");
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": someIp() }, storageState: await adminState(browser) });
  try {
    const admin = await context.newPage();
    let href: string | null = null;
    await expect(async () => {
      await admin.goto("/dev/outbox");
      const row = admin.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first();
      await row.getByRole("link").click();
      href = await admin.locator("a[href*='http']").filter({ hasNotText: /outbox/i }).first().getAttribute("href");
      expect(href).toBeTruthy();
    }).toPass({ timeout: 15_000 });
    return href!;
  } finally {
    await context.close();
  }
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
let adminSession: Promise<StorageState> | undefined;

/** The administrator signs in once per worker; later outbox reads reuse the session cookie. */
function adminState(browser: Browser): Promise<StorageState> {
  // The sign-in is work the test itself did not ask for: it gets the time on top.
  if (!adminSession) test.info().setTimeout(test.info().timeout + 20_000);
  return (adminSession ??= (async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": someIp() } });
    try {
      const admin = await context.newPage();
      await signIn(admin, E2E_ADMIN.email, E2E_ADMIN.password);
      await expect(admin).not.toHaveURL(/\/login/);
      return await context.storageState();
    } finally {
      await context.close();
    }
  })().catch((error: unknown) => {
    adminSession = undefined;
    throw error;
  }));
}

export async function newContext(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

export async function createCustomer(page: Page, { name, email }: { name: string; email?: string }) {
  await page.goto("/customers/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  if (email) await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
}

export type InvoiceLine = { description: string; price: string; quantity?: string };

/** Writes a draft invoice in the editor and saves it; the page is left on the draft. */
export async function saveDraftInvoice(page: Page, { customer, currency, lines }: { customer: string; currency: string; lines: InvoiceLine[] }) {
  await page.goto("/invoices/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: customer });
  await page.getByLabel("Currency").selectOption(currency);
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.getByRole("button", { name: "Add line" }).click();
    const item = page.getByRole("listitem", { name: `Line ${i + 1}` });
    await item.getByLabel(`Line ${i + 1} description`).fill(line.description);
    if (line.quantity) await item.getByLabel("Quantity").fill(line.quantity);
    await item.getByLabel(/Unit price/).fill(line.price);
  }
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: "Invoice (draft)" })).toBeVisible();
}

/** Issues the draft on screen; returns its number, the total the page shows and its URL. */
export async function issueInvoice(page: Page) {
  await page.getByRole("button", { name: "Issue invoice" }).click();
  const heading = page.getByRole("heading", { name: /^Invoice INV-\d{4}-\d{4}$/ });
  // Issuing renders and stores the PDF: seconds on a loaded 2-core machine.
  await expect(heading).toBeVisible({ timeout: 30_000 });
  const number = (await heading.textContent())!.replace("Invoice ", "");
  const total = (await page.getByTestId("document-total").textContent())!;
  return { number, total, url: page.url() };
}

/** Sends the issued invoice on screen through Review & send as it stands; returns the client link the delivery panel then shows. */
export async function sendInvoice(page: Page, to: string) {
  await page.getByRole("button", { name: /^(Review & send|Send again)$/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("To", { exact: true })).toHaveValue(to);
  await dialog.getByRole("button", { name: "Send", exact: true }).click();
  await expect(toast(page, `Queued for ${to}`)).toBeVisible();
  const link = await page.getByLabel("Client link").inputValue();
  expect(link).toMatch(/\/i\/[A-Za-z0-9_-]{43}$/);
  return link;
}

/** A toast (sonner) with this text; toasts live in one polite live region (components/feedback/toaster.tsx). */
export function toast(page: Page, text: string | RegExp) {
  return page.locator("[data-sonner-toast]").filter({ hasText: text });
}

/**
 * How many times `text` is in the page's live regions (aria-live, status, alert): a toast must be
 * there once, or a screen reader hears it twice (or not at all).
 */
export async function announcements(page: Page, text: string): Promise<number> {
  return page.locator("[aria-live]:not([aria-live=off]), [role=status], [role=alert]").evaluateAll(
    (regions, wanted) => regions.filter((r) => !r.parentElement?.closest("[aria-live]:not([aria-live=off]), [role=status], [role=alert]") && r.textContent?.includes(wanted)).length,
    text,
  );
}

/** The development outbox's messages with this exact subject, read as the platform administrator: how many, and the first one's headers. */
export async function outboxBySubject(page: Page, subject: string): Promise<{ count: number; headers: Record<string, string> }> {
  const browser = page.context().browser();
  if (!browser) throw new Error("outboxBySubject needs a page from a browser");
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": someIp() }, storageState: await adminState(browser) });
  try {
    const admin = await context.newPage();
    await admin.goto("/dev/outbox");
    const links = admin.getByRole("row").getByRole("link", { name: subject, exact: true });
    const count = await links.count();
    const headers: Record<string, string> = {};
    if (count) {
      await links.first().click();
      await expect(admin.getByRole("heading", { name: subject, level: 1 })).toBeVisible();
      for (const row of await admin.locator("dl > div").all()) headers[(await row.locator("dt").textContent()) ?? ""] = (await row.locator("dd").textContent()) ?? "";
    }
    return { count, headers };
  } finally {
    await context.close();
  }
}
