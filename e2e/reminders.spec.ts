import { expect, test } from "./test";
import { createCustomer, registerAccount, uniqueEmail } from "./support";

/**
 * Reminders the owner sees and controls. The invoice is due on 31 December 2199 (the last day the
 * app accepts), so every date below is worked by hand and none depends on today's date.
 */
test("reminders: off for a new business, turned on in Settings, then Pause, Send now and a customer's promise on an invoice", async ({ page }) => {
  await registerAccount(page, { name: "Rita Remind", email: uniqueEmail("remind"), organization: "Remind Me Ltd" });
  await expect(page).toHaveURL(/\/onboarding$/);

  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Reminders" }).click();
  await expect(page.getByRole("heading", { name: "Reminders", level: 1 })).toBeVisible();
  await expect(page.getByText("Reminders are off: no reminder is sent until you turn them on.")).toBeVisible();
  const enabled = page.getByLabel("Send payment reminders automatically");
  const steps = page.getByLabel("Steps, in days from the due date");
  await expect(enabled).not.toBeChecked();
  await expect(steps).toHaveValue("-3, 0, 7, 14, 30");

  // A typing mistake is explained in plain words and keeps what was typed.
  await enabled.check();
  await steps.fill("-2, 0, 1.5");
  await page.getByRole("button", { name: "Save reminders" }).click();
  await expect(page.getByText("Enter whole numbers of days separated by commas, like -3, 0, 7.")).toBeVisible();
  await expect(steps).toHaveAttribute("aria-invalid", "true");
  await expect(steps).toHaveValue("-2, 0, 1.5");

  await steps.fill("10, -2, 0");
  const schedule = page.getByRole("list", { name: "Reminder schedule" }).getByRole("listitem");
  await expect(schedule).toHaveText([
    "2 days before the due dateReminder before the due date email",
    "On the due dateOverdue reminder email",
    "10 days after the due dateOverdue reminder email",
  ]);
  await page.getByRole("button", { name: "Save reminders" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Reminders are on.");
  await page.reload();
  await expect(enabled).toBeChecked();
  await expect(steps).toHaveValue("-2, 0, 10");

  // An invoice due on 31 December 2199: the first reminder is 2 days before, on 29 December.
  const clientEmail = uniqueEmail("payer");
  await createCustomer(page, { name: "Slow Payer Inc", email: clientEmail });
  const customerUrl = page.url();
  await page.goto("/invoices/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Slow Payer Inc" });
  await page.getByLabel("Currency").selectOption("USD");
  const line = page.getByRole("listitem", { name: "Line 1" });
  await line.getByLabel("Line 1 description").fill("Consulting");
  await line.getByLabel(/Unit price/).fill("500.00");
  await page.getByLabel("Due date").fill("2199-12-31");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: "Invoice (draft)" })).toBeVisible();
  await page.getByRole("button", { name: "Issue invoice" }).click();
  await expect(page.getByRole("heading", { name: /^Invoice INV-\d{4}-\d{4}$/ })).toBeVisible();
  const invoiceUrl = page.url();

  const reminders = page.getByRole("region", { name: "Reminders" });
  const status = reminders.getByTestId("reminder-status");
  await expect(status).toHaveText("Next reminder: Dec 29, 2199 (2 days before the due date)");

  await reminders.getByRole("button", { name: "Pause reminders" }).click();
  await expect(status).toHaveText("Reminders are paused for this invoice.");
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("Reminders paused by Rita Remind");
  await reminders.getByRole("button", { name: "Resume reminders" }).click();
  await expect(status).toHaveText("Next reminder: Dec 29, 2199 (2 days before the due date)");

  // Send now sends that reminder at once; the next one is then the due date's.
  await reminders.getByRole("button", { name: "Send reminder now" }).click();
  await expect(reminders.getByRole("status")).toHaveText(`Reminder queued for ${clientEmail}.`);
  await expect(status).toHaveText("Next reminder: Dec 31, 2199 (on the due date)");
  await expect(timeline).toContainText(`Reminder queued by Rita Remind to ${clientEmail}`);

  // The customer promised to pay on 30 December: still the due date's reminder, the day after the promise.
  await page.goto(customerUrl);
  await page.getByLabel("Promised to pay on").fill("2199-12-30");
  await page.getByRole("button", { name: "Pause reminders until then" }).click();
  await expect(page.getByText("Promised to pay on Dec 30, 2199: no reminders until the day after.")).toBeVisible();
  await page.goto(invoiceUrl);
  await expect(reminders).toContainText("Slow Payer Inc promised to pay on Dec 30, 2199: reminders wait until the day after.");
  await expect(status).toHaveText("Next reminder: Dec 31, 2199 (on the due date)");
});
