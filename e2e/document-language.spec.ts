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
  // The whole page says it, title included (app/root-language.ts), whatever the browser asks for.
  await expect(client.locator("html")).toHaveAttribute("lang", "fr");
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

/**
 * An Arabic customer's client page reads right to left: dir="rtl", Arabic labels, and the layout
 * mirrored (the sender on the right and the title on the left, each total's label right of its
 * amount, the lines table's description column right of its amount column). One line, 1 × 1,234.50
 * EUR, no tax: Arabic writes the amount "1,234.50 €" after a right-to-left mark, with a no-break space.
 */
const ARABIC_AMOUNT = /^\u200f1,234\.50\u00a0€$/;

test("an Arabic customer's client page is right to left and mirrored", async ({ page, browser }) => {
  const clientEmail = uniqueEmail("client-ar");
  await registerAccount(page, { name: "Owner", email: uniqueEmail("owner"), organization: "Acme GmbH" });
  await expect(page).toHaveURL(/\/onboarding$/);

  await page.goto("/customers/new");
  await page.getByLabel("Name", { exact: true }).fill("شركة النور");
  await page.getByLabel("Email", { exact: true }).fill(clientEmail);
  await page.getByLabel("Document language").selectOption({ label: "العربية" });
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("heading", { name: "شركة النور", level: 1 })).toBeVisible();

  await saveDraftInvoice(page, { customer: "شركة النور", currency: "EUR", lines: [{ description: "Consulting", price: "1234.50" }] });
  await page.getByRole("button", { name: "Issue invoice" }).click();
  const heading = page.getByRole("heading", { name: /^Invoice INV-\d{4}-\d{4}$/ });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())!.replace("Invoice ", "");
  const link = await sendInvoice(page, clientEmail);

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const client = await context.newPage();
  await client.goto(link);
  await expect(client).toHaveTitle(`فاتورة ${number} من Acme GmbH`);
  await expect(client.locator("main")).toHaveAttribute("lang", "ar");
  await expect(client.locator("html")).toHaveAttribute("lang", "ar");
  await expect(client.locator("main")).toHaveAttribute("dir", "rtl");
  const title = client.getByRole("heading", { level: 1 });
  await expect(title).toHaveText(`فاتورة ${number}`);
  await expect(client.getByText("مرسلة", { exact: true })).toBeVisible();
  await expect(client.getByText("المبلغ المستحق", { exact: true })).toBeVisible();
  await expect(client.getByText("فاتورة إلى", { exact: true })).toBeVisible();
  await expect(client.getByRole("link", { name: "تنزيل PDF" })).toBeVisible();
  for (const id of ["amount-due", "line-amount", "public-total", "balance-due"]) await expect(client.getByTestId(id)).toHaveText(ARABIC_AMOUNT, { useInnerText: true });
  await expect(client.getByText("Balance due", { exact: true })).toHaveCount(0);

  const box = async (locator: ReturnType<typeof client.locator>) => {
    const b = await locator.boundingBox();
    if (!b) throw new Error("not laid out");
    return { left: b.x, right: b.x + b.width };
  };
  // Mirrored: what English puts on the left is on the right.
  const sender = await box(client.locator("header").getByText("Acme GmbH", { exact: true }));
  expect((await box(title)).right).toBeLessThan(sender.left);
  const totalLabel = await box(client.getByText("الإجمالي", { exact: true }));
  expect(totalLabel.left).toBeGreaterThan((await box(client.getByTestId("public-total"))).right);
  const balanceLabel = await box(client.getByText("الرصيد المستحق", { exact: true }));
  expect(balanceLabel.left).toBeGreaterThan((await box(client.getByTestId("balance-due"))).right);
  const descriptionColumn = await box(client.getByRole("columnheader", { name: "الوصف" }));
  const amountColumn = await box(client.getByRole("columnheader", { name: "المبلغ" }));
  expect(descriptionColumn.left).toBeGreaterThan(amountColumn.right);
  expect((await box(client.getByRole("cell", { name: "Consulting" }))).left).toBeGreaterThan((await box(client.getByTestId("line-amount"))).right);
  await expectNoSeriousViolations(client, "Arabic client page");
  await context.close();
});
