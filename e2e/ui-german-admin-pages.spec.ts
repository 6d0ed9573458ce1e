import path from "node:path";
import type { Browser, BrowserContext } from "@playwright/test";
import { expectNoSeriousViolations } from "./axe";
import { registerAccount, uniqueEmail } from "./support";
import { expect, type Page, someIp, test } from "./test";

/**
 * The owner's back-office pages in German: the audit log (its action names), Settings → Payments
 * with the Stripe forms and records, the job ledger and a received e-invoice. The account is made
 * in an English browser, then its session is carried into one that asks for German.
 */
const example = path.join(process.cwd(), "vendor", "einvoice", "en16931", "ubl", "examples", "ubl-tc434-example1.xml");

async function germanBrowser(browser: Browser, from: BrowserContext): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "de-DE", extraHTTPHeaders: { "x-forwarded-for": someIp() } });
  await context.addCookies(await from.cookies());
  return { context, page: await context.newPage() };
}

test("a German browser shows the audit log, payments, job ledger and e-invoice pages in German", async ({ browser, page }) => {
  await registerAccount(page, { name: "Anton Verwaltung", email: uniqueEmail("admin-de"), organization: "Verwaltung GmbH" });
  await expect(page).toHaveURL(/\/onboarding$/);
  const { context, page: de } = await germanBrowser(browser, page.context());

  // Changing a setting writes "organization.updated", which the audit log names in German.
  await de.goto("/settings");
  await de.getByLabel("Telefon").fill("+49 30 7654321");
  await de.getByRole("button", { name: "Einstellungen speichern" }).click();
  await expect(de.getByText("Einstellungen gespeichert.")).toBeVisible();
  await de.goto("/settings/audit");
  await expect(de.getByRole("heading", { level: 1, name: "Audit-Protokoll" })).toBeVisible();
  await expect(de).toHaveTitle(/^Audit-Protokoll/);
  const log = de.getByRole("table", { name: /Sicherheits- und Einstellungsereignisse/ });
  await expect(log.getByRole("columnheader")).toHaveText([/^Zeit \(/, "Wer", "Was", "Einzelheiten", "IP-Adresse", "Browser"]);
  await expect(log.getByRole("cell", { name: "Einstellungen der Organisation geändert", exact: true })).toBeVisible();
  await expect(log.getByRole("cell", { name: "Konto erstellt", exact: true })).toBeVisible();
  await expect(log.getByRole("cell", { name: "Angemeldet", exact: true })).toBeVisible();
  await expect(log).not.toContainText("Changed organisation settings");
  await expectNoSeriousViolations(de, "audit log in German");

  await de.goto("/settings/payments");
  await expect(de.getByRole("heading", { level: 1, name: "Zahlungen" })).toBeVisible();
  await expect(de.getByRole("heading", { level: 2, name: "Stripe verbinden" })).toBeVisible();
  await expect(de.getByLabel("Eingeschränkter Schlüssel")).toBeVisible();
  await expect(de.getByLabel("Webhook-Signaturgeheimnis")).toBeVisible();
  await expect(de.getByText("Beginnt mit whsec_.")).toBeVisible();
  await expect(de.getByRole("button", { name: "Stripe verbinden" })).toBeVisible();
  await expectNoSeriousViolations(de, "payments settings in German");

  await de.goto("/settings/payments/reconciliation");
  await expect(de.getByRole("heading", { level: 1, name: "Stripe-Abgleich" })).toBeVisible();
  await expect(de.getByText("Stripe ist nicht verbunden.", { exact: false })).toBeVisible();
  await expect(de.locator("strong", { hasText: "Erfassen" })).toBeVisible();
  await expectNoSeriousViolations(de, "reconciliation in German");

  await de.goto("/settings/payments/events");
  await expect(de.getByRole("heading", { level: 1, name: "Stripe-Ereignisse" })).toBeVisible();
  await expect(de.getByText("Noch keine Ereignisse empfangen.")).toBeVisible();

  await de.goto("/settings/jobs");
  await expect(de.getByRole("heading", { level: 1, name: "Hintergrundaufgaben" })).toBeVisible();
  for (const section of ["Letzte Läufe", "Nächste 30 Tage", "Termine wiederkehrender Rechnungen", "Zahlungserinnerungen", "Zustellungen aus dem Postausgang", "Zahlungsereignisse"]) {
    await expect(de.getByRole("heading", { level: 2, name: section })).toBeVisible();
  }
  await expect(de.getByText("In den nächsten 30 Tagen ist nichts geplant.")).toBeVisible();
  await expect(de.getByTestId("jobs-payment-events").getByRole("link", { name: "Stripe-Ereignisse" })).toBeVisible();
  await expectNoSeriousViolations(de, "job ledger in German");

  await de.goto("/einvoices/view");
  await de.getByLabel("E-Rechnungsdatei (XML, bis 2 MB)").setInputFiles(example);
  await de.getByRole("button", { name: "Rechnung anzeigen" }).click();
  const invoice = de.getByRole("article", { name: "E-Rechnung" });
  await expect(invoice.getByRole("heading", { name: "Rechnung 12115118" })).toBeVisible();
  await expect(invoice.getByText("Erfüllt EN 16931: das XML-Schema und jede Geschäftsregel.")).toBeVisible();
  await expect(invoice.getByRole("region", { name: "Verkäufer" })).toContainText("De Koksmaat");
  await expect(invoice.getByText("Fälliger Betrag")).toBeVisible();
  await expectNoSeriousViolations(de, "e-invoice details in German");
  await context.close();
});
