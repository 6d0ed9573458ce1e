/**
 * Issue 19 §7: a draft's next step is "Review & send" (recipient, copies, wording, PDF, a preview
 * of the email), feedback is one toast, and the rest of the actions sit in an accessible "⋯" menu.
 */
import { expect, test } from "./test";
import { announcements, createCustomer, outboxBySubject, registerAccount, saveDraftInvoice, toast, uniqueEmail } from "./support";

test("Review & send issues the draft and sends it once with the edited subject and CC, confirmed by one toast", async ({ page }) => {
  test.setTimeout(240_000);
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await registerAccount(page, { name: "Sid Sender", email: uniqueEmail("sid"), organization: "Sid's Studio" });
  await expect(page).toHaveURL(/\/onboarding$/);
  const clientEmail = uniqueEmail("client");
  await createCustomer(page, { name: "Northwind", email: clientEmail });
  await saveDraftInvoice(page, { customer: "Northwind", currency: "EUR", lines: [{ description: "Workshop", price: "800.00" }] });
  // The save's ?done= flag became a toast and left the URL, so Back or a refresh won't repeat it.
  await expect(toast(page, "Draft saved.")).toBeVisible();
  await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/);

  // One primary next step; the destructive ones are not on the page until the menu opens.
  await expect(page.getByRole("button", { name: "Delete draft" })).toHaveCount(0);
  await page.getByRole("button", { name: "Review & send" }).click();
  const dialog = page.getByRole("dialog", { name: "Review, issue and send" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("To", { exact: true })).toHaveValue(clientEmail);
  await expect(dialog.getByLabel("Attach the PDF")).toBeChecked();

  // Edited subject and CC; the preview follows the typing with this invoice's own values.
  const year = new Date().getFullYear();
  await dialog.getByLabel("Subject").fill("Invoice {number} for the {customer_name} workshop");
  await expect(dialog.getByTestId("preview-subject")).toHaveText("Invoice (its number, given when sent) for the Northwind workshop");
  await expect(dialog.getByRole("figure")).toContainText("€800.00");
  await dialog.getByLabel("CC").fill("not-an-address");
  await dialog.getByRole("button", { name: "Issue and send" }).click();
  await expect(dialog.getByText("“not-an-address” is not an email address. Separate addresses with commas.")).toBeVisible();
  await dialog.getByLabel("CC").fill("boss@northwind.example, ap@northwind.example");
  await dialog.getByRole("button", { name: "Issue and send" }).click();

  // One toast, announced once; the dialog is gone and the invoice is issued and sent.
  const confirmation = `Issued and queued for ${clientEmail} (copy to boss@northwind.example, ap@northwind.example)`;
  // Issuing renders and stores the PDF before the email is queued: slow on a busy 2-core machine.
  await expect(toast(page, confirmation)).toBeVisible({ timeout: 30_000 });
  expect(await announcements(page, confirmation)).toBe(1);
  // sonner's stylesheet is allowed by its hash: the toast list is laid out (it exists only while a toast shows).
  expect(await page.locator("[data-sonner-toaster]").first().evaluate((el) => getComputedStyle(el).position)).toBe("fixed");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("heading", { name: new RegExp(`^Invoice INV-${year}-0001$`) })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Sent", { exact: true }).first()).toBeVisible();
  // Sent: the next step is the money.
  await expect(page.getByRole("button", { name: "Record payment" })).toHaveClass(/bg-brand-600/);

  // The outbox holds exactly one message with that subject, to the client with both copies.
  const subject = `Invoice INV-${year}-0001 for the Northwind workshop`;
  let outbox = { count: 0, headers: {} as Record<string, string> };
  await expect(async () => {
    outbox = await outboxBySubject(page, subject);
    expect(outbox.count).toBe(1);
  }).toPass({ timeout: 60_000 });
  expect(outbox.headers.To).toBe(clientEmail);
  expect(outbox.headers.CC).toBe("boss@northwind.example, ap@northwind.example");

  expect(cspViolations).toEqual([]);
});

test("the ⋯ menu works from the keyboard, and deleting a draft asks first", async ({ page }) => {
  await registerAccount(page, { name: "Mia Menu", email: uniqueEmail("mia"), organization: "Mia's Menus" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await createCustomer(page, { name: "Tailspin", email: uniqueEmail("tailspin") });
  await saveDraftInvoice(page, { customer: "Tailspin", currency: "USD", lines: [{ description: "Survey", price: "50.00" }] });

  const more = page.getByRole("button", { name: "More actions" });
  await expect(more).toHaveAttribute("aria-haspopup", "menu");
  await more.focus();
  await page.keyboard.press("ArrowDown");
  const menu = page.getByRole("menu", { name: "More actions" });
  await expect(menu.getByRole("menuitem", { name: "Duplicate" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Delete draft" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(more).toBeFocused();

  // Delete draft from the keyboard: a confirmation that starts on Cancel; Cancel keeps the draft.
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("menuitem", { name: "Delete draft" })).toBeFocused();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Delete this draft?" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Invoice (draft)" })).toBeVisible();

  await more.click();
  await page.getByRole("menuitem", { name: "Delete draft" }).click();
  await confirm.getByRole("button", { name: "Delete draft" }).click();
  await expect(page).toHaveURL(/\/invoices$/);
  await expect(toast(page, "Draft deleted.")).toBeVisible();
  // A refresh does not bring the toast back: the flag was stripped from the URL.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Invoices", level: 1 })).toBeVisible();
  await expect(toast(page, "Draft deleted.")).toHaveCount(0);
});
