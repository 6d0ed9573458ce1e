/**
 * Key pages at desktop (1280×800) and phone (390×844) widths, written to docs/screenshots/ for the README.
 * Builds its own small demo organisation through the UI, like a new user would.
 */
import { expect, type Page, test } from "@playwright/test";
import { completeOnboarding, createCustomer, issueInvoice, newContext, registerAccount, saveDraftInvoice, sendInvoice, uniqueEmail } from "../e2e/support";

const sizes = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

async function shoot(page: Page, name: string) {
  // From the top of the page, without the focus ring of whatever was typed into last.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  for (const [label, viewport] of Object.entries(sizes)) {
    await page.setViewportSize(viewport);
    // Let layout settle after the resize (charts and wrapping toolbars).
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshots/${name}-${label}.png`, animations: "disabled", caret: "hide" });
  }
}

/** One size only: what exists at that size alone (the phone menu, the editor's Preview tab, the command menu). */
async function shootAt(page: Page, name: string, label: keyof typeof sizes) {
  await page.screenshot({ path: `docs/screenshots/${name}-${label}.png`, animations: "disabled", caret: "hide" });
}

test("screenshots of the key pages", async ({ page, browser }) => {
  await page.goto("/");
  await shoot(page, "home");
  await page.goto("/login");
  await shoot(page, "login");

  await registerAccount(page, { name: "Grace Hopper", email: uniqueEmail("grace"), organization: "Hopper Consulting" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "United States" });
  await shoot(page, "onboarding");
  await completeOnboarding(page, { country: "United States", currency: "USD", street: "1 Infinite Loop", city: "Cupertino" });

  const clients = [
    { name: "Northwind Traders", email: uniqueEmail("northwind"), lines: [{ description: "Website redesign", quantity: "1", price: "4200.00" }, { description: "Hosting, 12 months", quantity: "12", price: "29.00" }] },
    { name: "Contoso Ltd", email: uniqueEmail("contoso"), lines: [{ description: "Consulting", quantity: "16", price: "120.00" }] },
    { name: "Fabrikam Inc", email: uniqueEmail("fabrikam"), lines: [{ description: "Logo and brand guide", quantity: "1", price: "1850.00" }] },
  ];
  let shown = { url: "", link: "" };
  for (const [i, c] of clients.entries()) {
    await createCustomer(page, { name: c.name, email: c.email });
    await saveDraftInvoice(page, { customer: c.name, currency: "USD", lines: c.lines });
    if (i === 2) break; // the last one stays a draft
    const issued = await issueInvoice(page);
    const link = await sendInvoice(page, c.email);
    if (i === 0) shown = { url: issued.url, link };
    if (i === 1) {
      await page.getByRole("button", { name: "Record payment" }).click();
      await page.getByLabel("Amount (USD)").fill("1920.00");
      await page.getByRole("button", { name: "Save payment" }).click();
      await expect(page.getByText("Paid", { exact: true }).first()).toBeVisible();
    }
  }

  await page.goto("/dashboard");
  await shoot(page, "dashboard");
  await page.goto("/invoices");
  await shoot(page, "invoices");
  await page.goto(shown.url);
  await shoot(page, "invoice");

  await page.goto("/invoices/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Northwind Traders" });
  await page.getByLabel("Line 1 description").fill("Quarterly maintenance");
  await page.getByRole("listitem", { name: "Line 1" }).getByLabel("Quantity").fill("3");
  await page.getByRole("listitem", { name: "Line 1" }).getByLabel(/Unit price/).fill("450.00");
  await expect(page.getByTestId("total")).toHaveText("$1,350.00");
  await shoot(page, "invoice-editor");
  // On a phone the preview is a tab of its own; on a laptop it sits beside the form (above).
  await page.setViewportSize(sizes.phone);
  await page.getByRole("tab", { name: "Preview" }).click();
  await expect(page.getByRole("tabpanel", { name: "Preview" })).toContainText("$1,350.00");
  await shootAt(page, "invoice-preview", "phone");

  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("dialog", { name: "Menu" })).toBeVisible();
  await shootAt(page, "menu", "phone");
  await page.keyboard.press("Escape");

  await page.setViewportSize(sizes.desktop);
  await page.keyboard.press("Control+k");
  await page.getByRole("combobox").fill("North");
  await expect(page.getByRole("option", { name: /Northwind Traders/ }).first()).toBeVisible();
  await shootAt(page, "command-menu", "desktop");
  await page.keyboard.press("Escape");

  const { context, page: client } = await newContext(browser);
  await client.goto(shown.link);
  await shoot(client, "client-link");
  await context.close();
});
