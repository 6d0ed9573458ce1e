import { expectNoSeriousViolations } from "./axe";
import { waitForHydration } from "./hydration";
import { registerAccount, uniqueEmail } from "./support";
import { expect, test } from "./test";

// The browser asks for German and the user has not chosen: customers, items, the command menu and
// recurring invoices are in German. The expected German is written out by hand.
test.use({ locale: "de-DE" });

test("German browser: customers list and form, items, command menu and recurring list in German", async ({ page }) => {
  test.setTimeout(180_000);
  await registerAccount(page, { name: "Greta German", email: uniqueEmail("uic-de"), organization: "Greta GmbH" });
  await expect(page).toHaveURL(/\/onboarding$/);

  // Customers: the empty list, then the new-customer form.
  await page.goto("/customers");
  await expect(page).toHaveTitle(/^Kunden/);
  await expect(page.getByRole("heading", { level: 1, name: "Kunden" })).toBeVisible();
  await expect(page.getByText("Noch keine Kunden – legen Sie Ihren ersten Kunden an.")).toBeVisible();
  await page.getByRole("link", { name: "Neuer Kunde" }).click();
  await expect(page).toHaveURL(/\/customers\/new$/);
  await expect(page).toHaveTitle(/^Neuer Kunde/);
  await expect(page.getByRole("heading", { level: 1, name: "Neuer Kunde" })).toBeVisible();
  for (const heading of ["Angaben", "Abrechnung", "E-Rechnung"]) await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  await expect(page.getByRole("group", { name: "Ansprechpartner" })).toBeVisible();
  await expect(page.getByLabel("Postleitzahl")).toBeVisible();
  await expect(page.getByLabel("USt-IdNr.")).toBeVisible();
  await expect(page.getByLabel("Zahlungsziel (Tage)")).toHaveAttribute("placeholder", "Standard der Organisation");
  await expect(page.getByText("Nur Ihr Team sieht diese Notizen.")).toBeVisible();
  const add = page.getByRole("button", { name: "Ansprechpartner hinzufügen" });
  await waitForHydration(add);
  await add.click();
  await expect(page.getByLabel("Name von Ansprechpartner 1")).toBeFocused();
  await expect(page.getByRole("button", { name: "Entfernen (Ansprechpartner 1)" })).toBeVisible();
  await page.getByRole("button", { name: "Entfernen (Ansprechpartner 1)" }).click();
  await expectNoSeriousViolations(page, "new customer (German)");
  await page.getByLabel("Name", { exact: true }).fill("Zephyr Tee GmbH");
  await page.getByLabel("E-Mail", { exact: true }).fill("buchhaltung@zephyr-tee.example");
  await page.getByRole("button", { name: "Kunde anlegen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Zephyr Tee GmbH" })).toBeVisible();

  await page.goto("/customers");
  const table = page.getByRole("table");
  // Sortable headers also name their sort order (components/lists, not translated here): match their start.
  for (const header of [/^Name/, /^E-Mail$/, /^Ort$/, /^Angelegt/]) await expect(table.getByRole("columnheader", { name: header })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Zephyr Tee GmbH" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Aktionen" })).toBeAttached();
  await expect(table.locator("caption")).toHaveText("Kunden, Seite 1 von 1");

  // Items: a new item, then the list.
  await page.goto("/items/new");
  await expect(page.getByRole("heading", { level: 1, name: "Neuer Artikel" })).toBeVisible();
  await expect(page.getByText("Noch keine Steuersätze. Ein Administrator kann sie unter Einstellungen → Steuern anlegen.")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Beratungsstunde");
  await page.getByLabel("Einzelpreis").fill("120.00");
  await page.getByLabel("Einheit", { exact: true }).fill("Stunde");
  await page.getByRole("button", { name: "Artikel anlegen" }).click();
  await expect(page).toHaveURL(/\/items(\?.*)?$/);
  await expect(page).toHaveTitle(/^Artikel/);
  await expect(page.getByRole("heading", { level: 1, name: "Artikel" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Neuer Artikel" })).toBeVisible();
  const items = page.getByRole("table");
  for (const header of [/^Einheit$/, /^Preis/, /^Steuern$/]) await expect(items.getByRole("columnheader", { name: header })).toBeVisible();
  const row = items.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Beratungsstunde" }) });
  await expect(row).toContainText("Keine Steuer");
  await expect(row.getByRole("link", { name: "Beratungsstunde bearbeiten" })).toBeVisible();
  await expect(row.getByRole("button", { name: "Beratungsstunde löschen" })).toBeVisible();

  // The command menu: German trigger, placeholder, groups and a search answer (one result).
  await page.goto("/dashboard");
  const trigger = page.getByRole("button", { name: /Suchen…/ });
  await waitForHydration(trigger);
  await page.keyboard.press("Control+k");
  const menu = page.getByRole("dialog", { name: "Befehlsmenü" });
  await expect(menu).toBeVisible();
  const input = menu.getByRole("combobox", { name: "Suchen oder Befehl ausführen" });
  await expect(input).toHaveAttribute("placeholder", "Rechnungen, Kunden, Artikel suchen… oder Befehl eingeben");
  await expect(menu.getByRole("group", { name: "Aktionen" }).getByRole("option", { name: "Neue Rechnung" })).toBeVisible();
  await expect(menu.getByRole("group", { name: "Aktionen" }).getByRole("option", { name: /Tastenkürzel/ })).toBeVisible();
  await expect(menu.getByRole("group", { name: "Gehe zu" }).getByRole("option", { name: "Wiederkehrend" })).toBeVisible();
  await expect(menu.getByText("↑ ↓ zum Bewegen · Enter zum Öffnen · Esc zum Schließen")).toBeVisible();
  await input.pressSequentially("zephyr", { delay: 30 });
  await expect(menu.getByRole("group", { name: "Kunden" }).getByRole("option", { name: /Zephyr Tee GmbH/ })).toBeVisible();
  await expect(menu.getByRole("status")).toHaveText("1 Ergebnis für „zephyr“.");
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Tastenkürzel" });
  await expect(help).toBeVisible();
  await expect(help.getByText("Befehlsmenü öffnen (⌘ K auf dem Mac)")).toBeVisible();
  await expect(help.getByText("Gehe zu Rechnungen")).toBeVisible();
  await help.getByRole("button", { name: "Schließen" }).click();
  await expect(help).toBeHidden();

  // Recurring invoices: the empty list and the owner's missed-occurrences setting.
  await page.goto("/recurring");
  await expect(page).toHaveTitle(/^Wiederkehrende Rechnungen/);
  await expect(page.getByRole("heading", { level: 1, name: "Wiederkehrende Rechnungen" })).toBeVisible();
  await expect(page.getByText("Noch keine wiederkehrenden Rechnungen.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Neue wiederkehrende Rechnung" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Verpasste Termine" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Entwürfe zur Prüfung erstellen (Standard)" })).toBeChecked();
  await expect(page.getByRole("button", { name: "Diese Auswahl speichern" })).toBeVisible();
});
