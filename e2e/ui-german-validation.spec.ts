import { expectNoSeriousViolations } from "./axe";
import { waitForHydration } from "./hydration";
import { registerAccount, uniqueEmail } from "./support";
import { expect, test } from "./test";

// The browser asks for German and the user has not chosen: the schemas' field errors (English ids,
// lib/validation) reach the person in German. The expected German is written out by hand.
test.use({ locale: "de-DE" });

test("German browser: form field errors in German", async ({ page }) => {
  test.setTimeout(180_000);
  await registerAccount(page, { name: "Vera Valid", email: uniqueEmail("uiv-de"), organization: "Vera GmbH" });
  await expect(page).toHaveURL(/\/onboarding$/);

  // The customer form submitted empty: the name is required.
  await page.goto("/customers/new");
  const create = page.getByRole("button", { name: "Kunde anlegen" });
  await waitForHydration(create);
  await create.click();
  await expect(page.getByText("Geben Sie den Namen des Kunden ein.")).toBeVisible();
  await expect(page.getByText("Enter the customer's name.")).toHaveCount(0);
  await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");

  // A value the schema refuses, worded while typing (errors follow the input after a submit).
  await page.getByLabel("Name", { exact: true }).fill("Zephyr Tee GmbH");
  await expect(page.getByText("Geben Sie den Namen des Kunden ein.")).toHaveCount(0);
  await page.getByLabel("E-Mail", { exact: true }).fill("keine-adresse");
  await create.click();
  await expect(page.getByText("Geben Sie eine gültige E-Mail-Adresse ein, etwa name@example.com.")).toBeVisible();
  await expectNoSeriousViolations(page, "customer form errors (German)");

  // The item form: the name and a price, in the words of the form.
  await page.goto("/items/new");
  const createItem = page.getByRole("button", { name: "Artikel anlegen" });
  await waitForHydration(createItem);
  await createItem.click();
  await expect(page.getByText("Geben Sie den Namen des Artikels ein.")).toBeVisible();
  await expect(page.getByText("Geben Sie einen Preis ein, etwa 120,00.")).toBeVisible();
});
