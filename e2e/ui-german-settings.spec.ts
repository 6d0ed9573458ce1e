import type { Browser, BrowserContext } from "@playwright/test";
import { expectNoSeriousViolations } from "./axe";
import { registerAccount, uniqueEmail } from "./support";
import { expect, type Page, someIp, test } from "./test";

/**
 * Settings in German. The account is made in an English browser (sign-up is not what this spec is
 * about), then its session is carried into a browser that asks for German, as the same person on a
 * German laptop. A user who has not chosen a language gets the browser's; one who has, keeps it.
 */
async function signUp(page: Page, organization: string) {
  await registerAccount(page, { name: "Greta Einstellungen", email: uniqueEmail("settings-de"), organization });
  await expect(page).toHaveURL(/\/onboarding$/);
}

async function germanBrowser(browser: Browser, from: BrowserContext): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "de-DE", extraHTTPHeaders: { "x-forwarded-for": someIp() } });
  await context.addCookies(await from.cookies());
  return { context, page: await context.newPage() };
}

test("a German browser shows the settings pages in German, until the user picks English", async ({ browser, page }) => {
  await signUp(page, "Einstellungen GmbH");
  const { context, page: de } = await germanBrowser(browser, page.context());

  await de.goto("/settings");
  await expect(de.getByRole("heading", { level: 1, name: "Einstellungen der Organisation" })).toBeVisible();
  await expect(de).toHaveTitle(/^Einstellungen/);
  await expect(de.getByRole("group", { name: "Unternehmen" })).toBeVisible();
  await expect(de.getByLabel("Name des Unternehmens")).toHaveValue("Einstellungen GmbH");
  await expect(de.getByLabel("USt-IdNr.")).toBeVisible();
  await expect(de.getByLabel("Zahlungsziel (Tage)")).toBeVisible();
  // Time zones keep their id and say their name in German.
  await expect(de.getByLabel("Zeitzone").locator('option[value="Europe/Berlin"]')).toHaveText("Europe/Berlin · Mitteleuropäische Zeit");
  await expect(de.getByRole("button", { name: "Einstellungen speichern" })).toBeVisible();
  await expectNoSeriousViolations(de, "settings in German");
  await de.getByLabel("Telefon").fill("+49 30 1234567");
  await de.getByRole("button", { name: "Einstellungen speichern" }).click();
  await expect(de.getByText("Einstellungen gespeichert.")).toBeVisible();

  await de.getByRole("navigation", { name: "Einstellungen" }).getByRole("link", { name: "Steuern" }).click();
  await expect(de.getByRole("heading", { level: 1, name: "Steuern" })).toBeVisible();
  await expect(de.getByText("Noch keine Steuersätze.")).toBeVisible();
  await de.getByLabel("Name der Steuer").fill("MwSt");
  await de.getByLabel("Satz (%)").fill("19");
  await de.getByRole("button", { name: "Steuersatz hinzufügen" }).click();
  await expect(de.getByText("MwSt hinzugefügt.")).toBeVisible();
  const rates = de.getByRole("table", { name: "Aktive Steuersätze" });
  await expect(rates.getByRole("columnheader")).toHaveText(["Name", "Satz", "Preise", "Kumulativ", "USt-Kategorie", "Aktionen"]);
  await expect(rates.getByRole("row", { name: /MwSt/ })).toContainText("Zum Preis hinzugerechnet");
  await expect(rates.getByRole("button", { name: "MwSt archivieren" })).toHaveText("Archivieren");
  await expectNoSeriousViolations(de, "taxes in German");

  await de.goto("/settings/team");
  await expect(de.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  await expect(de.getByRole("heading", { level: 2, name: "Jemanden einladen" })).toBeVisible();
  await expect(de.getByRole("heading", { level: 2, name: "Mitglieder" })).toBeVisible();
  await expect(de.getByText("Keine offenen Einladungen.")).toBeVisible();
  await expect(de.getByRole("columnheader")).toHaveText(["Name", "E-Mail", "Rolle und Aktionen"]);
  await expect(de.getByLabel("Rolle von Greta Einstellungen")).toHaveValue("owner");
  await expect(de.getByLabel("Rolle von Greta Einstellungen").locator("option:checked")).toHaveText("Inhaber");
  await expect(de.getByRole("button", { name: "Einladung senden" })).toBeVisible();

  await de.goto("/settings/emails");
  await expect(de.getByRole("heading", { level: 1, name: "E-Mails" })).toBeVisible();
  await expect(de.getByRole("heading", { level: 2, name: "Platzhalter" })).toBeVisible();

  // Account → Sprache: English, and the sidebar is English again in this German browser.
  await de.goto("/settings/account");
  await de.getByRole("combobox", { name: "Sprache" }).selectOption("en");
  await de.getByRole("button", { name: "Sprache speichern" }).click();
  await expect(de.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invoices" })).toBeVisible();
  await de.goto("/settings");
  await expect(de.getByRole("heading", { level: 1, name: "Organisation settings" })).toBeVisible();
  await expect(de.getByLabel("Business name")).toHaveValue("Einstellungen GmbH");
  await context.close();
});

test("a user who chose English sees English in a German browser", async ({ browser, page }) => {
  await signUp(page, "Chosen English Ltd");
  await page.goto("/settings/account");
  await page.getByRole("combobox", { name: "Language" }).selectOption("en");
  await page.getByRole("button", { name: "Save language" }).click();
  await expect(page.getByText("Your language was saved.")).toBeVisible();

  const { context, page: de } = await germanBrowser(browser, page.context());
  await de.goto("/settings/taxes");
  await expect(de.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invoices" })).toBeVisible();
  await expect(de.getByRole("heading", { level: 1, name: "Taxes" })).toBeVisible();
  await expect(de.getByRole("button", { name: "Add tax rate" })).toBeVisible();
  await de.goto("/settings/team");
  await expect(de.getByRole("heading", { level: 2, name: "Invite someone" })).toBeVisible();
  await context.close();
});
