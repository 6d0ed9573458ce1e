import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./test";
import { createCustomer, issueInvoice, registerAccount, saveDraftInvoice, uniqueEmail } from "./support";

// The browser asks for German and the user has not chosen a language: the app answers in German.
test.use({ locale: "de-DE" });

test("a German browser sees the invoices list, the dashboard and the reports in German", async ({ browser, page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  // The setup goes through other areas' screens (sign-up, editor) in English, in a context of its
  // own; the German page then shares its session cookie, so only this area's words are asserted.
  const english = await browser.newContext({ locale: "en-US" });
  const setup = await english.newPage();
  await registerAccount(setup, { name: "Greta German", email: uniqueEmail("german-lists"), organization: "Greta GmbH" });
  await expect(setup).toHaveURL(/\/onboarding$/);
  await page.context().addCookies(await english.cookies());

  // Nothing yet: the empty list and the dashboard's first steps.
  await page.goto("/invoices");
  await expect(page).toHaveTitle(/Rechnungen/);
  await expect(page.getByRole("heading", { name: "Rechnungen", level: 1 })).toBeVisible();
  await expect(page.getByText("Noch keine Rechnungen.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Erste Rechnung erstellen" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Erste Schritte" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Kunden anlegen" })).toBeVisible();

  await createCustomer(setup, { name: "Nordwind Handel" });
  await saveDraftInvoice(setup, { customer: "Nordwind Handel", currency: "USD", lines: [{ description: "Beratung", price: "100.00" }] });
  await issueInvoice(setup);
  await saveDraftInvoice(setup, { customer: "Nordwind Handel", currency: "USD", lines: [{ description: "Wartung", price: "50.00" }] });
  await english.close();

  // The list: status tabs with counts, German column headers, the Filters button and its form.
  await page.goto("/invoices");
  const tabs = page.getByRole("navigation", { name: "Rechnungen nach Status" });
  await expect(tabs.getByRole("link")).toHaveText([/^Alle\s*2$/, /^Entwurf\s*1$/, /^Offen\s*1$/, /^Überfällig\s*0$/, /^Bezahlt\s*0$/]);
  await expect(tabs.getByRole("link", { name: /^Alle/ })).toHaveAttribute("aria-current", "page");
  const table = page.getByRole("table", { name: "Rechnungen, Seite 1 von 1" });
  for (const header of ["Nummer", "Kunde", "Datum", "Fällig", "Status", "Summe", "Offen"]) {
    await expect(table.getByRole("columnheader", { name: new RegExp(`^${header}`) })).toBeVisible();
  }
  await expect(table.getByRole("rowheader", { name: "Entwurf" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Neue Rechnung" })).toBeVisible();
  await expect(page.getByRole("link", { name: "CSV exportieren" })).toBeVisible();
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(page.getByRole("search", { name: "Rechnungen filtern" })).toBeVisible();
  await expect(page.getByLabel("Nummer oder Kunde suchen")).toBeVisible();
  await expect(page.getByLabel("Währung", { exact: true })).toHaveValue("");
  await expect(page.getByRole("button", { name: "Filter anwenden" })).toBeVisible();
  await expectNoSeriousViolations(page, "invoices list in German");

  // A tab with nothing in it: the empty state names the status and leads back to all invoices.
  await tabs.getByRole("link", { name: /^Überfällig/ }).click();
  await expect(page.getByText("Keine Rechnungen mit dem Status „Überfällig“.")).toBeVisible();
  await page.getByRole("link", { name: "Alle Rechnungen anzeigen" }).click();
  await expect(page).toHaveURL(/\/invoices$/);

  // The dashboard: headings, the period navigation and counted details in German.
  await page.goto("/dashboard");
  await expect(page).toHaveTitle(/Übersicht/);
  for (const heading of ["Fakturiert", "Eingenommen", "Ausstehend", "Überfällig", "Fakturiert und eingenommen, letzte 12 Monate (USD)", "Altersstruktur der Forderungen, heute", "Demnächst fällig", "Wiederkehrende Rechnungen", "Top-Kunden nach überfälligem Betrag", "Letzte Aktivitäten"]) {
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("navigation", { name: "Zeitraum" }).getByRole("link", { name: "Letzte 30 Tage" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("figure-invoiced")).toHaveText("$100.00");
  await expect(page.getByTestId("detail-invoiced")).toHaveText("1 Rechnung");
  await expect(page.getByRole("button", { name: "Über Ausstehend" })).toBeVisible();
  await expect(page.getByText("Zahlen als Tabelle anzeigen")).toBeVisible();
  await expectNoSeriousViolations(page, "dashboard in German");

  // The reports: their names, the chosen report's table and the download.
  await page.goto("/reports");
  await expect(page).toHaveTitle(/Berichte/);
  await expect(page.getByRole("heading", { name: "Berichte", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Altersstruktur nach Kunde", level: 2 })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Noch nicht fällig" })).toBeVisible();
  await expect(page.getByRole("link", { name: "CSV herunterladen" })).toBeVisible();
  await page.getByRole("navigation", { name: "Berichte" }).getByRole("link", { name: "Umsatz nach Kunde" }).click();
  await expect(page.getByRole("heading", { name: "Umsatz nach Kunde", level: 2 })).toBeVisible();
  await expect(page.getByText("Gutschriften sind abgezogen; Entwürfe und stornierte Dokumente sind nicht enthalten.", { exact: false })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Netto" })).toBeVisible();
  await expectNoSeriousViolations(page, "reports in German");
});
