/**
 * Issue 19 §5: destructive actions ask in the app's own dialog, not the browser's confirm(): it
 * starts on Cancel, Escape cancels and gives focus back to the button, and only the confirm deletes.
 */
import { expect, test } from "./test";
import { completeOnboarding, createCustomer, issueInvoice, registerAccount, saveDraftInvoice, sendInvoice, toast, uniqueEmail } from "./support";

test("deleting a customer or an item asks first: Escape keeps it, the confirm deletes it", async ({ page }) => {
  await registerAccount(page, { name: "Dora Delete", email: uniqueEmail("dora"), organization: "Dora's Desk" });
  await expect(page).toHaveURL(/\/onboarding$/);

  // Customer: from the keyboard, Escape cancels and nothing is deleted.
  await createCustomer(page, { name: "Doomed Co" });
  const customerUrl = new URL(page.url()).pathname;
  const deleteCustomer = page.getByRole("button", { name: "Delete", exact: true });
  await deleteCustomer.focus();
  await page.keyboard.press("Enter");
  const confirmCustomer = page.getByRole("dialog", { name: "Delete Doomed Co?" });
  await expect(confirmCustomer).toContainText("A customer with documents can't be deleted: archive it instead.");
  await expect(confirmCustomer.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirmCustomer).toHaveCount(0);
  await expect(deleteCustomer).toBeFocused();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Doomed Co", level: 1 })).toBeVisible();

  // Cancel by its button keeps it too; the confirm deletes it and lands on the list.
  await deleteCustomer.click();
  await confirmCustomer.getByRole("button", { name: "Cancel" }).click();
  await expect(confirmCustomer).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Doomed Co", level: 1 })).toBeVisible();
  await deleteCustomer.click();
  await confirmCustomer.getByRole("button", { name: "Delete customer" }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe("/customers");
  await expect(toast(page, "Customer deleted.")).toBeVisible();
  await expect(page.getByText("No customers yet — add your first customer.")).toBeVisible();
  expect((await page.goto(customerUrl))?.status()).toBe(404);

  // Item: the row's Delete, from the keyboard.
  await page.goto("/items/new");
  await page.getByLabel("Name").fill("Site visit");
  await page.getByLabel("Unit price").fill("90.00");
  await page.getByRole("button", { name: "Create item" }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe("/items");
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Site visit" }) });
  await expect(row).toContainText("$90.00");
  const deleteItem = page.getByRole("button", { name: "Delete Site visit" });
  await deleteItem.focus();
  await page.keyboard.press("Enter");
  const confirmItem = page.getByRole("dialog", { name: "Delete Site visit?" });
  await expect(confirmItem).toContainText("Invoices and quotes that use it keep their own copy of the line.");
  await expect(confirmItem.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirmItem).toHaveCount(0);
  await expect(deleteItem).toBeFocused();
  await page.reload();
  await expect(row).toContainText("$90.00");

  await deleteItem.click();
  await confirmItem.getByRole("button", { name: "Delete item" }).click();
  await expect(toast(page, "Item deleted.")).toBeVisible();
  await expect(page.getByText("No items yet — add the products and services you sell.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("No items yet — add the products and services you sell.")).toBeVisible();
});

test("resetting an email's wording asks first: Escape keeps your wording, the confirm restores the default", async ({ page }) => {
  await registerAccount(page, { name: "Rita Reset", email: uniqueEmail("rita"), organization: "Rita's Rooms" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.goto("/settings/emails");
  const quote = page.getByRole("region", { name: "Quote" });
  const subject = quote.getByLabel("Subject");
  const defaultSubject = "Quote {number} from {organization_name}";
  await expect(subject).toHaveValue(defaultSubject);
  await subject.fill("Your quote {number}, as promised");
  await quote.getByRole("button", { name: /^Save/ }).click();
  await expect(quote.getByRole("button", { name: "Reset to default" })).toBeEnabled();
  await page.reload();
  await expect(subject).toHaveValue("Your quote {number}, as promised");

  const reset = quote.getByRole("button", { name: "Reset to default" });
  await reset.focus();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Reset to the default wording?" });
  await expect(confirm).toContainText("Your quote email goes back to the default subject and message.");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(reset).toBeFocused();
  await page.reload();
  await expect(subject).toHaveValue("Your quote {number}, as promised");

  await reset.click();
  await confirm.getByRole("button", { name: "Reset to default" }).click();
  await expect(subject).toHaveValue(defaultSubject);
  await expect(quote.getByText("Using the default wording.")).toBeVisible();
  await page.reload();
  await expect(subject).toHaveValue(defaultSubject);
});

test("revoking the client link asks first: Escape keeps the link working, the confirm stops it", async ({ page }) => {
  test.setTimeout(180_000);
  await registerAccount(page, { name: "Rex Revoke", email: uniqueEmail("rex"), organization: "Rex's Rigs" });
  await expect(page).toHaveURL(/\/onboarding$/);
  const clientEmail = uniqueEmail("linkless");
  await createCustomer(page, { name: "Linkless Ltd", email: clientEmail });
  await saveDraftInvoice(page, { customer: "Linkless Ltd", currency: "USD", lines: [{ description: "Audit", price: "300.00" }] });
  await issueInvoice(page);
  const link = await sendInvoice(page, clientEmail);

  const revoke = page.getByRole("button", { name: "Revoke link" });
  await revoke.focus();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Revoke the client link?" });
  await expect(confirm).toContainText("It stops working for anyone who has it.");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(revoke).toBeFocused();
  expect((await page.request.get(link)).status()).toBe(200);

  await revoke.click();
  await confirm.getByRole("button", { name: "Revoke link" }).click();
  await expect(toast(page, "The client link was revoked.")).toBeVisible();
  expect((await page.request.get(link)).status()).toBe(404);
});

test("disconnecting Stripe asks first: Cancel keeps it connected, the confirm disconnects it", async ({ page }) => {
  await registerAccount(page, { name: "Stan Stripe", email: uniqueEmail("stan"), organization: "Stan's Stalls" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await completeOnboarding(page);
  // The e2e server's fake Stripe (scripts/e2e-server.ts) accepts this restricted key, as pay-online.spec.ts does.
  await page.goto("/settings/payments");
  await page.getByLabel("Restricted key").fill("rk_test_e2eDisconnect4242");
  await page.getByLabel("Webhook signing secret").fill("whsec_e2e_disconnect_secret_1");
  await page.getByRole("button", { name: "Connect Stripe" }).click();
  const connected = page.getByRole("heading", { name: "Stripe is connected" });
  await expect(connected).toBeVisible();

  const disconnect = page.getByRole("button", { name: "Disconnect Stripe" });
  await disconnect.click();
  const confirm = page.getByRole("dialog", { name: "Disconnect Stripe?" });
  await expect(confirm).toContainText("Clients can no longer pay online");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(disconnect).toBeFocused();
  await page.reload();
  await expect(connected).toBeVisible();
  await expect(page.getByTestId("stripe-masked-key")).toHaveText("rk_test_…4242");

  await disconnect.click();
  await confirm.getByRole("button", { name: "Disconnect Stripe" }).click();
  await expect(page.getByRole("heading", { name: "Connect Stripe" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Connect Stripe" })).toBeVisible();
  await expect(connected).toHaveCount(0);
});
