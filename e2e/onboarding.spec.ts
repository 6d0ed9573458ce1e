import { expectNoSeriousViolations } from "./axe";
import { expect, type Page, test } from "./test";
import { registerAccount, uniqueEmail } from "./support";

/**
 * Onboarding from a French browser: the business's country proposes its currency, and the
 * browser's language and zone are used where they fit the country, never UTC.
 */
test.use({ locale: "fr-FR", timezoneId: "Europe/Paris" });

const step = (page: Page, n: number) => page.getByRole("heading", { name: new RegExp(`^Step ${n} of 3`) });
const checklistItem = (page: Page, name: string) => page.getByRole("list", { name: "Setup checklist" }).getByRole("listitem").filter({ hasText: name });

function watchProblems(page: Page) {
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|hydrat/i.test(m.text())) problems.push(m.text());
  });
  return problems;
}

test("a French business: France proposes EUR, fr-FR and Europe/Paris; Back keeps what was typed; a refresh resumes; the checklist ticks the steps off", async ({ page }) => {
  const problems = watchProblems(page);
  await registerAccount(page, { name: "Camille Martin", email: uniqueEmail("camille"), organization: "Atelier Martin" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByRole("heading", { name: "Set up your business", level: 1 })).toBeVisible();
  await expect(step(page, 1)).toBeVisible();
  await expect(page.getByLabel("Business name")).toHaveValue("Atelier Martin");

  // Before anything is chosen: the browser's country and what goes with it, not the database's USD,
  // UTC and en-US (nor the list's first entries).
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("FR");
  await expect(page.getByLabel("Default currency")).toHaveValue("EUR");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Paris");
  await expect(page.getByLabel("Language and number format")).toHaveValue("fr-FR");

  // Japan first, then France: each choice proposes its own currency, language and zone.
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "Japan" });
  await expect(page.getByLabel("Default currency")).toHaveValue("JPY");
  await expect(page.getByLabel("Language and number format")).toHaveValue("ja-JP");
  await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Tokyo");
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "France" });
  await expect(page.getByLabel("Default currency")).toHaveValue("EUR");
  await expect(page.getByLabel("Language and number format")).toHaveValue("fr-FR");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Paris");
  await expect(page.getByText("For France: EUR, French (France) · fr-FR, Europe/Paris.")).toBeVisible();
  await expectNoSeriousViolations(page, "onboarding step 1");
  await page.getByRole("button", { name: "Save and continue" }).click();

  // Step 2: focus moves to its heading. Back shows step 1 as it was; forward again keeps what was typed.
  await expect(step(page, 2)).toBeFocused();
  await page.getByLabel("Street address").fill("12 rue de Rivoli");
  await page.getByRole("button", { name: "Back" }).click();
  await expect(step(page, 1)).toBeFocused();
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("FR");
  await expect(page.getByLabel("Default currency")).toHaveValue("EUR");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByLabel("Street address")).toHaveValue("12 rue de Rivoli");
  // The city is required: a clear message on the field, nothing saved.
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByLabel("City")).toHaveAccessibleDescription("Enter the city.");
  await page.getByLabel("City").fill("Paris");
  await page.getByLabel("Postal code").fill("75001");
  await page.getByLabel(/^Tax ID/).fill("FR40303265045");
  await expectNoSeriousViolations(page, "onboarding step 2");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(step(page, 3)).toBeFocused();

  // A refresh resumes at the first step not done.
  await page.reload();
  await expect(step(page, 3)).toBeVisible();
  await expect(step(page, 1)).toBeHidden();

  // Step 3: the IBAN is checked as in Settings.
  await page.getByLabel("IBAN").fill("FR76 3000 6000 0112 3456 7890 188");
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page.getByLabel("IBAN")).toHaveAccessibleDescription(/Enter a valid IBAN/);
  await page.getByLabel("IBAN").fill("FR76 3000 6000 0112 3456 7890 189");
  await page.getByLabel("BIC").fill("AGRIFRPP");
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
  await expect(page.getByRole("button", { name: "Upload logo" })).toBeEnabled();
  await page.getByLabel(/^Logo \(PNG/).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByRole("img", { name: "Current logo" })).toBeVisible();
  await expectNoSeriousViolations(page, "onboarding step 3");
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // The checklist, from what is stored: the four setup items done, the customer and invoice to do (owner: 7 items).
  await expect(page.getByText("4 of 7 done.")).toBeVisible();
  for (const done of ["Business name and country", "Address and tax ID", "Bank details", "Logo"]) await expect(checklistItem(page, done)).toContainText("Done");
  for (const todo of ["Add a customer", "Create your first invoice", "Invite your team"]) await expect(checklistItem(page, todo)).toContainText("To do");
  await expectNoSeriousViolations(page, "dashboard checklist");

  // What was chosen is what Settings shows.
  await page.goto("/settings");
  await expect(page.getByLabel("Country code")).toHaveValue("FR");
  await expect(page.getByLabel("Default currency")).toHaveValue("EUR");
  await expect(page.getByLabel("Language and number format")).toHaveValue("fr-FR");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Paris");
  await expect(page.getByLabel("VAT ID")).toHaveValue("FR40303265045");
  await expect(page.getByLabel("IBAN")).toHaveValue("FR7630006000011234567890189");
  expect(problems).toEqual([]);
});

test("leaving after step 1 leaves a usable organisation; step 3 can be skipped and the checklist shows bank details still to do", async ({ page }) => {
  await registerAccount(page, { name: "Jonas Weber", email: uniqueEmail("jonas"), organization: "Weber Werkstatt" });
  await expect(page).toHaveURL(/\/onboarding$/);
  // A German business set up from a French browser: Germany's language and zone, not the browser's.
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "Germany" });
  await expect(page.getByLabel("Default currency")).toHaveValue("EUR");
  await expect(page.getByLabel("Language and number format")).toHaveValue("de-DE");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(step(page, 2)).toBeVisible();

  // Leave: the organisation works (its first invoice is in euros) and the checklist has the first step done.
  await page.goto("/dashboard");
  await expect(page.getByText("1 of 7 done.")).toBeVisible();
  await expect(checklistItem(page, "Business name and country")).toContainText("Done");
  await expect(checklistItem(page, "Address and tax ID")).toContainText("To do");
  await page.goto("/invoices/new");
  await expect(page.getByLabel("Currency", { exact: true })).toHaveValue("EUR");

  // Coming back resumes at step 2.
  await page.goto("/onboarding");
  await expect(step(page, 2)).toBeVisible();
  await page.getByLabel("Street address").fill("Hauptstraße 5");
  await page.getByLabel("City").fill("Berlin");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(step(page, 3)).toBeVisible();
  await page.getByRole("button", { name: "Skip for now" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText("2 of 7 done.")).toBeVisible();
  await expect(checklistItem(page, "Address and tax ID")).toContainText("Done");
  await expect(checklistItem(page, "Bank details")).toContainText("To do");
  // The checklist's link goes back to the step still to do.
  await checklistItem(page, "Bank details").getByRole("link").click();
  await expect(step(page, 3)).toBeVisible();
});

test("a new organisation from the switcher starts with the same first step, then continues the onboarding at step 2", async ({ page }) => {
  await registerAccount(page, { name: "Léa Petit", email: uniqueEmail("lea"), organization: "Petit Conseil" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.goto("/organizations/new");
  // Proposed from the French browser, as in the onboarding.
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("FR");
  await expect(page.getByLabel("Default currency")).toHaveValue("EUR");
  await expect(page.getByLabel("Language and number format")).toHaveValue("fr-FR");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Paris");
  await expect(page.getByLabel("Time zone").locator('option[value="Europe/Paris"]')).toHaveText("Europe/Paris · Central European Time");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByLabel("Business name")).toHaveAccessibleDescription("Enter your business name.");
  await page.getByLabel("Business name").fill("Petit Conseil Belgique");
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "Belgium" });
  await expect(page.getByLabel("Default currency")).toHaveValue("EUR");
  await expect(page.getByLabel("Language and number format")).toHaveValue("fr-BE");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Brussels");
  await expectNoSeriousViolations(page, "new organisation");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(step(page, 2)).toBeVisible();
  await page.goto("/settings");
  await expect(page.getByLabel("Business name")).toHaveValue("Petit Conseil Belgique");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Brussels");
});
