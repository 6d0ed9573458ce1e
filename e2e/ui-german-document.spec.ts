/**
 * Issue 20 §4: the app UI in German. An issued invoice's page, for a user whose browser asks for
 * German (and who has not chosen a language): header facts, lines, reminders, payments and the
 * timeline in German. The account and the invoice are set up in an English browser: those screens
 * are other surfaces'.
 */
import { expectNoSeriousViolations } from "./axe";
import { waitForHydration } from "./hydration";
import { expect, test } from "./test";
import { createCustomer, issueInvoice, registerAccount, saveDraftInvoice, toast, uniqueEmail } from "./support";

test.use({ locale: "de-DE" });

test("a German browser sees an issued invoice's page, its reminders, payments and timeline in German", async ({ browser, page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const english = await browser.newContext({ locale: "en-US" });
  const setup = await english.newPage();
  await registerAccount(setup, { name: "Greta German", email: uniqueEmail("german-document"), organization: "Greta GmbH" });
  await expect(setup).toHaveURL(/\/onboarding$/);
  await createCustomer(setup, { name: "Nordwind Handel" });
  await saveDraftInvoice(setup, { customer: "Nordwind Handel", currency: "USD", lines: [{ description: "Beratung", price: "100.00", quantity: "2" }] });
  const { number, url } = await issueInvoice(setup);
  await page.context().addCookies(await english.cookies());
  await english.close();

  await page.goto(url);
  await expect(page).toHaveTitle(/Rechnung/);
  await expect(page.getByRole("heading", { name: `Rechnung ${number}`, level: 1 })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Rechnungen", exact: true })).toBeVisible();
  await expect(page.getByRole("main").getByText(/Ausgestellt\s*für\s*Nordwind Handel/).first()).toBeVisible();
  for (const term of ["Datum", "Fällig", "Gesamtbetrag", "Offener Betrag"]) {
    await expect(page.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) }).first()).toBeVisible();
  }

  // The lines: German column headers and totals rows; amounts keep the organisation's format.
  const lines = page.getByRole("region", { name: "Positionen" });
  for (const header of ["Beschreibung", "Menge", "Einzelpreis", "Steuern", "Betrag"]) {
    await expect(lines.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  }
  await expect(lines.getByRole("term")).toHaveText(["Zwischensumme", "Gesamtbetrag", "Offener Betrag"]);
  await expect(lines.getByTestId("total")).toHaveText("$200.00");

  // Reminders are off for a new organisation: the panel says so and points to the settings.
  const reminders = page.getByRole("region", { name: "Zahlungserinnerungen" });
  await expect(reminders.getByTestId("reminder-status")).toHaveText(
    "Automatische Zahlungserinnerungen sind für Ihre Organisation ausgeschaltet (Einstellungen → Zahlungserinnerungen).",
  );
  await expect(reminders.getByRole("link", { name: "Einstellungen → Zahlungserinnerungen" })).toHaveAttribute("href", "/settings/reminders");

  const timeline = page.getByRole("region", { name: "Verlauf" });
  await expect(timeline).toContainText("Erstellt von Greta German");
  await expect(timeline).toContainText(`Ausgestellt von Greta German als ${number}`);
  await expectNoSeriousViolations(page, "issued invoice page in German");

  // A payment: listed with its method in German, and in the timeline.
  await waitForHydration(page.getByRole("button", { name: "Zahlung erfassen" }));
  await page.getByRole("button", { name: "Zahlung erfassen" }).click();
  // The balance is proposed the German way (200,00), and "40.00" typed the English way still reads as forty.
  await expect(page.getByLabel("Betrag (USD)")).toHaveValue("200,00");
  await page.getByLabel("Betrag (USD)").fill("40.00");
  await page.getByRole("button", { name: "Zahlung speichern" }).click();
  const payments = page.getByRole("region", { name: "Zahlungen" });
  await expect(payments).toContainText("Überweisung", { timeout: 20_000 });
  await expect(payments.getByRole("button", { name: /^Zahlung \$40\.00 vom .+ löschen$/ })).toBeVisible();
  await expect(timeline).toContainText("Zahlung erfasst von Greta German ($40.00)");
  await expect(page.getByTestId("document-balance")).toHaveText("$160.00");
  await expect(lines.getByRole("term")).toHaveText(["Zwischensumme", "Gesamtbetrag", "Bezahlt", "Offener Betrag"]);
  await expectNoSeriousViolations(page, "partly paid invoice page in German");
});

test("a German browser reads the job forecast's reminder lines and a draft's e-invoice checks in German", async ({ browser, page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const english = await browser.newContext({ locale: "en-US" });
  const setup = await english.newPage();
  await registerAccount(setup, { name: "Greta German", email: uniqueEmail("german-checks"), organization: "Greta GmbH" });
  await expect(setup).toHaveURL(/\/onboarding$/);
  // Reminders on (default steps -3, 0, 7, 14, 30) and an invoice due in 30 days (the default terms).
  await setup.goto("/settings/reminders");
  await setup.getByLabel("Send payment reminders automatically").check();
  await setup.getByRole("button", { name: "Save reminders" }).click();
  await expect(setup.getByRole("main").getByRole("status")).toContainText("Reminders are on.");
  await createCustomer(setup, { name: "Nordwind Handel" });
  await saveDraftInvoice(setup, { customer: "Nordwind Handel", currency: "EUR", lines: [{ description: "Beratung", price: "100.00" }] });
  const { number } = await issueInvoice(setup);
  // A public buyer who takes XRechnung, without its Leitweg-ID: the draft lists what is missing.
  await setup.goto("/customers/new");
  await setup.getByLabel("Name", { exact: true }).fill("Bezirksamt Nord");
  await setup.getByLabel("E-invoice format").selectOption({ label: "XRechnung 3.0 (UBL)" });
  await setup.getByRole("button", { name: "Create customer" }).click();
  await expect(setup.getByRole("heading", { name: "Bezirksamt Nord", level: 1 })).toBeVisible();
  await saveDraftInvoice(setup, { customer: "Bezirksamt Nord", currency: "EUR", lines: [{ description: "Wartung", price: "50.00" }] });
  const draftUrl = setup.url();
  await page.context().addCookies(await english.cookies());
  await english.close();

  // The forecast names the invoice and its step in German (the step as Settings → Reminders words it).
  await page.goto("/settings/jobs");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  const forecast = page.getByTestId("jobs-forecast");
  await expect(forecast.getByRole("link", { name: `${number}: 3 Tage vor dem Fälligkeitsdatum` })).toBeVisible();
  await expect(forecast.getByRole("link", { name: `${number}: Am Fälligkeitsdatum` })).toBeVisible();
  await expect(forecast).not.toContainText("due date");

  // The draft's e-invoice panel: the checks in German, each with where to fix it.
  await page.goto(draftUrl);
  const panel = page.getByTestId("einvoice-panel");
  await expect(panel.getByRole("heading", { name: "E-Rechnung: XRechnung 3.0 (UBL)" })).toBeVisible();
  const problems = panel.getByTestId("einvoice-problems");
  await expect(problems).toContainText("Für XRechnung ist die Käuferreferenz (Leitweg-ID) erforderlich.");
  await expect(problems).toContainText("Für XRechnung fehlt die Straße des Kunden (Anschrift des Käufers).");
  await expect(problems.getByRole("link", { name: "Kunde" }).first()).toBeVisible();
  await expect(problems.getByRole("link", { name: "Einstellungen" }).first()).toBeVisible();
  await expect(problems).not.toContainText("is required");
  await expectNoSeriousViolations(page, "e-invoice checks in German");

  // Issuing is refused with the same problems, in German (lib/einvoice/check-words.ts through the action's message).
  await waitForHydration(page.getByRole("button", { name: "Rechnung ausstellen" }));
  await page.getByRole("button", { name: "Rechnung ausstellen" }).click();
  const refusal = toast(page, "Diese Rechnung kann noch nicht als XRechnung 3.0 (UBL) ausgestellt werden. Beheben Sie zuerst:");
  await expect(refusal).toContainText("Für XRechnung ist die Käuferreferenz (Leitweg-ID) erforderlich.");
  await expect(refusal).not.toContainText("Fix these first");
  await expect(page.getByRole("heading", { level: 1, name: /Entwurf/ })).toBeVisible();
});
