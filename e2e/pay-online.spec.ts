import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./test";
import { completeOnboarding, createCustomer, issueInvoice, registerAccount, saveDraftInvoice, sendInvoice, uniqueEmail } from "./support";

/** The fake Stripe of the e2e server (scripts/e2e-server.ts): the app's port + 2. */
const FAKE_STRIPE = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 5055) + 2}`;
const PHONE = { width: 390, height: 844 };

test("the owner connects Stripe; the client pays the invoice plus the fee from a phone and comes back to a page that confirms it", async ({ page, browser, request }) => {
  const clientEmail = uniqueEmail("payer");
  await registerAccount(page, { name: "Owner", email: uniqueEmail("owner"), organization: "Paid Online Ltd" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await completeOnboarding(page, { currency: "EUR" });
  await createCustomer(page, { name: "Client Co", email: clientEmail });
  await page.goto("/settings/taxes");
  await page.getByLabel("Tax name").fill("VAT");
  await page.getByLabel("Rate (%)").fill("20");
  await page.getByRole("button", { name: "Add tax rate" }).click();
  await expect(page.getByRole("rowheader", { name: "VAT", exact: true })).toBeVisible();

  // Settings → Payments, from the settings index.
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Payments", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Connect Stripe" })).toBeVisible();
  await expectNoSeriousViolations(page, "Settings → Payments", { failOn: "any" });
  const key = page.getByLabel("Restricted key");
  const secret = page.getByLabel("Webhook signing secret");
  const connect = page.getByRole("button", { name: "Connect Stripe" });

  // The wrong kind of key, then a key Stripe refuses: told why, nothing typed is lost.
  await key.fill("pk_test_publishable12345");
  await secret.fill("whsec_e2e_signing_secret_1");
  await connect.click();
  await expect(page.getByText(/This is a publishable key/)).toBeVisible();
  await key.fill("rk_test_invalidKey12345");
  await connect.click();
  await expect(page.getByText(/Stripe did not accept this key: it may be mistyped/)).toBeVisible();
  await expect(key).toHaveValue("rk_test_invalidKey12345");
  await expect(secret).toHaveValue("whsec_e2e_signing_secret_1");

  await key.fill("rk_test_e2eConnectKey5678");
  await connect.click();
  await expect(page.getByRole("heading", { name: "Stripe is connected" })).toBeVisible();
  await expect(page.getByTestId("stripe-masked-key")).toHaveText("rk_test_…5678");
  await expect(page.getByTestId("stripe-mode")).toHaveText(/^Test/);
  const webhookUrl = (await page.getByTestId("stripe-webhook-url").textContent())!;
  expect(webhookUrl).toMatch(/^http:\/\/localhost:\d+\/api\/webhooks\/stripe\/[A-Za-z0-9_-]{16,64}$/);
  await expect(page.getByText("checkout.session.async_payment_succeeded")).toBeVisible();
  // What the owner does in Stripe's Dashboard: the fake now POSTs this account's events there.
  const registered = await request.post(`${FAKE_STRIPE}/__fake/endpoints`, { data: { url: webhookUrl, secret: "whsec_e2e_signing_secret_1", apiKey: "rk_test_e2eConnectKey5678" } });
  expect(registered.ok()).toBe(true);

  // The pass-through fee: 2.9 % + €0.30, taxed at 20 %.
  await expect(page.getByText(/Surcharging payments by consumer cards is banned in the EEA and the UK/)).toBeVisible();
  await page.getByLabel(/Add Stripe's fee/).check();
  await page.getByLabel("Rate (%)").fill("2.9");
  await page.getByLabel("Fixed amount (EUR)").fill("0.30");
  await page.getByLabel("Tax on the fee").selectOption({ label: "VAT 20%" });
  await page.getByLabel("Let clients pay part of an invoice").check();
  await page.getByLabel("Smallest part a client may pay (EUR)").fill("10.00");
  await page.getByRole("button", { name: "Save payment options" }).click();
  await expect(page.getByText("Payment options saved.")).toBeVisible();
  await expectNoSeriousViolations(page, "payment options saved", { failOn: "any" });

  await saveDraftInvoice(page, { customer: "Client Co", currency: "EUR", lines: [{ description: "Design work", price: "100.00" }] });
  const { number } = await issueInvoice(page);
  const link = await sendInvoice(page, clientEmail);

  // The client, on a phone.
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const client = await context.newPage();
  await client.goto(link);
  await expect(client.getByTestId("amount-due")).toHaveText("€100.00");
  // By hand: net ceil((0.029 × 10000 + 30) / (1 − 0.029 × 1.2)) = ceil(331.54) = 332, VAT 66.4 → 66, fee 3.98.
  await expect(client.getByTestId("payment-fee")).toHaveText("€3.98");
  await expect(client.getByText("Payment fee (incl. VAT 20%)")).toBeVisible();
  await expect(client.getByTestId("total-to-pay")).toHaveText("€103.98");
  const pay = client.getByRole("button", { name: "Pay €103.98" });
  await expect(pay).toBeVisible();
  await expectNoSeriousViolations(client, "client link with Pay", { failOn: "any" });

  // Part payments: below the minimum comes back with the reason and the amount as typed (no script involved).
  await client.getByLabel(/Or pay part of it \(€10\.00 to €100\.00\)/).fill("5");
  await client.getByRole("button", { name: "Pay this amount" }).click();
  await expect(client.getByRole("alert").filter({ hasText: "Please enter" })).toHaveText("Please enter an amount between €10.00 and €100.00.");
  await expect(client.getByLabel(/Or pay part of it/)).toHaveValue("5");
  await expectNoSeriousViolations(client, "client link, part payment refused", { failOn: "any" });

  await pay.click();
  await expect(client).toHaveURL(new RegExp(`^${FAKE_STRIPE}/checkout/cs_test_`));
  await expect(client.getByText(`Invoice ${number} — 100.00 × 1`)).toBeVisible();
  await expect(client.getByText("Payment fee — 3.98 × 1")).toBeVisible();
  await expect(client.getByTestId("checkout-total")).toHaveText("103.98 EUR");
  await client.getByRole("button", { name: "Pay with card" }).click();

  // Back on the invoice: until the webhook has recorded the payment, "confirming", never "paid".
  await expect(client).toHaveURL(/\/i\/[A-Za-z0-9_-]{43}\?checkout=cs_test_\w+/);
  await expect(client.getByTestId("checkout-return")).toHaveText(/We're confirming your payment|Payment received — thank you/);
  await expect(client.getByRole("button", { name: /^Pay / })).toHaveCount(0);
  // The fake, like Stripe, sent checkout.session.completed (signed) before sending the client back:
  // the webhook has recorded the payment, so the page says so and offers nothing more to pay.
  await expect(client.getByTestId("checkout-return")).toHaveText(/Payment received — thank you/);
  await expect(client.getByTestId("amount-due")).toHaveText("€0.00");
  await context.close();

  // The owner: the invoice is paid by Stripe; the fee is its own paid invoice; the dashboard counts both.
  await page.reload();
  await expect(page.getByTestId("document-balance")).toHaveText("€0.00");
  await expect(page.getByRole("region", { name: "Payments" })).toContainText("€100.00");
  await expect(page.getByRole("region", { name: "Payments" })).toContainText(/pi_\w+/);
  await page.goto("/invoices");
  // 3.98 = net 3.32 + VAT 20% 0.66 (worked above).
  await expect(page.getByRole("row").filter({ hasText: "€3.98" })).toHaveCount(1);
  await page.goto("/dashboard");
  await expect(page.getByTestId("figure-collected")).toHaveText("€103.98");
  await expect(page.getByTestId("figure-processing")).toHaveText("€0.00");
});

test("paid by SEPA Debit: processing (never paid) on the client page, the invoice and the dashboard, until Stripe settles it", async ({ page, browser, request }) => {
  const clientEmail = uniqueEmail("sepa");
  await registerAccount(page, { name: "Owner", email: uniqueEmail("sepa-owner"), organization: "Debit Ltd" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await completeOnboarding(page, { currency: "EUR" });
  await createCustomer(page, { name: "Slow Payer", email: clientEmail });
  await page.goto("/settings/payments");
  await page.getByLabel("Restricted key").fill("rk_test_e2eSepaKey0042");
  await page.getByLabel("Webhook signing secret").fill("whsec_e2e_sepa_secret_0042");
  await page.getByRole("button", { name: "Connect Stripe" }).click();
  const webhookUrl = (await page.getByTestId("stripe-webhook-url").textContent())!;
  await request.post(`${FAKE_STRIPE}/__fake/endpoints`, { data: { url: webhookUrl, secret: "whsec_e2e_sepa_secret_0042", apiKey: "rk_test_e2eSepaKey0042" } });

  await saveDraftInvoice(page, { customer: "Slow Payer", currency: "EUR", lines: [{ description: "Consulting", quantity: "2", price: "125.00" }] });
  await issueInvoice(page);
  const invoiceUrl = page.url();
  const link = await sendInvoice(page, clientEmail);

  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const client = await context.newPage();
  await client.goto(link);
  await client.getByRole("button", { name: "Pay €250.00" }).click();
  await client.getByRole("button", { name: "Pay with SEPA Debit" }).click();
  await expect(client.getByTestId("checkout-return")).toHaveText(/Your payment is processing/);
  await expect(client.getByTestId("amount-due")).not.toHaveText("€0.00");
  const sessionId = new URL(client.url()).searchParams.get("checkout")!;

  await page.goto(invoiceUrl);
  await expect(page.getByTestId("document-processing")).toContainText("€250.00");
  await expect(page.getByTestId("document-balance")).toHaveText("€250.00");
  await page.goto("/dashboard");
  await expect(page.getByTestId("figure-processing")).toHaveText("€250.00");
  await expect(page.getByTestId("figure-collected")).toHaveText("€0.00");

  // Days later the debit clears: checkout.session.async_payment_succeeded.
  expect((await request.post(`${FAKE_STRIPE}/__fake/settle`, { data: { sessionId, outcome: "succeeded" } })).ok()).toBe(true);
  await page.reload();
  await expect(page.getByTestId("figure-processing")).toHaveText("€0.00");
  await expect(page.getByTestId("figure-collected")).toHaveText("€250.00");
  await client.reload();
  await expect(client.getByTestId("checkout-return")).toHaveText(/Payment received — thank you/);
  await expect(client.getByTestId("amount-due")).toHaveText("€0.00");
  await context.close();
});
