import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./test";
import { linkFromOutbox, newContext, PASSWORD, registerAccount, uniqueEmail } from "./support";

/**
 * Issue 17 §6 as an owner sees it: Settings → Jobs, "Run jobs now" recording a finished run, a
 * member refused, and /health reporting the jobs run.
 */
test("an owner opens Settings → Jobs, runs the jobs now and sees the finished run; /health reports it", async ({ page, request }) => {
  await registerAccount(page, { name: "Jo Jobs", email: uniqueEmail("jobs"), organization: "Jobs Ledger Ltd" });
  await expect(page).toHaveURL(/\/onboarding$/);

  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
  for (const section of ["Last runs", "Next 30 days", "Recurring occurrences", "Reminders", "Outbox deliveries", "Payment events"]) {
    await expect(page.getByRole("heading", { name: section, level: 2 })).toBeVisible();
  }
  await expect(page.getByText("Nothing is scheduled in the next 30 days.")).toBeVisible();
  await expect(page.getByText("No recurring occurrence yet.")).toBeVisible();
  await expectNoSeriousViolations(page, "Settings → Jobs");

  await page.getByRole("button", { name: "Run jobs now" }).click();
  await expect(page.getByText("Jobs ran. What they did for your organisation is listed below.")).toBeVisible();
  // The page re-renders with the run: finished, started by this button.
  const ours = page.getByTestId("job-run").filter({ hasText: "Run jobs now" }).first();
  await expect(ours).toContainText("Finished");
  await expectNoSeriousViolations(page, "Settings → Jobs after a run");

  const response = await request.get("/health/", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", db: "ok", jobs: "ok" });
  expect(Date.parse(body.lastJobsRunAt)).not.toBeNaN();
});

test("a member who is not an owner or admin is refused the job ledger", async ({ page, browser }) => {
  const memberEmail = uniqueEmail("jobs-member");
  await registerAccount(page, { name: "Olga Owner", email: uniqueEmail("jobs-owner"), organization: "Ledger Owners Co" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.goto("/settings/team");
  await page.getByLabel("Email address").fill(memberEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("member");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${memberEmail}`);
  const inviteLink = await linkFromOutbox(page, memberEmail, /invit/i);

  const { context, page: colleague } = await newContext(browser);
  await colleague.goto(inviteLink);
  await colleague.getByRole("link", { name: "Create an account" }).click();
  await colleague.getByLabel("Your name").fill("Milo Member");
  await colleague.getByLabel("Password").fill(PASSWORD);
  await colleague.getByLabel("Business name").fill("Milo's Own Co");
  await colleague.getByRole("button", { name: "Create account" }).click();
  await expect(colleague).toHaveURL(/\/dashboard$/);
  await colleague.getByLabel("Organisation").selectOption({ label: "Ledger Owners Co" });
  await expect(colleague.getByRole("heading", { name: "Ledger Owners Co" })).toBeVisible();
  await expect(colleague.getByLabel("Organisation")).toBeEnabled();

  await colleague.goto("/settings/jobs");
  await expect(colleague.getByRole("heading", { name: "You don't have access to the job ledger" })).toBeVisible();
  await expect(colleague.getByRole("button", { name: "Run jobs now" })).toHaveCount(0);
  await context.close();
});
