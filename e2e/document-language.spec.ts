import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./test";
import { registerAccount, saveDraftInvoice, sendInvoice, uniqueEmail } from "./support";

/**
 * A customer set to French gets a French client page: labels, status, buttons and amounts as
 * French writes them. By hand: one line, 1 × 1,234.50 EUR, no tax: total and amount due 1,234.50,
 * which French prints "1 234,50 €" (narrow no-break space between thousands, no-break space before €).
 */
const FRENCH_AMOUNT = /^1\u202f234,50\u00a0€$/;

test("a French customer's client page is in French, with French amounts", async ({ page, browser }) => {
  const clientEmail = uniqueEmail("client-fr");
  await registerAccount(page, { name: "Owner", email: uniqueEmail("owner"), organization: "Atelier Ltd" });
  await expect(page).toHaveURL(/\/onboarding$/);

  await page.goto("/customers/new");
  await page.getByLabel("Name", { exact: true }).fill("Client Dupont");
  await page.getByLabel("Email", { exact: true }).fill(clientEmail);
  await page.getByLabel("Document language").selectOption({ label: "Français" });
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("heading", { name: "Client Dupont", level: 1 })).toBeVisible();

  await saveDraftInvoice(page, { customer: "Client Dupont", currency: "EUR", lines: [{ description: "Conseil", price: "1234.50" }] });
  await page.getByRole("button", { name: "Issue invoice" }).click();
  const heading = page.getByRole("heading", { name: /^Invoice INV-\d{4}-\d{4}$/ });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())!.replace("Invoice ", "");
  const link = await sendInvoice(page, clientEmail);

  const context = await browser.newContext();
  const client = await context.newPage();
  await client.goto(link);
  await expect(client).toHaveTitle(`Facture ${number} de Atelier Ltd`);
  await expect(client.locator("main")).toHaveAttribute("lang", "fr");
  await expect(client.locator("main")).toHaveAttribute("dir", "ltr");
  await expect(client.getByRole("heading", { level: 1 })).toHaveText(`Facture ${number}`);
  await expect(client.getByText("Envoyée", { exact: true })).toBeVisible();
  await expect(client.getByText("Montant dû", { exact: true })).toBeVisible();
  await expect(client.getByTestId("amount-due")).toHaveText(FRENCH_AMOUNT, { useInnerText: true });
  await expect(client.getByTestId("line-amount")).toHaveText(FRENCH_AMOUNT, { useInnerText: true });
  await expect(client.getByTestId("public-total")).toHaveText(FRENCH_AMOUNT, { useInnerText: true });
  await expect(client.getByTestId("balance-due")).toHaveText(FRENCH_AMOUNT, { useInnerText: true });
  await expect(client.getByText("Facturé à", { exact: true })).toBeVisible();
  await expect(client.getByText("Reste à payer", { exact: true })).toBeVisible();
  await expect(client.getByRole("link", { name: "Télécharger le PDF" })).toBeVisible();
  await expect(client.getByText("Billed to", { exact: true })).toHaveCount(0);
  await expect(client.getByText("Balance due", { exact: true })).toHaveCount(0);
  await expectNoSeriousViolations(client, "French client page");
  await context.close();
});
