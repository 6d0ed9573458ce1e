import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./test";
import { createCustomer, issueInvoice, linkFromOutbox, registerAccount, saveDraftInvoice, toast, uniqueEmail } from "./support";

/**
 * Issue 16 §4 and §7 as an owner sees them before Stripe is connected: the reconciliation page
 * (reached from Settings) says what to do first, and the two "payment received" emails are
 * editable with the other templates. (Recording a missing payment needs a connected account:
 * lib/services/stripe-reconcile.db.test.ts covers it against the fake Stripe API.)
 */
test("reconciliation page, payment email templates, and a receipt for a manual payment when asked", async ({ page }) => {
  test.setTimeout(180_000);
  await registerAccount(page, { name: "Rhea Reconcile", email: uniqueEmail("rhea"), organization: "Rhea Books" });
  await expect(page).toHaveURL(/\/onboarding$/);

  // Linked from Settings → Payments once Stripe is connected; before that, reachable by address.
  await page.goto("/settings/payments/reconciliation");
  await expect(page.getByRole("heading", { name: "Stripe reconciliation", level: 1 })).toBeVisible();
  await expect(page.getByText(/payments that succeeded in your Stripe account in the last 30 days/)).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Stripe is not connected. Connect your Stripe account in Settings → Payments first.");
  await expect(page.getByRole("button", { name: "Check now" })).toHaveCount(0);
  await expectNoSeriousViolations(page, "reconciliation, Stripe not connected");

  await page.goto("/settings/emails");
  const receipt = page.getByRole("region", { name: "Payment receipt" });
  await expect(receipt).toContainText("Sent to the client when a payment is received online (Stripe).");
  await expect(receipt.getByLabel("Message")).toHaveValue(/We have received your payment of \{amount_paid\} for invoice \{number\}\. The amount still due is \{amount_due\}\./);
  const team = page.getByRole("region", { name: "Payment received (to your team)" });
  await expect(team).toContainText("Sent to the organisation's owners and admins when a client pays online.");
  await expect(team.getByLabel("Subject")).toHaveValue("{customer_name} paid {amount_paid} on invoice {number}");
  // The preview fills the new placeholder with its sample.
  await expect(team.getByRole("figure")).toContainText("Jane Doe paid $500.00 on invoice INV-2026-0042");
  await team.getByLabel("Subject").fill("Paid: {number} ({amount_paid}) {amount}");
  await team.getByRole("button", { name: /^Save/ }).click();
  await expect(team.getByText(/^Unknown placeholder \{amount\}\. Use one of: .*\{amount_paid\}/)).toBeVisible();
  await team.getByLabel("Subject").fill("Paid: {number} ({amount_paid})");
  await team.getByRole("button", { name: /^Save/ }).click();
  await page.reload();
  await expect(page.getByRole("region", { name: "Payment received (to your team)" }).getByLabel("Subject")).toHaveValue("Paid: {number} ({amount_paid})");
  await expectNoSeriousViolations(page, "email templates");

  // A payment recorded by hand emails a receipt only when asked (off by default).
  const client = uniqueEmail("rhea-client");
  await createCustomer(page, { name: "Ledger Lane", email: client });
  await saveDraftInvoice(page, { customer: "Ledger Lane", currency: "USD", lines: [{ description: "Bookkeeping", price: "200.00" }] });
  const invoice = await issueInvoice(page);
  await page.getByRole("button", { name: "Record payment" }).click();
  const form = page.getByRole("form", { name: "Record a payment" });
  await expect(form.getByLabel("Email a receipt to the client")).not.toBeChecked();
  await form.getByLabel("Amount (USD)").fill("50.00");
  await form.getByLabel("Email a receipt to the client").check();
  await form.getByRole("button", { name: "Save payment" }).click();
  await expect(toast(page, "Payment recorded; a receipt is on its way to the client.")).toBeVisible();
  // The receipt's button is the client's page for the invoice.
  const link = await linkFromOutbox(page, client, new RegExp(`Payment received for invoice ${invoice.number}`));
  expect(link).toMatch(/\/i\/[A-Za-z0-9_-]{20,}$/);
});
