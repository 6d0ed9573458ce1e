import { expect, test } from "./test";
import { registerAccount, uniqueEmail } from "./support";

/**
 * Late fees in Settings → Reminders: off for a new business, turned on by the owner, refused with
 * field errors for bad input, and the form keeps what was saved. The fee invoices themselves are
 * added by the reminders job (lib/services/late-fees.db.test.ts).
 */
test("late fees: the owner turns them on in Settings → Reminders, bad input is explained, and the form keeps its values", async ({ page }) => {
  await registerAccount(page, { name: "Lena Late", email: uniqueEmail("latefee"), organization: "Late Fee Ltd" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.goto("/settings/reminders");
  const section = page.getByRole("region", { name: "Late fees" });
  await expect(section.getByText("Late fees are off: no fee is added.")).toBeVisible();
  const enabled = section.getByLabel("Add a late fee at each reminder after the due date");
  const rate = section.getByLabel("Percent of the balance (%)");
  const save = section.getByRole("button", { name: "Save late fee" });
  await expect(enabled).not.toBeChecked();
  await expect(section.getByLabel("A percent of the balance due")).toBeChecked();

  // On without a rate, then a rate in words and one above 100 %: each a field error, what was typed kept.
  await enabled.check();
  await save.click();
  await expect(section.getByText("Enter the percent of the balance to charge, for example 1.5.")).toBeVisible();
  await expect(rate).toHaveAttribute("aria-invalid", "true");
  await rate.fill("abc");
  await save.click();
  await expect(section.getByText("Enter the rate in digits, like 20.")).toBeVisible();
  await expect(rate).toHaveValue("abc");
  await rate.fill("150");
  await save.click();
  await expect(section.getByText("A rate must be between 0 and 100%.")).toBeVisible();

  await rate.fill("1.5");
  await save.click();
  await expect(section.getByRole("status")).toContainText("Late fees are on");
  await page.reload();
  // Reminders are still off for this new business: the page says the fee waits for them.
  await expect(section.getByText("Late fees are on, but reminders are off: a fee is only added with a reminder.")).toBeVisible();
  await expect(enabled).toBeChecked();
  await expect(rate).toHaveValue("1.5");
  await expect(section.getByLabel("Tax on the fee")).toHaveValue("");

  // A flat fee in euros: too many decimals is explained; saved, it stays after a reload.
  await section.getByLabel("A flat amount").check();
  await section.getByLabel("Currency").selectOption("EUR");
  const amount = section.getByLabel("Amount (EUR)");
  await expect(section.getByText("Invoices in other currencies than EUR get no flat fee.")).toBeVisible();
  await amount.fill("12.345");
  await save.click();
  await expect(section.getByText("EUR amounts can have at most 2 decimals.")).toBeVisible();
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await amount.fill("25");
  await save.click();
  await expect(section.getByRole("status")).toContainText("Late fees are on");
  await page.reload();
  await expect(enabled).toBeChecked();
  await expect(section.getByLabel("A flat amount")).toBeChecked();
  await expect(section.getByLabel("Currency")).toHaveValue("EUR");
  await expect(amount).toHaveValue("25.00");

  // Turned off, the values stay for next time.
  await enabled.uncheck();
  await save.click();
  await expect(section.getByRole("status")).toContainText("Late fees are off.");
  await page.reload();
  await expect(enabled).not.toBeChecked();
  await expect(amount).toHaveValue("25.00");
});
