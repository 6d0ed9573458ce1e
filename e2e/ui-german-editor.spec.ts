/**
 * Issue 20 §4: the app UI in German. A user whose browser asks for German (and who has not chosen a
 * language) writes an invoice in the editor, saves it, and reviews and sends it, all in German.
 * The account and the customer are set up in an English browser: those screens are other surfaces'.
 */
import { expect, test } from "./test";
import { waitForHydration } from "./hydration";
import { createCustomer, registerAccount, toast, uniqueEmail } from "./support";

test.use({ locale: "de-DE" });

test("a German browser gets the editor, the status badge and Review & send in German", async ({ browser, page }) => {
  test.setTimeout(240_000);
  const english = await browser.newContext({ locale: "en-GB" });
  const setup = await english.newPage();
  await registerAccount(setup, { name: "Greta German", email: uniqueEmail("greta"), organization: "Greta GmbH" });
  await expect(setup).toHaveURL(/\/onboarding$/);
  const clientEmail = uniqueEmail("kunde");
  await createCustomer(setup, { name: "Nordwind", email: clientEmail });
  const customerUrl = setup.url();
  // The same signed-in session, now in the German browser.
  await page.context().addCookies(await english.cookies());
  await english.close();

  // The customer's page: its actions, the reminder line and the delete dialog.
  await page.goto(customerUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Nordwind" })).toBeVisible();
  await expect(page.getByText("Zahlungserinnerungen an diesen Kunden folgen Ihrem Zeitplan.")).toBeVisible();
  await expect(page.getByLabel("Zahlung zugesagt für")).toBeVisible();
  await expect(page.getByRole("button", { name: "Zahlungserinnerungen bis dahin pausieren" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Archivieren" })).toBeVisible();
  const remove = page.getByRole("button", { name: "Löschen", exact: true });
  await waitForHydration(remove);
  await remove.click();
  const confirm = page.getByRole("dialog", { name: "Nordwind löschen?" });
  await expect(confirm.getByRole("button", { name: "Kunden löschen" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);

  await page.goto("/invoices/new");
  await expect(page).toHaveTitle(/^Neue Rechnung/);
  await expect(page.getByRole("heading", { level: 1, name: "Neue Rechnung" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Vorschau · so erhält Ihr Kunde das Dokument" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Dokumentvorschau" })).toBeVisible();
  const editor = page.getByRole("form", { name: "Rechnungseditor" });
  await waitForHydration(editor.getByRole("button", { name: "Entwurf speichern" }));
  await editor.getByLabel("Kunde", { exact: true }).selectOption({ label: "Nordwind" });
  await editor.getByLabel("Währung").selectOption("EUR");
  await expect(editor.getByLabel("Rechnungsdatum")).toBeVisible();
  await expect(editor.getByLabel("Fälligkeitsdatum")).toBeVisible();
  await expect(editor.getByRole("heading", { name: "Positionen" })).toBeVisible();

  const line1 = editor.getByRole("listitem", { name: "Position 1" });
  await line1.getByLabel("Beschreibung Position 1").fill("Workshop");
  // Typed the German way: "0,500" is a half (English rules read 500), "1.600,00" sixteen hundred.
  await line1.getByLabel("Menge").fill("0,500");
  await line1.getByLabel("Einzelpreis (EUR)").fill("1.600,00");
  await editor.getByRole("button", { name: "Position hinzufügen" }).click();
  await expect(editor.getByRole("listitem", { name: "Position 2" })).toBeVisible();
  await editor.getByRole("button", { name: "Position 2 entfernen" }).click();
  await expect(editor.getByRole("listitem", { name: "Position 2" })).toHaveCount(0);

  // 0.5 × €1,600.00 = €800.00, no tax; the amounts keep the organisation's format (en-US).
  const totals = editor.getByRole("region", { name: "Summen" });
  await expect(totals.getByRole("term")).toHaveText(["Zwischensumme", "Gesamtbetrag"]);
  await expect(totals.getByTestId("subtotal")).toHaveText("€800.00");
  await expect(totals.getByTestId("total")).toHaveText("€800.00");
  const bar = editor.getByRole("group", { name: "Speichern" });
  await expect(bar).toContainText("Summe");
  await expect(bar.getByTestId("running-total")).toHaveText("€800.00");
  await expect(bar.getByRole("button", { name: "Rechnung speichern und ausstellen" })).toBeVisible();
  await bar.getByRole("button", { name: "Entwurf speichern" }).click();
  await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByText("Entwurf", { exact: true }).first()).toBeVisible();
  // What the server stored: the same half of sixteen hundred.
  await expect(page.getByTestId("document-total")).toHaveText("€800.00");

  // Review & send, in German; the email itself stays in the document's language (English here).
  await waitForHydration(page.getByRole("button", { name: "Prüfen & senden" }));
  await expect(page.getByRole("button", { name: "Weitere Aktionen" })).toBeVisible();
  await page.getByRole("button", { name: "Prüfen & senden" }).click();
  const dialog = page.getByRole("dialog", { name: "Prüfen, ausstellen und senden" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("Beim Senden wird der Entwurf zuerst ausgestellt: Er erhält seine Nummer und kann nicht mehr bearbeitet werden.")).toBeVisible();
  await expect(dialog.getByLabel("An", { exact: true })).toHaveValue(clientEmail);
  await expect(dialog.getByLabel("Kopie (CC)")).toBeVisible();
  await expect(dialog.getByLabel("Betreff")).toBeVisible();
  await expect(dialog.getByLabel("Nachricht")).toBeVisible();
  await expect(dialog.getByText("Platzhalter wie {number} und {amount_due} werden ausgefüllt; der Link zum Dokument wird unten angefügt.")).toBeVisible();
  await expect(dialog.getByLabel("PDF anhängen")).toBeChecked();
  await expect(dialog.getByRole("button", { name: "Abbrechen" })).toBeVisible();
  await dialog.getByRole("button", { name: "Ausstellen und senden" }).click();

  await expect(toast(page, `Ausgestellt und für ${clientEmail} eingereiht; sie wird gleich versendet.`)).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText("Versendet", { exact: true }).first()).toBeVisible({ timeout: 20_000 });
  // Sent: the next step is the money.
  await expect(page.getByRole("button", { name: "Zahlung erfassen" })).toHaveClass(/bg-brand-600/);

  // An issued invoice's editor says it is locked.
  const invoiceUrl = page.url();
  await page.goto(`${invoiceUrl}/edit`);
  await expect(page.getByRole("heading", { level: 1, name: "Diese Rechnung ist ausgestellt und gesperrt" })).toBeVisible();

  // The command menu names the invoice in German, its date as German writes it (dd.mm.yyyy).
  await page.goto("/dashboard");
  await waitForHydration(page.getByRole("button", { name: /Suchen…/ }));
  await page.keyboard.press("Control+k");
  const menu = page.getByRole("dialog", { name: "Befehlsmenü" });
  await menu.getByRole("combobox").pressSequentially("Nordwind", { delay: 30 });
  const hit = menu.getByRole("group", { name: "Rechnungen" }).getByRole("option").first();
  await expect(hit).toContainText(/^Rechnung \S+/);
  await expect(hit).toContainText(/Nordwind · Versendet · \d{2}\.\d{2}\.\d{4}/);
  await page.keyboard.press("Escape");

  // Not-found pages: the app's in the user's language, an invalid client link in the browser's.
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1, name: "Diese Seite haben wir nicht gefunden" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Zur Startseite" })).toBeVisible();
  await page.goto("/i/no-such-token");
  await expect(page.getByRole("heading", { level: 1, name: "Dieser Link ist nicht mehr gültig" })).toBeVisible();
});
