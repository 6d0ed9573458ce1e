/**
 * Decimal fields the app fills in (a saved draft's quantity and price, a balance to record) show the
 * app language's decimal comma to a German user. Shown the English way, "1.125" hours read as one
 * thousand one hundred and twenty-five to them and to the parser once they touched the field: a
 * 1000× line total with no error. The draft is written in an English browser, reopened in German.
 */
import { waitForHydration } from "./hydration";
import { expect, test } from "./test";
import { createCustomer, registerAccount, saveDraftInvoice, uniqueEmail } from "./support";

test.use({ locale: "de-DE" });

test("a German user reopening a draft sees 1,125 hours and keeps them when editing", async ({ browser, page }) => {
  test.setTimeout(240_000);
  const english = await browser.newContext({ locale: "en-US" });
  const setup = await english.newPage();
  await registerAccount(setup, { name: "Greta German", email: uniqueEmail("german-decimals"), organization: "Greta GmbH" });
  await expect(setup).toHaveURL(/\/onboarding$/);
  await createCustomer(setup, { name: "Nordwind Handel" });
  await saveDraftInvoice(setup, { customer: "Nordwind Handel", currency: "USD", lines: [{ description: "Beratung", quantity: "1.125", price: "1600.00" }] });
  const draftUrl = new URL(setup.url()).pathname;
  await page.context().addCookies(await english.cookies());
  await english.close();

  await page.goto(`${draftUrl}/edit`);
  const editor = page.getByRole("form", { name: "Rechnungseditor" });
  await waitForHydration(editor.getByRole("button", { name: "Entwurf speichern" }));
  const line = editor.getByRole("listitem", { name: "Position 1" });
  const quantity = line.getByLabel("Menge");
  await expect(quantity).toHaveValue("1,125");
  await expect(line.getByLabel("Einzelpreis (USD)")).toHaveValue("1600,00");

  // A correction of the last digit, as people make them: 1,12 then 1,125 again.
  await quantity.click();
  await quantity.press("End");
  await quantity.press("Backspace");
  await quantity.press("5");
  await expect(quantity).toHaveValue("1,125");
  // 1.125 × $1,600.00 = $1,800.00 (the organisation writes amounts en-US).
  await expect(editor.getByRole("region", { name: "Summen" }).getByTestId("total")).toHaveText("$1,800.00");
  await editor.getByRole("group", { name: "Speichern" }).getByRole("button", { name: "Entwurf speichern" }).click();
  await expect(page).toHaveURL(new RegExp(`${draftUrl}(\\?.*)?$`), { timeout: 30_000 });
  await expect(page.getByTestId("document-total")).toHaveText("$1,800.00");

  // Issued, the payment dialog proposes the balance the German way.
  await waitForHydration(page.getByRole("button", { name: "Rechnung ausstellen" }));
  await page.getByRole("button", { name: "Rechnung ausstellen" }).click();
  await waitForHydration(page.getByRole("button", { name: "Zahlung erfassen" }));
  await page.getByRole("button", { name: "Zahlung erfassen" }).click();
  await expect(page.getByLabel("Betrag (USD)")).toHaveValue("1800,00");
  await page.getByRole("button", { name: "Zahlung speichern" }).click();
  await expect(page.getByTestId("document-balance")).toHaveText("$0.00", { timeout: 20_000 });
});
