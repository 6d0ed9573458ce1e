/**
 * Issue 19 §6: the customers list has the documents lists' pattern (status tabs, the search behind
 * "Filters (n)", the same empty states, cards on a phone).
 */
import { expect, type Page, test } from "./test";
import { createCustomer, registerAccount, toast, uniqueEmail } from "./support";

const PHONE = { width: 390, height: 844 };

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${page.url()} at ${clientWidth}px`).toBeLessThanOrEqual(clientWidth);
}

test("customers on a phone: search behind Filters (n), the Archived tab, cards and empty states", async ({ page }) => {
  await registerAccount(page, { name: "Pia Phone", email: uniqueEmail("pia"), organization: "Pia's Parts" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await createCustomer(page, { name: "Alder Archive", email: "billing@alder.example" });
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(toast(page, /archived/i)).toBeVisible();
  await createCustomer(page, { name: "Birch Books", email: "ap@birch.example" });
  await createCustomer(page, { name: "Cedar Crafts", email: "hello@cedar.example" });

  await page.setViewportSize(PHONE);
  await page.goto("/customers");
  const cards = page.getByTestId("record-card").filter({ visible: true });
  // Active tab by default: the two active customers, as cards (the table is hidden on a phone).
  await expect(page.getByRole("navigation", { name: "Customers by status" }).getByRole("link", { name: "Active" })).toHaveAttribute("aria-current", "page");
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText("Birch Books");
  await expect(cards.nth(0)).toContainText("ap@birch.example");
  await expect(cards.nth(1)).toContainText("Cedar Crafts");
  await expect(page.getByRole("table")).toBeHidden();
  await expectNoSidewaysScroll(page);

  // The search sits behind one Filters button; it narrows by email too.
  const search = page.getByLabel("Search customers");
  await expect(search).toBeHidden();
  await page.getByRole("button", { name: "Filters", exact: true }).click();
  await search.fill("CEDAR.ex");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/customers\?q=CEDAR\.ex$/);
  await expect(page.getByRole("button", { name: "Filters (1)" })).toBeVisible();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText("Cedar Crafts");
  await expect(page.getByText("Page 1 of 1 · 1 customer")).toBeVisible();

  // A search the active customers don't match: the empty state offers to clear it.
  await page.getByRole("button", { name: "Filters (1)" }).click();
  await search.fill("alder");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No customers match “alder”.")).toBeVisible();
  await expect(cards).toHaveCount(0);

  // The Archived tab keeps the search: the archived customer, marked so.
  await page.getByRole("navigation", { name: "Customers by status" }).getByRole("link", { name: "Archived" }).click();
  await expect(page).toHaveURL(/\/customers\?q=alder&status=archived$/);
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText("Alder Archive");
  await expect(cards.first()).toContainText("Archived");
  await expectNoSidewaysScroll(page);

  // Clearing the search keeps the tab; an archived search with no match says so.
  await page.getByRole("button", { name: "Filters (1)" }).click();
  await search.fill("birch");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No customers match “birch”.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/customers\?status=archived$/);
  await expect(page.getByRole("button", { name: "Filters", exact: true })).toBeVisible();
  await expect(cards).toHaveCount(1);

  // The card opens the customer.
  await cards.first().getByRole("link", { name: "Alder Archive" }).click();
  await expect(page.getByRole("heading", { name: "Alder Archive", level: 1 })).toBeVisible();
});
