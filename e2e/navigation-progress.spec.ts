import type { Route } from "@playwright/test";
import { expectNoSeriousViolations } from "./axe";
import { waitForHydration } from "./hydration";
import { expect, type Page, test } from "./test";
import { completeOnboarding, createCustomer, registerAccount, saveDraftInvoice, uniqueEmail } from "./support";

/**
 * Issue 19 §9: a click inside the app shows progress at once, however slow the next page is. The
 * server is made slow from the browser's side: the page's RSC request (what a client navigation
 * fetches) is held until the test lets it go, so nothing here depends on how fast the machine is.
 * A prefetch (Next-Router-Prefetch) is either let through (Next then has the page's loading.tsx
 * skeleton ready) or refused (nothing is ready, so only the top bar can show that the click took).
 */
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

function holdNavigation(page: Page, path: RegExp, { prefetch }: { prefetch: "allow" | "refuse" }) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  const handler = async (route: Route) => {
    const headers = route.request().headers();
    if (headers["rsc"] !== "1") return route.continue();
    if (headers["next-router-prefetch"]) return prefetch === "allow" ? route.continue() : route.abort();
    held += 1;
    await released;
    return route.continue();
  };
  const matches = (url: URL) => path.test(url.pathname);
  return {
    ready: page.route(matches, handler),
    release,
    held: () => held,
  };
}

const bar = (page: Page) => page.locator("[data-navigation-progress]");
const rowLink = (page: Page) => page.getByRole("row").filter({ hasText: "Slow Road Ltd" }).getByRole("link");

async function signUpWithDraft(page: Page) {
  await registerAccount(page, { name: "Nora Navigator", email: uniqueEmail("nav"), organization: "Navigator Ltd" });
  await completeOnboarding(page);
  await createCustomer(page, { name: "Slow Road Ltd" });
  const customerPath = new URL(page.url()).pathname;
  await saveDraftInvoice(page, { customer: "Slow Road Ltd", currency: "USD", lines: [{ description: "Survey", price: "120.00" }] });
  return { invoicePath: new URL(page.url()).pathname, customerPath };
}

test("a slow document: the row link shows the top bar, then the skeleton's status is announced once and the page replaces both", async ({ page }) => {
  const { invoicePath } = await signUpWithDraft(page);

  // Nothing prefetched: the bar (Next's useLinkStatus on the row link) is the only sign of the click.
  const cold = holdNavigation(page, /^\/invoices\/[0-9a-f-]{36}$/, { prefetch: "refuse" });
  await cold.ready;
  await page.goto("/invoices");
  await expect(bar(page)).toHaveCount(0);
  await rowLink(page).click();
  await expect(bar(page)).toBeVisible();
  await expect(bar(page)).toHaveAttribute("aria-hidden", "true");
  expect(new URL(page.url()).pathname).toBe("/invoices");
  await expect.poll(() => cold.held()).toBe(1);
  cold.release();
  await expect(page.getByRole("heading", { name: "Invoice (draft)", level: 1 })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(invoicePath);
  await expect(bar(page)).toHaveCount(0);
  await page.unrouteAll({ behavior: "wait" });

  // Prefetched: Next shows the document's loading.tsx at once, one polite status for screen readers.
  const warm = holdNavigation(page, /^\/invoices\/[0-9a-f-]{36}$/, { prefetch: "allow" });
  await warm.ready;
  // The prefetch that carries the segments (the first one only maps the route): then the skeleton is ready.
  const prefetched = page.waitForResponse((r) => {
    const headers = r.request().headers();
    return new URL(r.url()).pathname === invoicePath && !!headers["next-router-prefetch"] && !headers["next-router-segment-prefetch"];
  });
  await page.goto("/invoices");
  await prefetched;
  // Next keeps that response open (its body never "finishes"), so there is no event for "the
  // skeleton has arrived": give it a moment. Too short a moment fails the test; it cannot pass it.
  // (A click while the prefetch still streams commits the URL first and shows a blank page body
  // until the page answers: a window of a few hundred ms that Next, not this app, decides.)
  await page.waitForTimeout(6_000);
  await rowLink(page).click();
  const skeleton = page.getByRole("status").filter({ hasText: "Loading the invoice…" });
  await expect(skeleton).toBeVisible();
  await expect(page.getByRole("heading", { name: "Invoice (draft)" })).toHaveCount(0);
  await expectNoSeriousViolations(page, "invoice skeleton");
  warm.release();
  await expect(page.getByRole("heading", { name: "Invoice (draft)", level: 1 })).toBeVisible();
  await expect(skeleton).toHaveCount(0);
  await expect(bar(page)).toHaveCount(0);
});

test("a page's own link (not a row or menu link) shows the bar too, and the sidebar's does", async ({ page }) => {
  const { invoicePath, customerPath } = await signUpWithDraft(page);

  // Held before the page loads, so neither target is prefetched when the page's links appear.
  const toCustomer = holdNavigation(page, /^\/customers\/[0-9a-f-]{36}$/, { prefetch: "refuse" });
  const toItems = holdNavigation(page, /^\/items$/, { prefetch: "refuse" });
  await Promise.all([toCustomer.ready, toItems.ready]);
  await page.goto(invoicePath);
  const customerLink = page.getByRole("link", { name: "Slow Road Ltd" });
  // Clicked before hydration, the link is a plain one: the browser loads the page itself, no bar.
  await waitForHydration(customerLink);
  await customerLink.click();
  await expect(bar(page)).toBeVisible();
  toCustomer.release();
  await expect(page.getByRole("heading", { name: "Slow Road Ltd", level: 1 })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(customerPath);
  await expect(bar(page)).toHaveCount(0);

  await page.getByRole("navigation", { name: "Main" }).filter({ visible: true }).getByRole("link", { name: "Items" }).click();
  await expect(bar(page)).toBeVisible();
  toItems.release();
  await expect(page.getByRole("heading", { name: "Items", level: 1 })).toBeVisible();
  await expect(bar(page)).toHaveCount(0);
});

test("detail pages keep their 404 for an unknown or malformed id, and answer 200 for a real one", async ({ page }) => {
  const { invoicePath, customerPath } = await signUpWithDraft(page);
  const expectations: [string, number][] = [
    [invoicePath, 200],
    [`${invoicePath}/edit`, 200],
    [customerPath, 200],
    [`${customerPath}/edit`, 200],
    [`/invoices/${UNKNOWN_ID}`, 404],
    [`/invoices/${UNKNOWN_ID}/edit`, 404],
    ["/invoices/not-an-id", 404],
    // The invoice's id under another kind of document is not that document.
    [invoicePath.replace("/invoices/", "/quotes/"), 404],
    [`/customers/${UNKNOWN_ID}`, 404],
    [`/customers/${UNKNOWN_ID}/edit`, 404],
    [`/items/${UNKNOWN_ID}/edit`, 404],
    [`/recurring/${UNKNOWN_ID}`, 404],
    [`/credit-notes/${UNKNOWN_ID}`, 404],
    [`/bulk/${UNKNOWN_ID}`, 404],
  ];
  for (const [path, status] of expectations) {
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(status);
  }
  const missing = await page.goto(`/customers/${UNKNOWN_ID}`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
});

test("the command menu's jump (a router.push, which no link reports) shows the bar until the record's page is on screen", async ({ page }) => {
  const { customerPath } = await signUpWithDraft(page);
  const toCustomer = holdNavigation(page, /^\/customers\/[0-9a-f-]{36}$/, { prefetch: "refuse" });
  await toCustomer.ready;
  await page.goto("/dashboard");
  await expect(bar(page)).toHaveCount(0);

  await page.keyboard.press("Control+k");
  const menu = page.getByRole("dialog", { name: "Command menu" });
  const input = menu.getByRole("combobox", { name: "Search or run a command" });
  await expect(input).toBeFocused();
  await input.pressSequentially("slow road", { delay: 30 });
  const option = menu.getByRole("group", { name: "Customers" }).getByRole("option", { name: /Slow Road Ltd/ });
  await option.click();
  await expect(bar(page)).toBeVisible();
  await expect.poll(() => toCustomer.held()).toBe(1);
  expect(new URL(page.url()).pathname).toBe("/dashboard");
  toCustomer.release();
  await expect(page.getByRole("heading", { name: "Slow Road Ltd", level: 1 })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(customerPath);
  await expect(bar(page)).toHaveCount(0);
});
