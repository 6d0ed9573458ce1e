import { expect, test } from "./test";
import { completeOnboarding, registerAccount, uniqueEmail } from "./support";

// Tax ids and bank details are encrypted at rest (lib/data/field-encryption.db.test.ts checks the
// stored bytes); here the running app shows back exactly what was typed, through the real keys.
test("tax ids and bank details read back as typed", async ({ page }) => {
  await registerAccount(page, { name: "Erin Encrypt", email: uniqueEmail("crypt"), organization: "Erin's Ciphers" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await completeOnboarding(page, { taxId: "IE-6388047V", bankDetails: "Bank of Ireland · IBAN IE29 AIBK 9311 5212 3456 78\nBIC AIBKIE2D" });

  await page.goto("/settings");
  await expect(page.getByLabel("VAT ID")).toHaveValue("IE-6388047V");
  await expect(page.getByLabel("Bank details (shown on invoices)")).toHaveValue("Bank of Ireland · IBAN IE29 AIBK 9311 5212 3456 78\nBIC AIBKIE2D");

  await page.goto("/customers/new");
  await page.getByLabel("Name", { exact: true }).fill("Müller & Söhne GmbH");
  await page.getByLabel("VAT ID").fill("DE 123 456 789");
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByText("DE 123 456 789")).toBeVisible();
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByLabel("VAT ID")).toHaveValue("DE 123 456 789");
});
