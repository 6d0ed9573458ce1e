/**
 * Issue 15 §2: after "Save payment" the panel closes, focus is on the new payment, and the payment
 * can be undone; one submission records one payment; an identical one moments later is asked about.
 */
import type { Request } from "@playwright/test";
import { expect, type Page, test } from "./test";
import { createCustomer, issueInvoice, registerAccount, saveDraftInvoice, toast, uniqueEmail } from "./support";

const paymentForm = (page: Page) => page.getByRole("form", { name: "Record a payment" });
const paymentRows = (page: Page) => page.getByRole("region", { name: "Payments" }).getByRole("listitem");

test("a payment is recorded once, the panel closes on the new row, a repeat is asked about, and Undo takes it back", async ({ page }) => {
  await registerAccount(page, { name: "Paula Payee", email: uniqueEmail("paula"), organization: "Paula's Studio" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await createCustomer(page, { name: "Contoso" });
  await saveDraftInvoice(page, { customer: "Contoso", currency: "USD", lines: [{ description: "Design work", price: "1000.00" }] });
  await issueInvoice(page);
  await expect(page.getByTestId("document-balance")).toHaveText("$1,000.00");

  // Saved: the panel closes, focus lands on the new payment's row, Undo is offered.
  await page.getByRole("button", { name: "Record payment" }).click();
  await page.getByLabel("Amount (USD)").fill("500.00");
  await page.getByLabel("Reference").fill("WIRE-1");
  await page.getByRole("button", { name: "Save payment" }).click();
  await expect(toast(page, "Payment recorded.")).toBeVisible();
  await expect(paymentForm(page)).toHaveCount(0);
  await expect(paymentRows(page).filter({ hasText: "WIRE-1" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Undo" })).toBeVisible();
  // 1,000.00 − 500.00.
  await expect(page.getByTestId("document-balance")).toHaveText("$500.00");

  // Opened again, the form starts from the new balance with an empty reference.
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByLabel("Amount (USD)")).toHaveValue("500.00");
  await expect(page.getByLabel("Reference")).toHaveValue("");

  // One submission sent twice before the page can react (a double-submit): one payment.
  await page.getByLabel("Amount (USD)").fill("200.00");
  await page.getByLabel("Reference").fill("WIRE-2");
  const actionPosts: string[] = [];
  const countPost = (request: Request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) actionPosts.push(request.url());
  };
  page.on("request", countPost);
  await paymentForm(page).evaluate((form: HTMLFormElement) => {
    form.requestSubmit();
    form.requestSubmit();
  });
  await expect(paymentRows(page).filter({ hasText: "WIRE-2" })).toBeFocused();
  // Both requests reached the server...
  await expect.poll(() => actionPosts.length).toBe(2);
  page.off("request", countPost);
  // ...and one payment was recorded.
  await expect(paymentRows(page)).toHaveCount(2);
  // 500.00 − 200.00, once.
  await expect(page.getByTestId("document-balance")).toHaveText("$300.00");

  // The same amount, date and reference again, moments later: asked about, nothing recorded yet.
  await page.getByRole("button", { name: "Record payment" }).click();
  await page.getByLabel("Amount (USD)").fill("200.00");
  await page.getByLabel("Reference").fill("WIRE-2");
  await page.getByRole("button", { name: "Save payment" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "recorded on this invoice in the last 10 minutes" })).toBeVisible();
  await expect(paymentRows(page)).toHaveCount(2);
  await expect(page.getByTestId("document-balance")).toHaveText("$300.00");
  // The user says it came twice: recorded. 300.00 − 200.00.
  await page.getByRole("button", { name: "Record it again" }).click();
  await expect(paymentRows(page)).toHaveCount(3);
  await expect(page.getByTestId("document-balance")).toHaveText("$100.00");

  // Undo takes that last payment back: 100.00 + 200.00.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Payment undone; the balance is restored.")).toBeVisible();
  await expect(paymentRows(page)).toHaveCount(2);
  await expect(page.getByTestId("document-balance")).toHaveText("$300.00");
});
