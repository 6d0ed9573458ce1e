import { expect, type Page, test } from "./test";
import { createCustomer, registerAccount, uniqueEmail } from "./support";

async function addTaxRate(page: Page, name: string, rate: string) {
  await page.goto("/settings/taxes");
  await page.getByLabel("Tax name").fill(name);
  await page.getByLabel("Rate (%)").fill(rate);
  await page.getByRole("button", { name: "Add tax rate" }).click();
  await expect(page.getByRole("rowheader", { name, exact: true })).toBeVisible();
}

async function fillLine(page: Page, n: number, line: { description: string; quantity: string; price: string; taxes: string[]; discountPercent?: string }) {
  const item = page.getByRole("listitem", { name: `Line ${n}` });
  await item.getByLabel(`Line ${n} description`).fill(line.description);
  await item.getByLabel("Quantity").fill(line.quantity);
  await item.getByLabel(/Unit price/).fill(line.price);
  for (const tax of line.taxes) await item.getByRole("checkbox", { name: new RegExp(`^${tax} \\(`) }).check();
  if (line.discountPercent) {
    await item.getByLabel("Line discount").selectOption("percent");
    await item.getByLabel(`Line ${n} discount value`).fill(line.discountPercent);
  }
}

test("create an invoice with three lines, two taxes and a discount; issue it, take a partial payment, credit it", async ({ page }) => {
  await registerAccount(page, { name: "Ivy Invoicer", email: uniqueEmail("ivy"), organization: "Ivy Studio" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await createCustomer(page, { name: "Northwind Traders" });
  await addTaxRate(page, "VAT", "20");
  await addTaxRate(page, "City tax", "5");

  await page.goto("/invoices/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Northwind Traders" });
  await page.getByLabel("Currency").selectOption("USD");
  await fillLine(page, 1, { description: "Design work", quantity: "3", price: "19.99", taxes: ["VAT"] });
  await page.getByRole("button", { name: "Add line" }).click();
  await fillLine(page, 2, { description: "Hosting", quantity: "1", price: "120.00", taxes: ["VAT", "City tax"] });
  await page.getByRole("button", { name: "Add line" }).click();
  await fillLine(page, 3, { description: "Support call", quantity: "1.5", price: "80", taxes: ["City tax"], discountPercent: "10" });
  await page.getByLabel("Discount on the whole invoice").selectOption("amount");
  await page.getByLabel("Document discount value").fill("5.00");

  // Worked by hand (cents; every rounding half away from zero):
  //   nets: 3 × 19.99 = 59.97; 1 × 120.00; 1.5 × 80.00 = 120.00, less 10% = 108.00 after its line discount.
  //   subtotal 59.97 + 120.00 + 120.00 = 299.97.
  //   the 5.00 document discount split over 59.97 : 120.00 : 108.00 (of 287.97) by largest remainder:
  //   exact 1.0413 / 2.0836 / 1.8752 → 1.04, 2.08, 1.88 (the cent left over goes to the largest remainder).
  //   taxable 58.93, 117.92, 106.12. VAT 20%: 11.786 → 11.79; 23.584 → 23.58. City tax 5%: 5.896 → 5.90; 5.306 → 5.31.
  //   line totals 58.93 + 11.79 = 70.72; 117.92 + 23.58 + 5.90 = 147.40; 106.12 + 5.31 = 111.43.
  //   total 70.72 + 147.40 + 111.43 = 329.55 (= 299.97 − 17.00 discounts + 46.58 taxes).
  await expect(page.getByTestId("total")).toHaveText("$329.55");
  const onScreen = await page.getByTestId("total").textContent();

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: "Invoice (draft)" })).toBeVisible();
  await expect(page.getByTestId("total")).toHaveText(onScreen!);
  // The subtotal is the sum of the line amounts after their own discounts: 59.97 + 120.00 + 108.00.
  await expect(page.getByTestId("subtotal")).toHaveText("$287.97");

  await page.getByRole("button", { name: "Issue invoice" }).click();
  const year = new Date().getFullYear();
  await expect(page.getByRole("heading", { name: `Invoice INV-${year}-0001` })).toBeVisible();
  await expect(page.getByText("Issued", { exact: true })).toBeVisible();

  // An issued invoice can't be edited.
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);

  await page.getByRole("button", { name: "Record payment" }).click();
  await page.getByLabel("Amount (USD)").fill("50.00");
  await page.getByRole("button", { name: "Save payment" }).click();
  await expect(page.getByText("Partially paid", { exact: true })).toBeVisible();
  // 329.55 − 50.00.
  await expect(page.getByTestId("document-balance")).toHaveText("$279.55");

  // Overpaying is refused with a clear message (the panel closed on success; it opens at the new balance).
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByLabel("Amount (USD)")).toHaveValue("279.55");
  await page.getByLabel("Amount (USD)").fill("100000");
  await page.getByRole("button", { name: "Save payment" }).click();
  await expect(page.getByText("That is more than the balance due.").first()).toBeVisible();

  // Rare actions are in the "⋯" menu.
  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("menuitem", { name: "Credit note" }).click();
  await page.getByRole("checkbox", { name: "Hosting" }).uncheck();
  await page.getByRole("checkbox", { name: "Support call" }).uncheck();
  await page.getByRole("button", { name: "Create credit note draft" }).click();
  await expect(page.getByRole("heading", { name: "Credit note (draft)" })).toBeVisible();
  await page.getByRole("button", { name: "Issue credit note" }).click();
  await expect(page.getByRole("heading", { name: `Credit note CN-${year}-0001` })).toBeVisible();
  await page.getByRole("link", { name: `Invoice INV-${year}-0001` }).click();
  // A partial credit gives back what was charged for the chosen line, its share of the discount
  // included: line 1's 70.72 (59.97 − 1.04 + 11.79). 279.55 − 70.72 = 208.83.
  await expect(page.getByTestId("document-balance")).toHaveText("$208.83");

  // The list shows it with its totals per currency, and the CSV has the same amounts.
  await page.goto("/invoices");
  await expect(page.getByRole("link", { name: `INV-${year}-0001` })).toBeVisible();
});

test("a quote is issued, accepted and converted into an invoice draft", async ({ page }) => {
  await registerAccount(page, { name: "Quinn Quoter", email: uniqueEmail("quinn"), organization: "Quinn & Co" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.goto("/quotes/new");
  // The customer is created inline, without leaving the editor.
  await page.getByRole("button", { name: "New customer…" }).click();
  await page.getByLabel("New customer's name").fill("Contoso");
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByLabel("Customer", { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByLabel("Customer", { exact: true }).locator("option:checked")).toHaveText("Contoso");
  await fillLine(page, 1, { description: "Kitchen renovation", quantity: "1", price: "4500", taxes: [] });
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByRole("button", { name: "Issue quote" }).click();
  const year = new Date().getFullYear();
  await expect(page.getByRole("heading", { name: `Quote QUO-${year}-0001` })).toBeVisible();
  await page.getByRole("button", { name: "Mark accepted" }).click();
  await expect(page.getByText("Accepted", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Convert to invoice" }).click();
  await expect(page.getByRole("heading", { name: "Invoice (draft)" })).toBeVisible();
  await expect(page.getByTestId("total")).toHaveText("$4,500.00");
  await expect(page.getByRole("link", { name: `Quote QUO-${year}-0001` })).toBeVisible();
});

test("the editor refuses bad input field by field and keeps what was typed", async ({ page }) => {
  await registerAccount(page, { name: "Eve Errors", email: uniqueEmail("eve"), organization: "Eve Ltd" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await createCustomer(page, { name: "Fabrikam" });
  await page.goto("/invoices/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Fabrikam" });
  await page.getByLabel("Currency").selectOption("USD");
  const line = page.getByRole("listitem", { name: "Line 1" });
  await line.getByLabel("Quantity").fill("1");
  await line.getByLabel(/Unit price/).fill("12.345");
  await page.getByLabel("Due date").fill("2000-01-01");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(line.getByText("Describe this line.")).toBeVisible();
  await expect(line.getByText(/at most 2 decimals/i)).toBeVisible();
  await expect(page.getByText("The due date can't be before the issue date.")).toBeVisible();
  await expect(line.getByLabel(/Unit price/)).toHaveValue("12.345");
});
