import { expectNoSeriousViolations } from "./axe";
import { waitForHydration } from "./hydration";
import { expect, type Page, test } from "./test";
import { createCustomer, issueInvoice, registerAccount, saveDraftInvoice, uniqueEmail } from "./support";

/** Console errors, CSP refusals among them (cmdk's hidden label carries an inline style). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test("command menu: open with the keyboard, jump to a customer and an invoice, run New invoice, shortcuts help, accessible", async ({ page }) => {
  test.setTimeout(180_000);
  await registerAccount(page, { name: "Cora Command", email: uniqueEmail("command"), organization: "Command Co" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await createCustomer(page, { name: "Zephyr Tea Company", email: "accounts@zephyr-tea.example" });
  const customerUrl = new URL(page.url()).pathname; // without the `?done=` flag the page strips
  await saveDraftInvoice(page, { customer: "Zephyr Tea Company", currency: "USD", lines: [{ description: "Darjeeling, 1 kg", price: "42.00" }] });
  const invoice = await issueInvoice(page);

  const errors = consoleErrors(page);
  await page.goto("/dashboard");
  const trigger = page.getByRole("button", { name: /Search…/ });
  await expect(trigger).toContainText("Ctrl K");

  // Ctrl K opens the menu with the input focused; typing a customer's name finds them; Enter opens their page.
  await page.keyboard.press("Control+k");
  const menu = page.getByRole("dialog", { name: "Command menu" });
  await expect(menu).toBeVisible();
  const input = menu.getByRole("combobox", { name: "Search or run a command" });
  await expect(input).toBeFocused();
  await input.pressSequentially("zephyr", { delay: 30 });
  const customerOption = menu.getByRole("group", { name: "Customers" }).getByRole("option", { name: /Zephyr Tea Company/ });
  await expect(customerOption).toContainText("accounts@zephyr-tea.example");
  // The customer's invoice is found through the name too.
  await expect(menu.getByRole("group", { name: "Invoices" }).getByRole("option", { name: new RegExp(`Invoice ${invoice.number}`) })).toBeVisible();
  await expect(menu.getByRole("status")).toHaveText("2 results for “zephyr”.");
  await expect(page.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  // Results are grouped: invoices first, so the customer is one arrow key down.
  await page.keyboard.press("ArrowDown");
  await expect(customerOption).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${customerUrl}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Zephyr Tea Company" })).toBeVisible();
  await expect(menu).toBeHidden();

  // By number (the last digits are enough): Enter opens the invoice.
  await page.keyboard.press("Control+k");
  await input.fill(invoice.number.slice(-7));
  const invoiceOption = menu.getByRole("option", { name: new RegExp(`Invoice ${invoice.number}`) });
  await expect(invoiceOption).toContainText("Zephyr Tea Company · Issued");
  await expect(invoiceOption).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(invoice.url);
  await expect(page.getByRole("heading", { name: `Invoice ${invoice.number}` })).toBeVisible();

  // The trigger button opens it; Escape closes it and focus is back on the trigger.
  await trigger.click();
  await expect(input).toBeFocused();
  await input.fill("qqqqzz");
  await expect(menu.getByText("Nothing found for “qqqqzz”.")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(trigger).toBeFocused();

  // Opened with Ctrl K from any focused element (a link in the navigation), Escape returns focus
  // there, not to the page's body.
  const customersLink = page.getByRole("link", { name: "Customers", exact: true }).filter({ visible: true }).first();
  await customersLink.focus();
  await expect(customersLink).toBeFocused();
  await page.keyboard.press("Control+k");
  await expect(input).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(customersLink).toBeFocused();
  // Twice in a row, the second time with the menu's code already loaded.
  await page.keyboard.press("Control+k");
  await expect(input).toBeFocused();
  await input.fill("zz");
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(customersLink).toBeFocused();

  // Axe with the menu open: first its actions, then search results (a one-letter name prefix).
  await trigger.click();
  await expect(menu.getByRole("option", { name: /New invoice/ })).toBeVisible();
  await expectNoSeriousViolations(page, "command menu with actions");
  await input.fill("z");
  await expect(customerOption).toBeVisible();
  await expectNoSeriousViolations(page, "command menu with results");

  // An action: "New invoice" by part of its words.
  await input.fill("new inv");
  const newInvoice = menu.getByRole("option", { name: /New invoice/ });
  await expect(newInvoice).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/invoices\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: "New invoice" })).toBeVisible();

  // `?` outside a field opens the shortcuts; typed inside a field it is just a character.
  await page.goto("/dashboard");
  // The shortcut listener is attached by the shell's script: a key pressed before it hydrates does nothing.
  await waitForHydration(trigger);
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help.getByRole("term").filter({ hasText: "Open the command menu" })).toBeVisible();
  await expect(help.getByRole("term").filter({ hasText: "Go to Invoices" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // The menu's "Keyboard shortcuts" opens the same dialog.
  await trigger.click();
  await input.fill("shortcuts");
  await expect(menu.getByRole("option", { name: /Keyboard shortcuts/ })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(help).toBeVisible();
  await expect(menu).toBeHidden();
  await help.getByRole("button", { name: "Close" }).click();
  await expect(help).toBeHidden();

  // A two-key shortcut: g then c goes to the customers.
  await page.keyboard.press("g");
  await page.keyboard.press("c");
  await expect(page).toHaveURL(/\/customers$/);

  // Nothing refused by the CSP or thrown along the way.
  expect(errors).toEqual([]);
});
