/**
 * Issue 20 §4: the app UI in German. A user whose browser asks for German (and who has not chosen a
 * language) sets up a recurring invoice in the German editor and reads its page, schedule in words
 * included, in German. The account and the customer are set up in an English browser (other
 * surfaces'). The expected German is written out by hand.
 */
import { expectNoSeriousViolations } from "./axe";
import { waitForHydration } from "./hydration";
import { expect, test } from "./test";
import { createCustomer, registerAccount, uniqueEmail } from "./support";

test.use({ locale: "de-DE" });

test("a German browser gets the recurring editor, the profile page and its schedule in words in German", async ({ browser, page }) => {
  test.setTimeout(240_000);
  const english = await browser.newContext({ locale: "en-GB" });
  const setup = await english.newPage();
  await registerAccount(setup, { name: "Greta German", email: uniqueEmail("recur-de"), organization: "Greta GmbH" });
  await expect(setup).toHaveURL(/\/onboarding$/);
  await createCustomer(setup, { name: "Nordwind" });
  await page.context().addCookies(await english.cookies());
  await english.close();

  await page.goto("/recurring/new");
  await expect(page).toHaveTitle(/^Neue wiederkehrende Rechnung/);
  await expect(page.getByRole("heading", { level: 1, name: "Neue wiederkehrende Rechnung" })).toBeVisible();
  const editor = page.getByRole("form", { name: "Editor für wiederkehrende Rechnungen" });
  const save = editor.getByRole("button", { name: "Wiederkehrende Rechnung speichern" });
  await waitForHydration(save);
  await editor.getByLabel("Bezeichnung").fill("Wartungsvertrag");
  await editor.getByLabel("Kunde", { exact: true }).selectOption({ label: "Nordwind" });
  await editor.getByLabel("Währung").selectOption("EUR");
  for (const heading of ["Zeitplan", "Rabatt und Hinweise", "Je Rechnung"]) await expect(editor.getByRole("heading", { level: 2, name: heading })).toBeVisible();

  // Every second week on Friday: the labels and the weekday names follow the frequency, in German.
  await editor.getByLabel("Wiederholung").selectOption({ label: "Wöchentlich" });
  const every = editor.getByLabel("Abstand in Wochen");
  await expect(every).toBeVisible();
  await expect(editor.getByText("1 = jede Woche, 2 = jede zweite.")).toBeVisible();
  await every.fill("2");
  await editor.getByLabel("Wochentag").selectOption({ label: "Freitag" });
  await expect(editor.getByRole("group", { name: "Endet" }).getByLabel("Nie")).toBeChecked();
  await expect(editor.getByRole("heading", { level: 3, name: "Die nächsten 12 Termine" })).toBeVisible();
  await expect(editor.getByRole("list", { name: "Nächste Termine" }).getByRole("listitem")).toHaveCount(12);
  await expect(editor.getByText("Termine sind Kalendertage in der Zeitzone Ihrer Organisation.")).toBeVisible();
  await expect(editor.getByText(/^In Positionsbeschreibungen und Hinweisen werden \{period\}, \{month\}, \{year\}, \{period_start\} und \{period_end\} durch den Zeitraum ersetzt/)).toBeVisible();

  const line = editor.getByRole("listitem", { name: "Position 1" });
  await line.getByLabel("Beschreibung Position 1").fill("Wartung {month} {year}");
  await line.getByLabel("Einzelpreis (EUR)").fill("250.00");
  await editor.getByLabel("Die Rechnung ausstellen (nummeriert, ohne E-Mail)").check();
  await expect(editor.getByLabel("Zahlungsziel (Tage)")).toBeVisible();
  const bar = editor.getByRole("group", { name: "Speichern" });
  await expect(bar).toContainText("Je Rechnung");
  await expect(bar.getByTestId("running-total")).toHaveText("€250.00");
  await expectNoSeriousViolations(page, "recurring editor (German)");
  await save.click();

  // The profile page: the schedule in words, its dates and the (empty) history.
  await expect(page).toHaveURL(/\/recurring\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const profileUrl = page.url();
  await expect(page).toHaveTitle(/^Wiederkehrende Rechnung/);
  await expect(page.getByRole("heading", { level: 1, name: "Wartungsvertrag" })).toBeVisible();
  await expect(page.getByText("€250.00 je Rechnung")).toBeVisible();
  const schedule = page.getByRole("region", { name: "Zeitplan" });
  await expect(schedule.getByRole("term")).toHaveText(["Wiederholung", "Beginnt", "Endet", "Nächstes Datum", "An jedem Termin", "Zahlungsziel"]);
  await expect(schedule.getByRole("definition").nth(0)).toHaveText("Alle 2 Wochen am Freitag");
  await expect(schedule.getByRole("definition").nth(2)).toHaveText("Nie");
  await expect(schedule.getByRole("definition").nth(4)).toHaveText("Stellt die Rechnung aus (ohne E-Mail)");
  await expect(schedule.getByRole("definition").nth(5)).toHaveText(/^\d+ Tage?$/);
  await expect(schedule.getByRole("heading", { level: 3, name: "Nächste 12 Termine" })).toBeVisible();
  await expect(schedule.getByRole("list", { name: "Nächste Termine" }).getByRole("listitem")).toHaveCount(12);
  await expect(page.getByRole("heading", { level: 2, name: "Positionen" })).toBeVisible();
  await expect(page.getByText("Je Rechnung (mit Rabatten und Steuern)")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Verlauf" })).toBeVisible();
  await expect(page.getByText("Noch keine Rechnungen: Die erste wird am nächsten Termin erstellt.")).toBeVisible();
  await expect(page.getByText("Änderungen gelten nur für künftige Rechnungen. Während der Pause werden Termine übersprungen; nach dem Fortsetzen geht es ab heute weiter.")).toBeVisible();
  await expectNoSeriousViolations(page, "recurring profile (German)");

  // Pause and resume answer in German.
  const pause = page.getByRole("button", { name: "Pausieren" });
  await waitForHydration(pause);
  await pause.click();
  await expect(page.getByRole("main").getByRole("status").first()).toContainText("Pausiert: Es werden keine Rechnungen erstellt, bis Sie sie fortsetzen.");
  await expect(page.getByTestId("next-date")).toHaveText("Pausiert");
  await page.getByRole("button", { name: "Fortsetzen" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toContainText("Fortgesetzt");
  await page.getByRole("button", { name: "Beenden…" }).click();
  const confirm = page.getByRole("group", { name: "Beenden bestätigen" });
  await expect(confirm.getByRole("button", { name: "Ja, beenden" })).toBeVisible();
  await confirm.getByRole("button", { name: "Behalten" }).click();

  // The list says the schedule the same way; the edit page is German too.
  await page.goto("/recurring");
  const row = page.getByRole("row").filter({ hasText: "Wartungsvertrag" });
  await expect(row.getByRole("cell").nth(1)).toHaveText("Alle 2 Wochen am Freitag");
  await page.goto(`${profileUrl}/edit`);
  await expect(page).toHaveTitle(/^Wiederkehrende Rechnung bearbeiten/);
  await expect(page.getByRole("heading", { level: 1, name: "Wiederkehrende Rechnung bearbeiten" })).toBeVisible();
  await expect(page.getByText("Änderungen gelten nur für künftige Rechnungen; bereits erstellte Rechnungen bleiben, wie sie sind.")).toBeVisible();
  await expect(page.getByLabel("Wochentag")).toHaveValue("5");
  await expect(page.getByRole("button", { name: "Änderungen speichern" })).toBeVisible();
});
