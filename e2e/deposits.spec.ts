/**
 * Issue 16 §5: a quote asks for a 30% deposit; the client accepts on its link; the owner finds the
 * deposit invoice (its own number, one line per VAT rate), records its payment, converts the quote,
 * and the final invoice lists the deposit under "Less deposits paid" and totals the rest.
 *
 * By hand: 10 h × $120.00 at VAT 20% (net 1,200.00, tax 240.00) + 2 × $50.00 at VAT reduced 5.5%
 * (net 100.00, tax 5.50): total $1,545.50. Deposit 30%: 360.00 + 72.00 + 30.00 + 1.65 = $463.65.
 * Final: 1,545.50 − 463.65 = $1,081.85 (tax 245.50 − 73.65 = 171.85).
 */
import { expectNoSeriousViolations } from "./axe";
import { expect, type Page, test } from "./test";
import { createCustomer, registerAccount, sendInvoice, uniqueEmail } from "./support";

async function addTaxRate(page: Page, name: string, rate: string) {
  await page.goto("/settings/taxes");
  await page.getByLabel("Tax name").fill(name);
  await page.getByLabel("Rate (%)").fill(rate);
  await page.getByRole("button", { name: "Add tax rate" }).click();
  await expect(page.getByRole("rowheader", { name, exact: true })).toBeVisible();
}

test("a 30% deposit: accepted on the link, invoiced, paid, then deducted from the final invoice", async ({ page, browser }) => {
  const clientEmail = uniqueEmail("deposit-client");
  await registerAccount(page, { name: "Dana Deposit", email: uniqueEmail("dana"), organization: "Dana Builds" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await createCustomer(page, { name: "Client Co", email: clientEmail });
  await addTaxRate(page, "VAT", "20");
  await addTaxRate(page, "VAT reduced", "5.5");

  // The quote, with its deposit; the editor's preview already says what the deposit comes to.
  await page.goto("/quotes/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Client Co" });
  await page.getByLabel("Currency").selectOption("USD");
  const first = page.getByRole("listitem", { name: "Line 1" });
  await first.getByLabel("Line 1 description").fill("Design");
  await first.getByLabel("Quantity").fill("10");
  await first.getByLabel(/Unit price/).fill("120.00");
  await first.getByRole("checkbox", { name: /^VAT \(/ }).check();
  await page.getByRole("button", { name: "Add line" }).click();
  const second = page.getByRole("listitem", { name: "Line 2" });
  await second.getByLabel("Line 2 description").fill("Books");
  await second.getByLabel("Quantity").fill("2");
  await second.getByLabel(/Unit price/).fill("50.00");
  await second.getByRole("checkbox", { name: /^VAT reduced \(/ }).check();
  await page.getByLabel("Deposit", { exact: true }).selectOption("percent");
  await page.getByLabel("Deposit value").fill("30");
  await expect(page.getByTestId("total")).toHaveText("$1,545.50");
  await expect(page.getByTestId("summary-deposit")).toHaveText("$463.65");
  await expect(page.getByRole("region", { name: "Totals", exact: true }).getByText("Deposit requested: 30%")).toBeVisible();
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByRole("button", { name: "Issue quote" }).click();
  const quoteHeading = page.getByRole("heading", { name: /^Quote QUO-\d{4}-\d{4}$/ });
  await expect(quoteHeading).toBeVisible();
  const quoteNumber = (await quoteHeading.textContent())!.replace("Quote ", "");
  const quoteUrl = page.url();
  await expect(page.getByTestId("summary-deposit")).toHaveText("$463.65");
  const link = await sendInvoice(page, clientEmail);

  // The client sees the deposit asked for, and accepts.
  const context = await browser.newContext();
  const client = await context.newPage();
  await client.goto(link);
  await expect(client.getByTestId("summary-deposit")).toHaveText("$463.65");
  await expectNoSeriousViolations(client, "client link of the quote with a deposit");
  await client.getByRole("button", { name: "Accept quote" }).click();
  await expect(client.getByText("Thank you — your answer has been sent to Dana Builds.")).toBeVisible();
  await context.close();

  // The owner finds the deposit invoice beside the quote.
  await page.goto(quoteUrl);
  await expect(page.getByText("Accepted", { exact: true }).first()).toBeVisible();
  const related = page.getByRole("region", { name: "Related documents" });
  const depositLink = related.getByRole("link", { name: /^Deposit invoice INV-\d{4}-\d{4}$/ });
  await expect(depositLink).toBeVisible();
  const depositNumber = (await depositLink.textContent())!.replace("Deposit invoice ", "");
  await depositLink.click();
  await expect(page.getByRole("heading", { name: `Deposit invoice ${depositNumber}` })).toBeVisible();
  await expect(page.getByRole("cell", { name: `Deposit 30% on quote ${quoteNumber} (VAT 20%)` })).toBeVisible();
  await expect(page.getByRole("cell", { name: `Deposit 30% on quote ${quoteNumber} (VAT reduced 5.5%)` })).toBeVisible();
  await expect(page.getByTestId("line-amount")).toHaveText(["$360.00", "$30.00"]);
  await expect(page.getByTestId("document-total")).toHaveText("$463.65");
  await expectNoSeriousViolations(page, "deposit invoice");

  // The deposit is paid in full.
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByLabel("Amount (USD)")).toHaveValue("463.65");
  await page.getByRole("button", { name: "Save payment" }).click();
  await expect(page.getByTestId("document-balance")).toHaveText("$0.00");

  // Converting the quote: the final invoice deducts it by reference.
  await page.goto(quoteUrl);
  await page.getByRole("button", { name: "Convert to invoice" }).click();
  await expect(page.getByRole("heading", { name: "Invoice (draft)" })).toBeVisible();
  await expect(page.getByText("Less deposits paid", { exact: true })).toBeVisible();
  const reference = page.getByRole("link", { name: new RegExp(`^Deposit invoice ${depositNumber} of \\d{4}-\\d{2}-\\d{2}, \\$463\\.65 \\(VAT 20%\\)$`) });
  await expect(reference).toBeVisible();
  await expect(page.getByTestId("deposit-deduction")).toHaveText(["-$360.00", "-$30.00"]);
  await expect(page.getByText("VAT 20% on $840.00")).toBeVisible();
  await expect(page.getByText("VAT reduced 5.5% on $70.00")).toBeVisible();
  await expect(page.getByTestId("document-total")).toHaveText("$1,081.85");
  await expect(page.getByTestId("total")).toHaveText("$1,081.85");
  await expectNoSeriousViolations(page, "final invoice");
});
