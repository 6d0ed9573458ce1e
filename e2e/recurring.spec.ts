import { expectNoSeriousViolations } from "./axe";
import { expect, someIp, test } from "./test";
import { createCustomer, registerAccount, uniqueEmail } from "./support";

/**
 * Recurring invoices as an owner meets them: an empty list, a monthly profile starting today with
 * its 12-date preview, the list and the profile page, pause, resume, edit and end, and the choice of
 * what the jobs do with missed dates. "Today" is the organisation's date as the form's start date
 * shows it, so nothing depends on the clock of the machine running the test.
 */

/** How the pages show a date (en-US, the organisation's default locale). */
const shown = (date: string) => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

test("recurring invoices: create a monthly profile from today, see its dates, pause, resume, edit, end; choose the missed-run policy", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await registerAccount(page, { name: "Rory Recur", email: uniqueEmail("recur"), organization: "Recurring Ltd" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await createCustomer(page, { name: "Retainer Client GmbH" });

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Recurring" }).click();
  await expect(page.getByRole("heading", { name: "Recurring invoices", level: 1 })).toBeVisible();
  await expect(page.getByText("No recurring invoices yet.")).toBeVisible();
  await expectNoSeriousViolations(page, "empty recurring list");
  await page.getByRole("main").getByRole("link", { name: "New recurring invoice" }).click();
  await expect(page.getByRole("heading", { name: "New recurring invoice", level: 1 })).toBeVisible();

  // The start date defaults to today in the organisation's zone: the day to bill on is today's, or
  // "Last day" when today is the last of its month (then next month's last day follows).
  const today = await page.getByLabel("Start date").inputValue();
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const isLast = day === lastDayOf(year, month);
  const [nextYear, nextMonth] = month === 12 ? [year + 1, 1] : [year, month + 1];
  const secondDate = iso(nextYear, nextMonth, isLast ? lastDayOf(nextYear, nextMonth) : Math.min(day, lastDayOf(nextYear, nextMonth)));

  await page.getByLabel("Profile name").fill("Monthly retainer");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Retainer Client GmbH" });
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByLabel("Repeats").selectOption("monthly");
  await page.getByLabel("Day of the month").selectOption(isLast ? { label: "Last day" } : String(day));
  const line = page.getByRole("listitem", { name: "Line 1" });
  await line.getByLabel("Line 1 description").fill("Retainer {month} {year}");
  await line.getByLabel(/Unit price/).fill("1000.00");
  await page.getByLabel("Issue the invoice (numbered, not emailed)").check();
  // Its invoices in German, whatever language the customer has.
  await page.getByLabel("Language", { exact: true }).selectOption({ label: "Deutsch" });

  // The preview: 12 dates, from today, computed in the browser.
  const preview = page.getByRole("list", { name: "Next dates" }).getByRole("listitem");
  await expect(preview).toHaveCount(12);
  await expect(preview.nth(0)).toHaveText(shown(today));
  await expect(preview.nth(1)).toHaveText(shown(secondDate));
  await expect(page.getByTestId("running-total")).toHaveText("€1,000.00");

  // A mistake gets a field message and keeps everything typed.
  const every = page.getByLabel("Every how many months");
  await every.fill("0");
  await page.getByRole("button", { name: "Save recurring invoice" }).click();
  await expect(page.getByText("Enter a number from 1 to 52.")).toBeVisible();
  await expect(every).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Profile name")).toHaveValue("Monthly retainer");
  await expect(line.getByLabel(/Unit price/)).toHaveValue("1000.00");
  await expectNoSeriousViolations(page, "recurring form with errors");
  await every.fill("1");
  await expect(preview).toHaveCount(12);

  await page.getByRole("button", { name: "Save recurring invoice" }).click();
  await expect(page).toHaveURL(/\/recurring\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Monthly retainer", level: 1 })).toBeVisible();
  const profileUrl = page.url();
  const nextDate = page.getByTestId("next-date");
  await expect(nextDate).toHaveText(shown(today));
  await expect(page.getByTestId("profile-total")).toHaveText("€1,000.00");
  await expect(page.getByRole("list", { name: "Next dates" }).getByRole("listitem")).toHaveCount(12);
  await expect(page.getByText("No invoices yet: the first is created on the next date.")).toBeVisible();
  await expectNoSeriousViolations(page, "recurring profile");

  // Another organisation's member finds no such page, and neither does a malformed address.
  // From an address of its own, like the test's page (registrations are limited per address).
  const otherContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": someIp() } });
  const other = await otherContext.newPage();
  await registerAccount(other, { name: "Nosy Neighbour", email: uniqueEmail("nosy"), organization: "Nosy Ltd" });
  await expect(other).toHaveURL(/\/onboarding$/);
  for (const path of [profileUrl, `${profileUrl}/edit`, "/recurring/not-an-id", "/recurring/not-an-id/edit"]) {
    expect((await other.request.get(path)).status(), path).toBe(404);
  }
  await otherContext.close();

  // Listed with its schedule in words, the next date (today) and the amount of each invoice.
  await page.goto("/recurring");
  const row = page.getByRole("row").filter({ hasText: "Monthly retainer" });
  await expect(row.getByRole("cell").nth(0)).toHaveText("Retainer Client GmbH");
  await expect(row.getByRole("cell").nth(1)).toHaveText(isLast ? "Every month on the last day" : `Every month on day ${day}`);
  await expect(row.getByRole("cell").nth(2)).toHaveText(shown(today));
  await expect(row.getByRole("cell").nth(3)).toHaveText("€1,000.00");
  await expect(row.getByRole("cell").nth(4)).toHaveText("Active");
  await expectNoSeriousViolations(page, "recurring list");

  // Pause, then resume: it continues from today.
  await page.goto(profileUrl);
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toContainText("Paused: no invoices are created until you resume it.");
  await expect(nextDate).toHaveText("Paused");
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toContainText("Resumed");
  await expect(nextDate).toHaveText(shown(today));

  // Edit: the saved values come back; a new price applies from the next invoice.
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Edit recurring invoice", level: 1 })).toBeVisible();
  await expect(page.getByText("Changes apply to future invoices only")).toBeVisible();
  await expect(page.getByLabel("Profile name")).toHaveValue("Monthly retainer");
  const editedLine = page.getByRole("listitem", { name: "Line 1" });
  await expect(editedLine.getByLabel("Line 1 description")).toHaveValue("Retainer {month} {year}");
  await expect(page.getByLabel("Language", { exact: true })).toHaveValue("de");
  await editedLine.getByLabel(/Unit price/).fill("1200.00");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(profileUrl);
  await expect(page.getByTestId("profile-total")).toHaveText("€1,200.00");
  await expect(nextDate).toHaveText(shown(today));

  // End asks first.
  await page.getByRole("button", { name: "End…" }).click();
  await page.getByRole("group", { name: "Confirm ending" }).getByRole("button", { name: "Yes, end it" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toContainText("Ended: no more invoices will be created from this profile.");
  await expect(nextDate).toHaveText("Ended");
  await expect(page.getByRole("button", { name: "Resume" })).toHaveCount(0);

  // The missed-run policy: drafts for review by default; the owner chooses to issue and send.
  await page.goto("/recurring");
  await expect(page.getByLabel("Create drafts for review (default)")).toBeChecked();
  await page.getByLabel("Issue and send as scheduled").check();
  await page.getByRole("button", { name: "Save this choice" }).click();
  await expect(page.getByText("Saved: missed occurrences are issued and sent as each profile says.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Issue and send as scheduled")).toBeChecked();
});
