import { expect, test } from "./test";
import { registerAccount, uniqueEmail } from "./support";

const REVERSE_CHARGE = "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).";

test("e-invoice fields: VAT ID, IBAN and format in settings, a reverse-charge rate, a customer with a Leitweg-ID, an invoice with a service period", async ({ page }) => {
  await registerAccount(page, { name: "Erika Muster", email: uniqueEmail("einv"), organization: "Muster GmbH" });
  await expect(page).toHaveURL(/\/onboarding$/);

  // Settings: VAT ID, IBAN typed with spaces in lower case (stored compact, upper case) and the default format.
  await page.goto("/settings");
  await page.getByLabel("VAT ID").fill("DE123456789");
  await page.getByLabel("IBAN").fill("de89 3704 0044 0532 0130 01");
  await page.getByLabel("Default e-invoice format").selectOption("xrechnung-ubl");
  await page.getByRole("button", { name: "Save settings" }).click();
  // A typo in the IBAN is refused on its field (check digits do not match).
  await expect(page.locator("#iban-error")).toContainText("Enter a valid IBAN");
  await page.getByLabel("IBAN").fill("de89 3704 0044 0532 0130 00");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("VAT ID")).toHaveValue("DE123456789");
  await expect(page.getByLabel("IBAN")).toHaveValue("DE89370400440532013000");
  await expect(page.getByLabel("Default e-invoice format")).toHaveValue("xrechnung-ubl");

  // A 0% reverse-charge rate from the VATEX preset: the reason wording and the category are filled in.
  await page.goto("/settings/taxes");
  await page.getByLabel("Tax name").fill("Reverse charge");
  await page.getByLabel("Rate (%)").fill("0");
  await page.getByLabel("Exemption code (VATEX)").selectOption("VATEX-EU-AE");
  await expect(page.getByLabel("VAT category")).toHaveValue("AE");
  await expect(page.getByLabel("Exemption reason (printed on the document)")).toHaveValue(REVERSE_CHARGE);
  await page.getByRole("button", { name: "Add tax rate" }).click();
  const row = page.getByRole("row", { name: /Reverse charge/ });
  await expect(row).toContainText("Reverse charge (AE) · VATEX-EU-AE");

  // A customer with a Leitweg-ID and a VAT ID.
  await page.goto("/customers/new");
  await page.getByLabel("Name", { exact: true }).fill("Stadt Musterhausen");
  await page.getByLabel("VAT ID").fill("FR40303265045");
  await page.getByLabel("Buyer reference (Leitweg-ID)").fill("04011000-12345-67");
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("heading", { name: "Stadt Musterhausen", level: 1 })).toBeVisible();

  // The invoice: the buyer reference comes from the customer; a service period in the e-invoice details.
  await page.goto("/invoices/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Stadt Musterhausen" });
  await page.getByLabel("Currency").selectOption("EUR");
  const line = page.getByRole("listitem", { name: "Line 1" });
  await line.getByLabel("Line 1 description").fill("Consulting, February");
  await line.getByLabel("Quantity").fill("10");
  await line.getByLabel(/Unit price/).fill("120");
  await line.getByRole("checkbox", { name: /^Reverse charge \(/ }).check();
  await page.getByText("E-invoice details").click();
  await expect(page.locator("#buyerReference")).toHaveValue("04011000-12345-67");
  await page.locator("#periodStart").fill("2026-02-01");
  await page.locator("#periodEnd").fill("2026-01-31");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator("#periodEnd-error")).toHaveText("The service period can't end before it starts.");
  await page.locator("#periodEnd").fill("2026-02-28");
  // 10 × 120.00 at 0%: no VAT, total 1,200.00.
  await expect(page.getByTestId("total")).toHaveText("€1,200.00");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: "Invoice (draft)" })).toBeVisible();

  for (const pass of ["saved", "reloaded"]) {
    if (pass === "reloaded") await page.reload();
    await expect(page.getByTestId("legal-notes"), pass).toHaveText(REVERSE_CHARGE);
    await expect(page.getByTestId("vat-ids"), pass).toHaveText("Your VAT ID DE123456789 · Customer VAT ID FR40303265045");
    await expect(page.getByTestId("service-period"), pass).toContainText("2026");
    await expect(page.getByText("04011000-12345-67"), pass).toBeVisible();
    await expect(page.getByTestId("total"), pass).toHaveText("€1,200.00");
  }

  // The editor shows the saved values back.
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.locator("#periodStart")).toHaveValue("2026-02-01");
  await expect(page.locator("#periodEnd")).toHaveValue("2026-02-28");
  await expect(page.locator("#buyerReference")).toHaveValue("04011000-12345-67");
});
