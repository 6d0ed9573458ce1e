/**
 * Messages the services raise (AppError) and the success messages of actions, which speak English
 * in the code, reach a German user in German (lib/i18n/app-messages.ts at the action boundary).
 * The account, the customer and the invoice are set up in an English browser, as in
 * ui-german-document.spec.ts; the German is written out by hand.
 */
import { waitForHydration } from "./hydration";
import { expect, test } from "./test";
import { completeOnboarding, createCustomer, issueInvoice, registerAccount, saveDraftInvoice, toast, uniqueEmail } from "./support";

test.use({ locale: "de-DE" });

test("a German user reads a refusal of the data layer, Stripe's answers and a success in German", async ({ browser, page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const english = await browser.newContext({ locale: "en-US" });
  const setup = await english.newPage();
  await registerAccount(setup, { name: "Mona Meldung", email: uniqueEmail("german-messages"), organization: "Meldung GmbH" });
  await expect(setup).toHaveURL(/\/onboarding$/);
  await completeOnboarding(setup, { currency: "EUR" });
  await createCustomer(setup, { name: "Südwind AG" });
  await saveDraftInvoice(setup, { customer: "Südwind AG", currency: "EUR", lines: [{ description: "Wartung", price: "300.00" }] });
  const { url } = await issueInvoice(setup);
  await page.context().addCookies(await english.cookies());
  await english.close();

  // A payment, then "void": the data layer refuses (an invoice with payments is not voided).
  await page.goto(url);
  const record = page.getByRole("button", { name: "Zahlung erfassen" });
  await waitForHydration(record);
  await record.click();
  await page.getByLabel("Betrag (EUR)").fill("100.00");
  await page.getByRole("button", { name: "Zahlung speichern" }).click();
  await expect(page.getByTestId("document-balance")).toHaveText("€200.00", { timeout: 20_000 });
  await page.getByRole("button", { name: "Weitere Aktionen" }).click();
  await page.getByRole("menuitem", { name: "Stornieren…" }).click();
  const voiding = page.getByRole("dialog", { name: "Dieses Dokument stornieren" });
  await voiding.getByLabel("Grund").fill("Doppelt erfasst");
  await voiding.getByRole("button", { name: "Stornieren", exact: true }).click();
  await expect(voiding.getByText("Zu dieser Rechnung gibt es Zahlungen. Löschen Sie sie oder stellen Sie stattdessen eine Gutschrift aus.", { exact: true })).toBeVisible();
  await expect(page.getByText("This invoice has payments.", { exact: false })).toHaveCount(0);
  await voiding.getByRole("button", { name: "Abbrechen" }).click();

  // Deleting the payment: the success toast is in German too.
  await page.getByRole("button", { name: /^Zahlung €100\.00 vom .+ löschen$/ }).click();
  await page.getByRole("dialog", { name: "Diese Zahlung löschen?" }).getByRole("button", { name: "Zahlung löschen" }).click();
  await expect(toast(page, "Zahlung gelöscht; der offene Betrag ist wiederhergestellt.")).toBeVisible();
  await expect(page.getByTestId("document-balance")).toHaveText("€300.00");

  // Stripe: a refused key (field and form message), then a connection and a success that were English before.
  await page.goto("/settings/payments");
  const key = page.getByLabel("Eingeschränkter Schlüssel");
  await waitForHydration(key);
  await key.fill("rk_test_invalidKey12345");
  await page.getByLabel("Webhook-Signaturgeheimnis").fill("whsec_e2e_german_secret_1");
  await page.getByRole("button", { name: "Stripe verbinden" }).click();
  await expect(page.getByText("Stripe hat diesen Schlüssel nicht akzeptiert. Es wurde nichts gespeichert.")).toBeVisible();
  await expect(page.getByText(/^Stripe hat diesen Schlüssel nicht akzeptiert: Er ist vielleicht vertippt, erneuert oder gelöscht\./)).toBeVisible();
  await expect(page.getByText(/Stripe did not accept this key/)).toHaveCount(0);

  await key.fill("rk_test_e2eGermanKey9012");
  await page.getByRole("button", { name: "Stripe verbinden" }).click();
  await expect(page.getByRole("heading", { name: "Stripe ist verbunden" })).toBeVisible();
  const save = page.getByRole("button", { name: "Zahlungsoptionen speichern" });
  await waitForHydration(save);
  await save.click();
  await expect(page.getByText("Zahlungsoptionen gespeichert.")).toBeVisible();
  await expect(page.getByText("Payment options saved.")).toHaveCount(0);
});
