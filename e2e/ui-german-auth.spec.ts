import { expectNoSeriousViolations } from "./axe";
import { PASSWORD, toast, uniqueEmail } from "./support";
import { expect, someIp, test } from "./test";

/**
 * The public account pages in German. Nobody is signed in, so the browser's language decides
 * (lib/session getAppLanguage); the words are translated on the server and handed to the forms.
 */
test.use({ locale: "de-DE" });

test("a German browser signs up, is refused a wrong password and signs in, all in German", async ({ page }) => {
  const email = uniqueEmail("auth-de");

  await page.goto("/login");
  await expect(page).toHaveTitle(/^Anmelden/);
  await expect(page.locator('[lang="de"]').getByRole("heading", { level: 1, name: "Bei Smart Invoice anmelden" })).toBeVisible();
  await expect(page.getByLabel("E-Mail", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Passwort", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Passwort vergessen?" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Anmelden" })).toBeVisible();
  await expectNoSeriousViolations(page, "sign-in in German");

  await page.getByRole("link", { name: "Konto erstellen" }).click();
  await expect(page).toHaveTitle(/^Konto erstellen/);
  await expect(page.getByRole("heading", { level: 1, name: "Erstellen Sie Ihr Konto" })).toBeVisible();
  await expect(page.getByText("Mindestens 10 Zeichen. Einige Wörter ohne Zusammenhang eignen sich gut.")).toBeVisible();
  await expectNoSeriousViolations(page, "registration in German");
  await page.getByLabel("Ihr Name").fill("Anton Anmeldung");
  await page.getByLabel("E-Mail", { exact: true }).fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Name des Unternehmens").fill("Anmeldung GmbH");
  await page.getByRole("button", { name: "Konto erstellen" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);

  // A redirect's `?done=` toast is worded in the app language too.
  await page.goto("/customers?done=customer-saved");
  await expect(toast(page, "Kunde gespeichert.")).toBeVisible();

  const fresh = await page.context().browser()!.newContext({ locale: "de-DE", extraHTTPHeaders: { "x-forwarded-for": someIp() } });
  const de = await fresh.newPage();
  await de.goto("/register");
  await de.getByLabel("Ihr Name").fill("Anton Anmeldung");
  await de.getByLabel("E-Mail", { exact: true }).fill(email);
  await de.getByLabel("Passwort", { exact: true }).fill(PASSWORD);
  await de.getByLabel("Name des Unternehmens").fill("Noch eine GmbH");
  await de.getByRole("button", { name: "Konto erstellen" }).click();
  await expect(de.getByText("Für diese E-Mail-Adresse gibt es bereits ein Konto.", { exact: false }).first()).toBeVisible();

  await de.goto("/login");
  await de.getByLabel("E-Mail", { exact: true }).fill(email);
  await de.getByLabel("Passwort", { exact: true }).fill("wrong password entirely");
  await de.getByRole("button", { name: "Anmelden" }).click();
  await expect(de.getByRole("alert").filter({ hasText: "E-Mail-Adresse oder Passwort ist falsch." })).toBeVisible();
  await expectNoSeriousViolations(de, "sign-in error in German");
  await de.getByLabel("Passwort", { exact: true }).fill(PASSWORD);
  await de.getByRole("button", { name: "Anmelden" }).click();
  await expect(de).not.toHaveURL(/\/login/);
  await fresh.close();
});

test("the password, invitation and email-confirmation pages speak German", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Passwort vergessen?" }).click();
  await expect(page).toHaveTitle(/^Passwort zurücksetzen/);
  await expect(page.getByRole("heading", { level: 1, name: "Passwort zurücksetzen" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Link zum Zurücksetzen senden" })).toBeVisible();
  await expectNoSeriousViolations(page, "forgot password in German");
  await page.getByRole("link", { name: "Zurück zur Anmeldung" }).click();
  await expect(page).toHaveURL(/\/login$/);

  await page.goto("/reset-password?token=not-a-real-token");
  await expect(page.getByRole("heading", { level: 1, name: "Neues Passwort wählen" })).toBeVisible();
  await expect(page.getByText("Dieser Link zum Zurücksetzen ist ungültig, wurde bereits verwendet oder ist abgelaufen.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Neuen Link anfordern" })).toBeVisible();

  await page.goto("/invite/not-a-real-token");
  await expect(page.locator('main[lang="de"]').getByRole("heading", { level: 1, name: "Diese Einladung kann nicht verwendet werden" })).toBeVisible();
  await expectNoSeriousViolations(page, "invitation in German");

  await page.goto("/account/confirm-email");
  await expect(page.getByRole("heading", { level: 1, name: "Neue E-Mail-Adresse bestätigen" })).toBeVisible();
  await expect(page.getByText("Dieser Link ist unvollständig. Öffnen Sie den Link aus der E-Mail erneut.")).toBeVisible();
});

test("a German browser gets the landing page in German, with no script of its own, and <html lang> says so", async ({ browser, page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page).toHaveTitle("Smart Invoice — Rechnungen schreiben für kleine Unternehmen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rechnungen für kleine Unternehmen — auf den Cent genau.");
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  await expect(nav.getByRole("link", { name: "Anmelden" })).toHaveAttribute("href", "/login");
  await expect(nav.getByRole("link", { name: "Konto erstellen" })).toHaveAttribute("href", "/register");
  await expect(page.getByRole("link", { name: "Jetzt kostenlos loslegen" })).toHaveAttribute("href", "/register");
  await expect(page.getByRole("heading", { level: 3 })).toHaveText([
    "Auf den Cent genau",
    "PDFs ohne Browser",
    "E-Mail, auf die Verlass ist",
    "Ihre Kunden zahlen schneller",
    "Liquidität auf einen Blick",
    "Bei Ihnen gehostet",
  ]);
  await expect(page.getByRole("main")).not.toContainText("Invoicing");
  await expectNoSeriousViolations(page, "landing page in German");

  // The sign-in page says it on <html> too; an invalid client link's page is English and says so.
  await nav.getByRole("link", { name: "Anmelden" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.goto("/i/not-a-real-token");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // An English browser gets the English page, as before.
  const english = await browser.newContext({ locale: "en-US" });
  const en = await english.newPage();
  await en.goto("/");
  await expect(en.locator("html")).toHaveAttribute("lang", "en");
  await expect(en.getByRole("heading", { level: 1 })).toHaveText("Invoicing for small businesses that gets every cent right.");
  await english.close();
});
