import { expect, test } from "./test";
import { createCustomer, issueInvoice, linkFromOutbox, newContext, registerAccount, saveDraftInvoice, sendInvoice, uniqueEmail } from "./support";

test("send an invoice; the client opens the emailed link without an account, downloads the PDF; the owner sees 'viewed'", async ({ page, browser }) => {
  await registerAccount(page, { name: "Dana Delivery", email: uniqueEmail("dana"), organization: "Dana Design" });
  await expect(page).toHaveURL(/\/onboarding$/);
  const clientEmail = uniqueEmail("client");
  await createCustomer(page, { name: "Client Company", email: clientEmail });
  await saveDraftInvoice(page, { customer: "Client Company", currency: "EUR", lines: [{ description: "Logo design", price: "1250.50" }] });
  const { number, total } = await issueInvoice(page);
  const year = new Date().getFullYear();
  expect(number).toBe(`INV-${year}-0001`);
  const invoiceUrl = page.url();

  // The signed-in PDF preview is a real PDF.
  const pdf = await page.request.get(`${page.url()}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  await sendInvoice(page, clientEmail);
  await expect(page.getByText("Sent", { exact: true }).first()).toBeVisible();

  const link = await linkFromOutbox(page, clientEmail, /invoice/i);
  expect(link).toMatch(/\/i\/[A-Za-z0-9_-]{43}$/);

  const { context, page: client } = await newContext(browser);
  const response = await client.goto(link);
  expect(response?.headers()["x-robots-tag"]).toContain("noindex");
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(client.getByRole("heading", { name: `Invoice INV-${year}-0001` })).toBeVisible();
  await expect(client.getByTestId("public-total")).toHaveText(total);
  await expect(client.getByTestId("amount-due")).toHaveText(total);
  const download = client.waitForEvent("download");
  await client.getByRole("link", { name: "Download PDF" }).click();
  expect((await download).suggestedFilename()).toBe(`INV-${year}-0001.pdf`);
  await context.close();

  await page.goto(invoiceUrl);
  await expect(page.getByText("Viewed", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Viewed by the client")).toBeVisible();

  // The dashboard counts it: invoiced this month and still outstanding.
  await page.goto("/dashboard");
  await expect(page.getByTestId("figure-invoiced")).toHaveText(total);
  await expect(page.getByTestId("figure-outstanding")).toHaveText(total);
  await page.goto(invoiceUrl);

  // A made-up or revoked token reveals nothing.
  const bogus = await page.request.get("/i/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  expect(bogus.status()).toBe(404);
  await page.getByRole("button", { name: "Revoke link" }).click();
  await page.getByRole("dialog", { name: "Revoke the client link?" }).getByRole("button", { name: "Revoke link" }).click();
  await expect(page.getByText("The client link was revoked.")).toBeVisible();
  const revoked = await page.request.get(link);
  expect(revoked.status()).toBe(404);
});
