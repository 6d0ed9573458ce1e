import { unzipSync } from "fflate";
import { readFile } from "node:fs/promises";
import { E2E_BULK } from "./bulk-fixture";
import { expectNoSeriousViolations } from "./axe";
import { expect, type Page, test } from "./test";
import { createCustomer, issueInvoice, registerAccount, saveDraftInvoice, sendInvoice, signIn, uniqueEmail } from "./support";

/**
 * Issue 19 §4, bulk actions as a member meets them: select every invoice matching a filter (50,
 * seeded by scripts/e2e-seed.ts) and download their PDFs as one ZIP; send a few at once, one of them
 * a resend, and see the one that failed named with the reason. Axe with the bulk bar on screen, and
 * no Content Security Policy violation on the way.
 */

function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test("select all 50 invoices matching a filter and download their PDFs as one ZIP", async ({ page }) => {
  test.setTimeout(300_000);
  const csp = watchCsp(page);
  await signIn(page, E2E_BULK.email, E2E_BULK.password);
  await expect(page).not.toHaveURL(/\/login/);

  // The filter: issued invoices. 25 on the first page, 50 in all.
  await page.goto("/invoices?status=issued");
  await expect(page.getByRole("heading", { name: "Invoices", level: 1 })).toBeVisible();
  const rowBoxes = page.getByRole("checkbox", { name: /^Select INV-/ });
  await expect(rowBoxes).toHaveCount(25);

  await page.getByRole("checkbox", { name: "Select every row on this page" }).check();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar).toContainText("25 selected");
  await bar.getByRole("button", { name: `Select all ${E2E_BULK.invoices} matching this filter` }).click();
  await expect(bar).toContainText(`All ${E2E_BULK.invoices} invoices matching this filter are selected.`);
  await expectNoSeriousViolations(page, "invoices with the bulk bar");

  // A retry of this test shares the seeded organisation: clear an earlier attempt's result first,
  // so the notice followed below is this run's.
  await dismissEarlierResults(page);
  await bar.getByRole("button", { name: "Download PDFs (ZIP)" }).click();
  // The work goes on server-side; the notice above the list follows it, then offers the ZIP.
  const notice = page.getByTestId("bulk-notice").first();
  await expect(notice).toContainText(`PDF download finished: ${E2E_BULK.invoices} ready`, { timeout: 240_000 });
  await expectNoSeriousViolations(page, "invoices with a finished bulk action");

  const [download] = await Promise.all([page.waitForEvent("download"), notice.getByRole("link", { name: `Download ZIP (${E2E_BULK.invoices} PDFs)` }).click()]);
  expect(download.suggestedFilename()).toMatch(/^documents-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  const names = Object.keys(files).sort();
  expect(names).toHaveLength(E2E_BULK.invoices);
  for (const name of names) expect(name).toMatch(/^INV-\d{4}-\d{4}\.pdf$/);
  // The seed issued them one after the other: numbers 1 to 50 of this year's sequence.
  const year = names[0]!.slice(4, 8);
  expect(names).toEqual(Array.from({ length: E2E_BULK.invoices }, (_, i) => `INV-${year}-${String(i + 1).padStart(4, "0")}.pdf`));
  for (const name of names) expect(new TextDecoder().decode(files[name]!.slice(0, 5))).toBe("%PDF-");

  // Coming back later: the result is still there until dismissed.
  await page.goto("/invoices");
  await expect(page.getByTestId("bulk-notice").first()).toContainText(`PDF download finished: ${E2E_BULK.invoices} ready`);
  await page.getByTestId("bulk-notice").first().getByRole("button", { name: "Dismiss this result" }).click();
  await expect(page.getByText(`PDF download finished: ${E2E_BULK.invoices} ready`)).toHaveCount(0);
  expect(csp).toEqual([]);
});

test("send three invoices at once (one a resend): two go out, the one without an address is reported by name", async ({ page }) => {
  test.setTimeout(240_000);
  const csp = watchCsp(page);
  await registerAccount(page, { name: "Sam Sender", email: uniqueEmail("bulk-send"), organization: "Bulk Send Co" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await createCustomer(page, { name: "Resend Ready Ltd", email: "ap@resend-ready.example" });
  await createCustomer(page, { name: "No Address GmbH" });

  await saveDraftInvoice(page, { customer: "Resend Ready Ltd", currency: "EUR", lines: [{ description: "Design", price: "100.00" }] });
  const first = await issueInvoice(page);
  // Sent once already: the bulk send is its resend.
  await sendInvoice(page, "ap@resend-ready.example");
  await saveDraftInvoice(page, { customer: "Resend Ready Ltd", currency: "EUR", lines: [{ description: "Build", price: "200.00" }] });
  const second = await issueInvoice(page);
  await saveDraftInvoice(page, { customer: "No Address GmbH", currency: "EUR", lines: [{ description: "Support", price: "300.00" }] });
  const third = await issueInvoice(page);

  await page.goto("/invoices");
  for (const { number } of [first, second, third]) await page.getByRole("checkbox", { name: `Select ${number}` }).check();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar).toContainText("3 selected");
  await expectNoSeriousViolations(page, "invoices with three selected");
  await dismissEarlierResults(page);
  await bar.getByRole("button", { name: "Send", exact: true }).click();

  const notice = page.getByTestId("bulk-notice").first();
  await expect(notice).toContainText("Bulk send finished: 2 sent, 1 failed", { timeout: 120_000 });
  await expect(notice.getByRole("list", { name: "Documents not done" })).toHaveText(
    `${third.number} (No Address GmbH) failed: This customer has no email address. Add one on the customer's page, then send again.`,
  );
  await expectNoSeriousViolations(page, "invoices with a bulk send result");
  // The list now shows the second invoice sent; the third is still only issued.
  await expect(page.getByRole("row").filter({ hasText: second.number }).getByText("Sent")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: third.number }).getByText("Issued")).toBeVisible();

  // "View": every document's outcome.
  await notice.getByRole("link", { name: "View the outcome for each document" }).click();
  await expect(page.getByRole("heading", { name: "Bulk send", level: 1 })).toBeVisible();
  const failed = page.getByRole("row").filter({ hasText: third.number });
  await expect(failed).toContainText("Failed");
  await expect(failed).toContainText("This customer has no email address.");
  for (const { number } of [first, second]) await expect(page.getByRole("row").filter({ hasText: number })).toContainText("Done");
  await expectNoSeriousViolations(page, "bulk action page");

  // Two messages for the first invoice (the send and the resend), one for the second.
  await page.goto(first.url);
  await expect(page.getByRole("list", { name: "Emails" }).getByRole("listitem").filter({ hasText: "to ap@resend-ready.example" })).toHaveCount(2);
  expect(csp).toEqual([]);
});

async function dismissEarlierResults(page: Page) {
  const dismiss = page.getByTestId("bulk-notice").getByRole("button", { name: "Dismiss this result" });
  for (let n = await dismiss.count(); n > 0; n--) {
    await dismiss.first().click();
    await expect(dismiss).toHaveCount(n - 1);
  }
}
