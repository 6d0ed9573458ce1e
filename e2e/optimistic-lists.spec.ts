/**
 * Issue 19 §5/§6 on a phone (390×844): the Sort select drives the same URL as the table headers,
 * archiving answers before the server does (and Undo brings the row back), "Mark as sent" shows at
 * once, and a failed archive puts the row back with a toast that says why.
 */
import type { Route } from "@playwright/test";
import { expect, type Page, test } from "./test";
import { createCustomer, issueInvoice, registerAccount, saveDraftInvoice, toast, uniqueEmail } from "./support";

const PHONE = { width: 390, height: 844 };

/** Holds every server-action POST to `path` until `release()`: what the page shows meanwhile is its own guess. */
async function holdPosts(page: Page, path: string) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held: Route[] = [];
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      held.push(route);
      await gate;
      await route.continue();
    },
  );
  return { release, held: () => held.length };
}

test("phone: 'Amount, high to low' puts the largest total first, and the laptop's header agrees", async ({ page }) => {
  test.setTimeout(240_000);
  await registerAccount(page, { name: "Sorin Sort", email: uniqueEmail("sort"), organization: "Sorin Sort Ltd" });
  await expect(page).toHaveURL(/\/onboarding$/, { timeout: 30_000 });
  await createCustomer(page, { name: "Contoso" });
  // Hand-worked totals (no tax): 2 × 250.00 = 500.00; 180.00 + 340.50 = 520.50; 4 × 75.25 = 301.00.
  await saveDraftInvoice(page, { customer: "Contoso", currency: "USD", lines: [{ description: "Design", price: "250.00", quantity: "2" }] });
  await saveDraftInvoice(page, { customer: "Contoso", currency: "USD", lines: [{ description: "Build", price: "180.00" }, { description: "Hosting", price: "340.50" }] });
  await saveDraftInvoice(page, { customer: "Contoso", currency: "USD", lines: [{ description: "Support", price: "75.25", quantity: "4" }] });

  await page.setViewportSize(PHONE);
  await page.goto("/invoices");
  const cards = page.getByTestId("document-card").filter({ visible: true });
  await expect(cards).toHaveCount(3);
  const sort = page.getByLabel("Sort", { exact: true });
  await expect(sort).toBeVisible();
  await expect(sort.locator("option:checked")).toHaveText("Newest first");

  await sort.selectOption({ label: "Amount, high to low" });
  await expect(page).toHaveURL(/\/invoices\?sort=total$/);
  await expect(cards.first()).toContainText("$520.50");
  await expect(cards.nth(1)).toContainText("$500.00");
  await expect(cards.last()).toContainText("$301.00");
  await expect(page.getByLabel("Sort", { exact: true }).locator("option:checked")).toHaveText("Amount, high to low");

  await page.getByLabel("Sort", { exact: true }).selectOption({ label: "Amount, low to high" });
  await expect(page).toHaveURL(/\/invoices\?sort=total&dir=asc$/);
  await expect(cards.first()).toContainText("$301.00");

  // The same URL on a laptop: the Total header shows the order, and the select is out of sight.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole("columnheader", { name: /^Total/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByLabel("Sort", { exact: true })).toBeHidden();
  // A header's choice shows in the select back on a phone.
  await page.getByRole("columnheader", { name: /^Customer/ }).getByRole("link").click();
  await expect(page).toHaveURL(/\/invoices\?sort=customer$/);
  await page.setViewportSize(PHONE);
  await expect(page.getByLabel("Sort", { exact: true }).locator("option:checked")).toHaveText("Customer, Z to A");
});

test("phone: archiving a customer hides the card before the server answers; Undo brings it back; a failure puts it back", async ({ page }) => {
  test.setTimeout(180_000);
  await registerAccount(page, { name: "Ada Archive", email: uniqueEmail("archive"), organization: "Ada Archive Ltd" });
  await expect(page).toHaveURL(/\/onboarding$/, { timeout: 30_000 });
  await createCustomer(page, { name: "Alpha Traders" });
  await createCustomer(page, { name: "Beta Supplies" });

  await page.setViewportSize(PHONE);
  await page.goto("/customers");
  const cards = page.getByRole("list", { name: "Customers" });
  await expect(cards.getByRole("link", { name: "Alpha Traders" })).toBeVisible();

  const posts = await holdPosts(page, "/customers");
  await cards.getByRole("button", { name: "Archive Alpha Traders" }).click();
  // The server has not answered (its request is held), yet the card is gone.
  await expect.poll(posts.held).toBe(1);
  await expect(cards.getByRole("link", { name: "Alpha Traders" })).toHaveCount(0);
  await expect(cards.getByRole("link", { name: "Beta Supplies" })).toBeVisible();
  await expect(toast(page, "Customer archived.")).toHaveCount(0);

  posts.release();
  const archived = toast(page, "Customer archived.");
  await expect(archived).toBeVisible();
  await expect(cards.getByRole("link", { name: "Alpha Traders" })).toHaveCount(0);
  await archived.getByRole("button", { name: "Undo" }).click();
  await expect(toast(page, "Customer restored.")).toBeVisible();
  await expect(cards.getByRole("link", { name: "Alpha Traders" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("list", { name: "Customers" }).getByRole("link", { name: "Alpha Traders" })).toBeVisible();

  // The connection drops: the card comes back and a toast explains.
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await page.route((url) => url.pathname === "/customers", (route) => (route.request().method() === "POST" ? route.abort("connectionreset") : route.continue()));
  await page.getByRole("list", { name: "Customers" }).getByRole("button", { name: "Archive Beta Supplies" }).click();
  await expect(toast(page, "Beta Supplies was not archived: The server could not be reached.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Customers" }).getByRole("link", { name: "Beta Supplies" })).toBeVisible();
});

test("'Mark as sent' shows Sent before the server answers", async ({ page }) => {
  test.setTimeout(180_000);
  await registerAccount(page, { name: "Sam Sent", email: uniqueEmail("marksent"), organization: "Sam Sent Ltd" });
  await expect(page).toHaveURL(/\/onboarding$/, { timeout: 30_000 });
  await createCustomer(page, { name: "Contoso" });
  await saveDraftInvoice(page, { customer: "Contoso", currency: "USD", lines: [{ description: "Work", price: "100.00" }] });
  const { url } = await issueInvoice(page);
  await page.setViewportSize(PHONE);
  const status = page.getByRole("main").locator("p", { has: page.getByRole("link", { name: "Contoso" }) }).first();
  await expect(status).toContainText("Issued");

  const posts = await holdPosts(page, new URL(url).pathname);
  await page.getByRole("button", { name: "Mark as sent" }).click();
  await expect.poll(posts.held).toBe(1);
  await expect(status).toContainText("Sent");
  await expect(status).not.toContainText("Issued");
  posts.release();
  await expect(toast(page, "Marked as sent.")).toBeVisible();
  await page.reload();
  await expect(status).toContainText("Sent");
});
