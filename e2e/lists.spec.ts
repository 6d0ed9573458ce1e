import { expectNoSeriousViolations } from "./axe";
import { expect, type Locator, type Page, test } from "./test";
import { createCustomer, registerAccount, uniqueEmail } from "./support";

/** Writes an invoice in the editor; issues it unless it stays a draft; pays it in full if asked. Returns its URL. */
async function invoice(page: Page, o: { customer: string; currency: string; price: string; issued?: string; due?: string; then?: "issue" | "pay" }) {
  await page.goto("/invoices/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: o.customer });
  await page.getByLabel("Currency").selectOption(o.currency);
  if (o.issued) await page.getByLabel("Issue date").fill(o.issued);
  if (o.due) await page.getByLabel("Due date").fill(o.due);
  const line = page.getByRole("listitem", { name: "Line 1" });
  await line.getByLabel("Line 1 description").fill("Work");
  await line.getByLabel(/Unit price/).fill(o.price);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: "Invoice (draft)" })).toBeVisible();
  if (!o.then) return page.url();
  await page.getByRole("button", { name: "Issue invoice" }).click();
  // Issuing numbers and locks the invoice in a transaction: slow on a loaded 2-core machine.
  await expect(page.getByRole("heading", { name: /^Invoice INV-/ })).toBeVisible({ timeout: 30_000 });
  if (o.then === "pay") {
    await page.getByRole("button", { name: "Record payment" }).click();
    await page.getByRole("button", { name: "Save payment" }).click();
    await expect(page.getByText("Paid", { exact: true }).first()).toBeVisible();
  }
  return page.url();
}

/** The tabs' names as a screen reader reads them: label and count ("Overdue 1"). */
async function tabTexts(page: Page) {
  const tabs = page.getByRole("navigation", { name: "Invoices by status" }).getByRole("link");
  return tabs.evaluateAll((links) => links.map((a) => [...a.childNodes].map((n) => n.textContent?.trim()).filter(Boolean).join(" ")));
}

async function expectInside(box: Locator, width: number) {
  const b = (await box.boundingBox())!;
  expect(b.x).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width).toBeLessThanOrEqual(width);
}

/**
 * A click where a user would click, on a cell that is not itself the link: the row's stretched link
 * lies above it there (Playwright's own click would refuse, seeing the link intercept the pointer).
 */
async function clickMiddle(page: Page, target: Locator) {
  const b = (await target.boundingBox())!;
  await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
}

const LONG_EMAIL = "accounts.receivable.department@northwind-traders.example";

test("lists: status tabs with counts, Filters (n), whole-row links on a laptop; cards on a phone", async ({ page }) => {
  test.setTimeout(240_000);
  // The strict CSP forbids injected inline styles: any violation shows in the console.
  const cspViolations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await registerAccount(page, { name: "Lina Lists", email: uniqueEmail("lists"), organization: "Lina Lists Ltd" });
  await expect(page).toHaveURL(/\/onboarding$/);

  // Nothing yet: the empty state points at creating the first one.
  await page.goto("/invoices");
  await expect(page.getByText("No invoices yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Create your first invoice" })).toBeVisible();

  await createCustomer(page, { name: "Northwind Traders", email: LONG_EMAIL });
  await createCustomer(page, { name: "Contoso" });
  // 1 draft (EUR); 2 open (USD), of which 1 due last January: overdue; 1 paid.
  await invoice(page, { customer: "Contoso", currency: "EUR", price: "100.00" });
  const year = new Date().getFullYear();
  await invoice(page, { customer: "Northwind Traders", currency: "USD", price: "200.00", issued: `${year - 1}-01-01`, due: `${year - 1}-01-31`, then: "issue" });
  const open = await invoice(page, { customer: "Northwind Traders", currency: "USD", price: "300.00", then: "issue" });
  await invoice(page, { customer: "Contoso", currency: "USD", price: "400.00", then: "pay" });

  await page.goto("/invoices");
  await expect.poll(() => tabTexts(page)).toEqual(["All 4", "Draft 1", "Open 2", "Overdue 1", "Paid 1"]);
  const tabs = page.getByRole("navigation", { name: "Invoices by status" });
  await expect(tabs.getByRole("link", { name: /^All/ })).toHaveAttribute("aria-current", "page");
  await tabs.getByRole("link", { name: /^Overdue/ }).click();
  await expect(page).toHaveURL(/\/invoices\?status=overdue$/);
  await expect(tabs.getByRole("link", { name: /^Overdue/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2); // header + the overdue one
  await expect(page.getByRole("table")).toContainText("$200.00");
  await expectNoSeriousViolations(page, "invoices, overdue tab");

  // The filters sit behind one button that counts them; the currency is chosen among those in use.
  await tabs.getByRole("link", { name: /^All/ }).click();
  const filters = page.getByRole("button", { name: "Filters", exact: true });
  await expect(filters).toHaveAttribute("aria-expanded", "false");
  await filters.click();
  await expect(filters).toHaveAttribute("aria-expanded", "true");
  const currency = page.getByLabel("Currency", { exact: true });
  await expect(currency.locator("option")).toHaveText(["Any currency", "EUR", "USD"]);
  await currency.selectOption("USD");
  await page.getByLabel("Search number or customer").fill("Northwind");
  await expectNoSeriousViolations(page, "invoices, filters open");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("button", { name: "Filters (2)" })).toBeVisible();
  // The counts are recomputed within the filters (Northwind's two USD invoices), and say so.
  await expect.poll(() => tabTexts(page)).toEqual(["All 2", "Draft 0", "Open 2", "Overdue 1", "Paid 0"]);
  await expect(page.getByText("Counts include only what matches the filters.")).toBeVisible();
  await page.getByRole("button", { name: "Filters (2)" }).click();
  await page.getByLabel("Search number or customer").fill("Nobody");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No invoices match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/invoices$/);
  await expect(page.getByRole("button", { name: "Filters", exact: true })).toBeVisible();
  await expect.poll(() => tabTexts(page)).toEqual(["All 4", "Draft 1", "Open 2", "Overdue 1", "Paid 1"]);

  // A click anywhere on a row opens its document (here: on its total).
  await clickMiddle(page, page.getByRole("table").getByRole("row").filter({ hasText: "$300.00" }).getByRole("cell", { name: "Northwind Traders" }));
  await expect(page).toHaveURL(open);
  await expect(page.getByRole("heading", { name: /^Invoice INV-/ })).toBeVisible();

  // Quotes have their own tabs and their own empty state.
  await page.goto("/quotes");
  await expect(page.getByRole("navigation", { name: "Quotes by status" }).getByRole("link")).toHaveText([/All/, /Draft/, /Open/, /Accepted/, /Declined/, /Expired/, /Converted/]);
  await expect(page.getByRole("link", { name: "Create your first quote" })).toBeVisible();

  // A phone: cards, customer and number first, status and amount second, all inside the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/invoices?status=overdue");
  await expect(page.getByRole("table")).toBeHidden();
  const card = page.getByTestId("document-card");
  await expect(card).toHaveCount(1);
  const parts = [card.getByText("Northwind Traders"), card.getByRole("link", { name: /^INV-/ }), card.getByText("Overdue", { exact: true }), card.getByText("$200.00", { exact: true })];
  for (const part of parts) {
    await expect(part).toBeVisible();
    await expectInside(part, 390);
  }
  // Customer and number on the first line, status and amount below them.
  const [customerBox, numberBox, statusBox, amountBox] = await Promise.all(parts.map(async (p) => (await p.boundingBox())!));
  expect(statusBox!.y).toBeGreaterThanOrEqual(customerBox!.y + customerBox!.height - 1);
  expect(amountBox!.y).toBeGreaterThanOrEqual(numberBox!.y + numberBox!.height - 1);
  await expectNoSeriousViolations(page, "invoices on a phone");
  await clickMiddle(page, card.getByText("$200.00", { exact: true }));
  await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/);

  // Customers: a long email wraps as a whole, inside the screen, not letter by letter.
  await page.goto("/customers");
  const email = page.getByText(LONG_EMAIL).filter({ visible: true });
  await expect(email).toBeVisible();
  await expectInside(email, 390);
  expect((await email.boundingBox())!.width).toBeGreaterThan(250);
  await expectNoSeriousViolations(page, "customers on a phone");
  await page.getByRole("link", { name: "Contoso" }).click();
  await expect(page.getByRole("heading", { name: "Contoso", level: 1 })).toBeVisible();
  expect(cspViolations).toEqual([]);
});
