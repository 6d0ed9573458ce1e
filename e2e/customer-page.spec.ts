/**
 * Issue 19 §7: the customer page shows what the customer owes per currency (and how much of it is
 * overdue), starts a new invoice for them, and "Invoice again" copies their last invoice forward.
 */
import { expect, type Page, test } from "./test";
import { createCustomer, issueInvoice, registerAccount, toast, uniqueEmail } from "./support";

const DAY = 86_400_000;
const isoDaysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const plusDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** An issued invoice for Fabrikam with these dates and one line at this price. */
async function issuedInvoice(page: Page, { currency, price, issued, due }: { currency: string; price: string; issued: number; due: number }) {
  await page.goto("/invoices/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Fabrikam" });
  await page.getByLabel("Currency").selectOption(currency);
  await page.getByLabel("Issue date").fill(isoDaysFromNow(issued));
  await page.getByLabel("Due date").fill(isoDaysFromNow(due));
  const line = page.getByRole("listitem", { name: "Line 1" });
  await line.getByLabel("Line 1 description").fill(`Work at ${price}`);
  await line.getByLabel(/Unit price/).fill(price);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: "Invoice (draft)" })).toBeVisible();
  return issueInvoice(page);
}

test("balances per currency with the overdue part, New invoice for the customer, and Invoice again with dates rolled forward", async ({ page }) => {
  await registerAccount(page, { name: "Cleo Customer", email: uniqueEmail("cleo"), organization: "Cleo's Consulting" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await createCustomer(page, { name: "Fabrikam", email: uniqueEmail("fabrikam") });
  const customerUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("region", { name: "Balance" })).toContainText("Nothing outstanding.");

  // A: USD 300.00, issued 40 days ago, due 10 days ago (overdue); 120.00 paid → 180.00 due.
  await issuedInvoice(page, { currency: "USD", price: "300.00", issued: -40, due: -10 });
  await page.getByRole("button", { name: "Record payment" }).click();
  await page.getByLabel("Amount (USD)").fill("120.00");
  await page.getByRole("button", { name: "Save payment" }).click();
  await expect(toast(page, "Payment recorded.")).toBeVisible();
  await expect(page.getByTestId("document-balance")).toHaveText("$180.00");
  // C: EUR 75.50, issued 60 days ago, due 50 days ago: all overdue.
  await issuedInvoice(page, { currency: "EUR", price: "75.50", issued: -60, due: -50 });
  // B: USD 45.25, issued 5 days ago, due in 9 days (a 14-day term): the last invoice, not due yet.
  const b = await issuedInvoice(page, { currency: "USD", price: "45.25", issued: -5, due: 9 });

  // USD: outstanding 180.00 + 45.25 = 225.25, overdue 180.00. EUR: 75.50 and 75.50.
  await page.goto(customerUrl);
  const balance = page.getByRole("region", { name: "Balance" });
  await expect(balance.getByTestId("balance-USD").getByRole("cell")).toHaveText(["$225.25", "$180.00"]);
  await expect(balance.getByTestId("balance-EUR").getByRole("cell")).toHaveText(["€75.50", "€75.50"]);
  await expect(balance).toContainText(`“Invoice again” copies ${b.number}`);

  // New invoice for Fabrikam: the editor opens with the customer chosen.
  await page.getByRole("link", { name: "New invoice for Fabrikam" }).click();
  await expect(page.getByRole("heading", { name: "New invoice" })).toBeVisible();
  await expect(page.getByLabel("Customer", { exact: true }).locator("option:checked")).toHaveText("Fabrikam");

  // Invoice again: B copied to a draft dated today (the organisation's day), due 14 days later.
  await page.goto(customerUrl);
  await page.getByRole("button", { name: "Invoice again" }).click();
  await expect(page.getByRole("heading", { name: "Edit invoice draft" })).toBeVisible();
  await expect(toast(page, "Draft created: check it, then save.")).toBeVisible();
  const issueDate = await page.getByLabel("Issue date").inputValue();
  expect([isoDaysFromNow(-1), isoDaysFromNow(0), isoDaysFromNow(1)]).toContain(issueDate);
  await expect(page.getByLabel("Due date")).toHaveValue(plusDays(issueDate, 14));
  await expect(page.getByRole("listitem", { name: "Line 1" }).getByLabel("Line 1 description")).toHaveValue("Work at 45.25");
});
