import { expectNoSeriousViolations } from "./axe";
import { expect, type Page, test } from "./test";
import { createCustomer, registerAccount, sendInvoice, uniqueEmail } from "./support";

/** Nothing on the page scrolls sideways (the whole document is no wider than the viewport). */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${page.url()} at ${clientWidth}px`).toBeLessThanOrEqual(clientWidth);
}

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

async function setUp(page: Page, organization: string, clientEmail: string) {
  await registerAccount(page, { name: "Owner", email: uniqueEmail("owner"), organization });
  await expect(page).toHaveURL(/\/onboarding$/);
  // Only the bank details matter here; they are set in Settings, as an owner who left the onboarding would.
  await page.goto("/settings");
  await page.getByLabel("Bank details (shown on invoices)").fill("Bank of Ireland · IBAN IE29 AIBK 9311 5212 3456 78\nBIC AIBKIE2D");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();
  await createCustomer(page, { name: "Client Co", email: clientEmail });
  await page.goto("/settings/taxes");
  await page.getByLabel("Tax name").fill("VAT");
  await page.getByLabel("Rate (%)").fill("20");
  await page.getByRole("button", { name: "Add tax rate" }).click();
  await expect(page.getByRole("rowheader", { name: "VAT", exact: true })).toBeVisible();
}

test("10 h × $120.00 at 20% VAT with 5% off: the line says $1,200.00 everywhere; the client's phone page leads with what is owed", async ({ page, browser }) => {
  const clientEmail = uniqueEmail("client");
  await setUp(page, "Acme Ltd", clientEmail);

  await page.goto("/invoices/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Client Co" });
  await page.getByLabel("Currency").selectOption("USD");
  const line = page.getByRole("listitem", { name: "Line 1" });
  await line.getByLabel("Line 1 description").fill("Consulting");
  await line.getByLabel("Quantity").fill("10");
  await line.getByLabel(/Unit price/).fill("120.00");
  await line.getByRole("checkbox", { name: /^VAT \(/ }).check();
  await page.getByLabel("Discount on the whole invoice").selectOption("percent");
  await page.getByLabel("Document discount value").fill("5");
  // By hand: the line is 10 × 120.00 = 1,200.00; 5% off the whole invoice is 60.00; VAT 20% on
  // 1,140.00 is 228.00; the total is 1,140.00 + 228.00 = 1,368.00.
  await expect(page.getByLabel("Line 1 amount")).toHaveText("$1,200.00");
  await expect(page.getByTestId("subtotal")).toHaveText("$1,200.00");
  await expect(page.getByTestId("discount-total")).toHaveText("−$60.00");
  // The editor's own totals box (the live preview beside it says the same).
  await expect(page.getByRole("region", { name: "Totals", exact: true }).getByText("VAT 20% on $1,140.00")).toBeVisible();
  await expect(page.getByTestId("total")).toHaveText("$1,368.00");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByRole("button", { name: "Issue invoice" }).click();
  const heading = page.getByRole("heading", { name: /^Invoice INV-\d{4}-\d{4}$/ });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())!.replace("Invoice ", "");
  const invoiceUrl = page.url();

  // The invoice page.
  await expect(page.getByTestId("line-amount")).toHaveText("$1,200.00");
  await expect(page.getByTestId("subtotal")).toHaveText("$1,200.00");
  await expect(page.getByTestId("summary-discount")).toHaveText("−$60.00");
  await expect(page.getByText("Discount 5%", { exact: true })).toBeVisible();
  await expect(page.getByText("VAT 20% on $1,140.00", { exact: true })).toBeVisible();
  await expect(page.getByTestId("total")).toHaveText("$1,368.00");
  const link = await sendInvoice(page, clientEmail);

  // The owner's invoices list and taxes page fit a phone and a laptop.
  for (const viewport of [PHONE, LAPTOP]) {
    await page.setViewportSize(viewport);
    for (const path of ["/invoices", "/settings/taxes"]) {
      await page.goto(path);
      await expectNoSidewaysScroll(page);
    }
  }
  await page.setViewportSize(LAPTOP);

  // The client, on a phone.
  const context = await browser.newContext({ viewport: PHONE });
  const client = await context.newPage();
  await client.goto(link);
  await expect(client).toHaveTitle(`Invoice ${number} from Acme Ltd`);
  await expect(client.getByTestId("amount-due")).toHaveText("$1,368.00");
  await expect(client.getByTestId("due-date")).toBeVisible();
  await expect(client.getByTestId("line-amount")).toHaveText("$1,200.00");
  await expect(client.getByTestId("summary-subtotal")).toHaveText("$1,200.00");
  await expect(client.getByTestId("summary-discount")).toHaveText("−$60.00");
  await expect(client.getByText("VAT 20% on $1,140.00", { exact: true })).toBeVisible();
  await expect(client.getByTestId("public-total")).toHaveText("$1,368.00");
  // Totals end with what is still owed.
  await expect(client.locator("dl dt").last()).toHaveText("Balance due");
  await expect(client.getByTestId("balance-due")).toHaveText("$1,368.00");
  await expect(client.getByText("Billed to", { exact: true })).toBeVisible();

  // First what is owed and by when, then what to do, then the lines.
  const download = client.getByRole("link", { name: "Download PDF" });
  await expect(client.getByRole("button", { name: /^Pay\b/ })).toHaveCount(0);
  // A dollar invoice has no SEPA QR code.
  await expect(client.getByTestId("epc-qr")).toHaveCount(0);
  const top = async (locator: typeof download) => (await locator.boundingBox())!.y;
  expect(await top(client.getByTestId("amount-due"))).toBeLessThan(await top(download));
  expect(await top(download)).toBeLessThan(await top(client.getByTestId("line-amount")));
  // Everything is in view: no amount runs past the right edge, nothing scrolls sideways.
  for (const amount of [client.getByTestId("line-amount"), client.getByTestId("public-total"), client.getByTestId("balance-due")]) {
    const box = (await amount.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  }
  await expectNoSidewaysScroll(client);

  // No script on this page: one tap selects the whole IBAN, then the whole reference, ready to copy.
  await expect(client.getByRole("button", { name: /^Copy/ })).toHaveCount(0);
  const selected = () => client.evaluate(() => window.getSelection()?.toString().replace(/\s+/g, ""));
  await client.getByTestId("iban").click();
  expect(await selected()).toBe("IE29AIBK93115212345678");
  await client.getByTestId("payment-reference").click();
  expect(await selected()).toBe(number);

  await client.setViewportSize(LAPTOP);
  await client.reload();
  await expectNoSidewaysScroll(client);

  // Revoked: the client is told whom to ask, with a 404 rather than the site's marketing page.
  await page.goto(invoiceUrl);
  await page.getByRole("button", { name: "Revoke link" }).click();
  await page.getByRole("dialog", { name: "Revoke the client link?" }).getByRole("button", { name: "Revoke link" }).click();
  await expect(page.getByText("The client link was revoked.")).toBeVisible();
  const revoked = await client.goto(link);
  expect(revoked?.status()).toBe(404);
  await expect(client.getByRole("heading", { name: "This link is no longer valid" })).toBeVisible();
  await expect(client.getByText("Ask Acme Ltd for a new one.")).toBeVisible();
  await expect(client).toHaveTitle("Link no longer valid");
  // Unknown: no sender to name.
  const unknown = await client.goto("/i/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  expect(unknown?.status()).toBe(404);
  await expect(client.getByRole("heading", { name: "This link is no longer valid" })).toBeVisible();
  await expect(client.getByText(/Ask whoever sent it to you for a new one/)).toBeVisible();
  await context.close();
});

test("a quote's client page: 'Quote for', Accept quote first", async ({ page, browser }) => {
  const clientEmail = uniqueEmail("quote-client");
  await setUp(page, "Quote Makers", clientEmail);
  await page.goto("/quotes/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Client Co" });
  await page.getByLabel("Currency").selectOption("USD");
  const line = page.getByRole("listitem", { name: "Line 1" });
  await line.getByLabel("Line 1 description").fill("Kitchen renovation");
  await line.getByLabel("Quantity").fill("4");
  await line.getByLabel(/Unit price/).fill("50");
  await line.getByLabel("Line discount").selectOption("percent");
  await line.getByLabel("Line 1 discount value").fill("10");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByRole("button", { name: "Issue quote" }).click();
  await expect(page.getByRole("heading", { name: /^Quote QUO-\d{4}-\d{4}$/ })).toBeVisible();
  const link = await sendInvoice(page, clientEmail);

  const context = await browser.newContext({ viewport: PHONE });
  const client = await context.newPage();
  await client.goto(link);
  await expect(client).toHaveTitle(/^Quote QUO-\d{4}-\d{4} from Quote Makers$/);
  await expect(client.getByText("Quote for", { exact: true })).toBeVisible();
  await expect(client.getByText("Billed to")).toHaveCount(0);
  // 4 × 50.00 less 10% (20.00): the line says 180.00 and shows its discount.
  await expect(client.getByTestId("line-amount")).toHaveText("$180.00");
  await expect(client.getByText("Discount −10% (−$20.00)")).toBeVisible();
  const accept = client.getByRole("button", { name: "Accept quote" });
  expect((await accept.boundingBox())!.y).toBeLessThan((await client.getByTestId("line-amount").boundingBox())!.y);
  await expect(client.getByTestId("iban")).toHaveCount(0);
  await expectNoSidewaysScroll(client);
  await accept.click();
  await expect(client.getByText("Thank you — your answer has been sent to Quote Makers.")).toBeVisible();
  await context.close();
});

test("a euro invoice's client page offers a SEPA QR code for the amount due and the account's IBAN and BIC", async ({ page, browser }) => {
  const clientEmail = uniqueEmail("euro-client");
  await setUp(page, "Euro Studio", clientEmail);
  // The account's own IBAN and BIC fields (typed with spaces, in lower case) take the place of the IBAN in the free text.
  await page.goto("/settings");
  await page.getByLabel("IBAN").fill("de89 3704 0044 0532 0130 00");
  await page.getByLabel("BIC").fill("cobadeffxxx");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();
  await page.goto("/invoices/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Client Co" });
  await page.getByLabel("Currency").selectOption("EUR");
  const line = page.getByRole("listitem", { name: "Line 1" });
  await line.getByLabel("Line 1 description").fill("Logo design");
  await line.getByLabel(/Unit price/).fill("250.00");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByRole("button", { name: "Issue invoice" }).click();
  await expect(page.getByRole("heading", { name: /^Invoice INV-\d{4}-\d{4}$/ })).toBeVisible();
  const link = await sendInvoice(page, clientEmail);

  const context = await browser.newContext({ viewport: PHONE });
  const client = await context.newPage();
  await client.goto(link);
  await expect(client.getByRole("img", { name: "Payment QR code for €250.00 to Euro Studio" })).toBeVisible();
  const howToPay = client.getByRole("region", { name: "How to pay" });
  await expect(howToPay.getByTestId("iban")).toHaveText("DE89 3704 0044 0532 0130 00");
  await expect(howToPay.getByTestId("bic")).toHaveText("COBADEFFXXX");
  await expectNoSidewaysScroll(client);
  // The page with the QR code and copy buttons, on a phone: no serious accessibility findings.
  await expectNoSeriousViolations(client, "client link on a phone");
  await context.close();
});
