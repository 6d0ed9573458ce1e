/**
 * Issue 18's "Done when", as a new user: a German organisation, a public buyer with a Leitweg-ID,
 * an invoice issued and downloaded as XRechnung UBL (checked against the official rules here) and,
 * with the customer switched to Factur-X, a PDF carrying factur-x.xml; and a customer without a
 * Leitweg-ID, where issuing is refused with the BT-10 message and the draft stays a draft.
 */
import { validateEInvoice } from "@/lib/einvoice/validate";
import { attachedFile } from "@/tests/support/pdf-attachments";
import { expect, type Page, test } from "./test";
import { registerAccount, uniqueEmail } from "./support";

const LEITWEG_ID = "04011000-12345-67";

async function germanOrganisation(page: Page) {
  await page.goto("/settings");
  await page.getByLabel("Legal name (if different)").fill("Muster Design GmbH");
  await page.getByLabel("VAT ID").fill("DE123456789");
  await page.getByLabel("Billing email").fill("anna@muster-design.example");
  await page.getByLabel("Phone").fill("+49 30 1234567");
  await page.getByLabel("Address line 1").fill("Hauptstraße 5");
  await page.getByLabel("City").fill("Berlin");
  await page.getByLabel("Postal code").fill("10115");
  await page.getByLabel("Country code").fill("DE");
  await page.getByLabel("Default currency").selectOption("EUR");
  await page.getByLabel("Tax number").fill("201/113/40209");
  await page.getByLabel("Contact name").fill("Anna Muster");
  await page.getByLabel("Electronic address (Peppol ID or email)").fill("rechnung@muster-design.example");
  await page.getByLabel("Electronic address scheme").selectOption("EM");
  await page.getByLabel("IBAN").fill("DE02120300000000202051");
  await page.getByLabel("BIC").fill("BYLADEM1001");
  await page.getByLabel("Default e-invoice format").selectOption("xrechnung-ubl");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();

  await page.goto("/settings/taxes");
  await page.getByLabel("Tax name").fill("USt");
  await page.getByLabel("Rate (%)").fill("19");
  await page.getByRole("button", { name: "Add tax rate" }).click();
  await expect(page.getByRole("rowheader", { name: "USt", exact: true })).toBeVisible();
}

async function publicBuyer(page: Page, name: string, leitwegId: string | null) {
  await page.goto("/customers/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill("rechnung@bezirksamt.example");
  await page.getByLabel("Address line 1").fill("Karl-Marx-Allee 31");
  await page.getByLabel("City").fill("Berlin");
  await page.getByLabel("Postal code").fill("10178");
  await page.getByLabel("Country code").fill("DE");
  if (leitwegId) await page.getByLabel("Buyer reference (Leitweg-ID)").fill(leitwegId);
  await page.getByLabel("Electronic address (Peppol ID or email)").fill(leitwegId ?? "rechnung@bezirksamt.example");
  await page.getByLabel("Electronic address scheme").selectOption(leitwegId ? "0204" : "EM");
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  // The path only: a save lands on `?done=…` (its toast), which the page strips a moment later.
  return new URL(page.url()).pathname;
}

/** A draft invoice for `customer`: 10 h × 85.00 at 19 % (850.00 + 161.50 = 1,011.50). */
async function draftFor(page: Page, customer: string) {
  await page.goto("/invoices/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: customer });
  await page.getByLabel("Currency").selectOption("EUR");
  const item = page.getByRole("listitem", { name: "Line 1" });
  await item.getByLabel("Line 1 description").fill("Design work");
  await item.getByLabel("Quantity").fill("10");
  await item.getByLabel(/Unit price/).fill("85.00");
  await item.getByRole("checkbox", { name: /^USt \(/ }).check();
  // The date of the service (BT-72): XRechnung asks for one (BR-DE-TMP-32, information).
  const delivery = page.getByLabel("Delivery date");
  if (!(await delivery.isVisible())) await page.getByText("E-invoice details").click();
  await delivery.fill("2026-11-30");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: "Invoice (draft)" })).toBeVisible();
}

test("a German organisation issues XRechnung UBL and Factur-X that pass the official rules; a missing Leitweg-ID refuses the issue", async ({ page }) => {
  test.setTimeout(240_000);
  await registerAccount(page, { name: "Anna Muster", email: uniqueEmail("anna"), organization: "Muster Design" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await germanOrganisation(page);
  const customerUrl = await publicBuyer(page, "Bezirksamt Mitte", LEITWEG_ID);

  // XRechnung UBL: the draft passes the checks, is issued, and its XML passes every rule.
  await draftFor(page, "Bezirksamt Mitte");
  const panel = page.getByTestId("einvoice-panel");
  await expect(panel).toContainText("E-invoice: XRechnung 3.0 (UBL)");
  await expect(panel).toContainText("Ready: passes the checks.");
  await page.getByRole("button", { name: "Issue invoice" }).click();
  await expect(page.getByRole("heading", { name: /^Invoice INV-\d{4}-\d{4}$/ })).toBeVisible();
  const number = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Invoice ", "").trim();
  const download = page.getByRole("link", { name: "Download XRechnung (UBL)" }).first();
  const xmlResponse = await page.request.get((await download.getAttribute("href"))!);
  expect(xmlResponse.status()).toBe(200);
  expect(xmlResponse.headers()["content-disposition"]).toBe(`attachment; filename="${number}.xml"`);
  const xml = await xmlResponse.text();
  expect(xml).toContain(`<cbc:BuyerReference>${LEITWEG_ID}</cbc:BuyerReference>`);
  expect(xml).toContain(`<cbc:PayableAmount currencyID="EUR">1011.50</cbc:PayableAmount>`);
  const result = await validateEInvoice(xml, { xrechnung: true });
  expect(result.schemaErrors).toEqual([]);
  expect(result.failedAsserts).toEqual([]);

  // Factur-X: the customer switched; the PDF download carries the CII as factur-x.xml.
  await page.goto(`${customerUrl}/edit`);
  await page.getByLabel("E-invoice format").selectOption("factur-x");
  await page.getByRole("button", { name: /Save/ }).click();
  await expect(page.getByRole("heading", { name: "Bezirksamt Mitte", level: 1 })).toBeVisible();
  await draftFor(page, "Bezirksamt Mitte");
  await expect(page.getByTestId("einvoice-panel")).toContainText("Factur-X");
  await page.getByRole("button", { name: "Issue invoice" }).click();
  await expect(page.getByRole("heading", { name: /^Invoice INV-\d{4}-\d{4}$/ })).toBeVisible();
  const pdfResponse = await page.request.get(`${new URL(page.url()).pathname}/pdf?download=1`);
  expect(pdfResponse.status()).toBe(200);
  const cii = await attachedFile(Buffer.from(await pdfResponse.body()), "factur-x.xml");
  expect(cii).toContain("CrossIndustryInvoice");
  const ciiResult = await validateEInvoice(cii!);
  expect(ciiResult.schemaErrors).toEqual([]);
  expect(ciiResult.failedAsserts).toEqual([]);

  // No Leitweg-ID: the draft page lists BT-10 with a link to the field; issuing is refused.
  await publicBuyer(page, "Senatsverwaltung", null);
  await draftFor(page, "Senatsverwaltung");
  const problems = page.getByTestId("einvoice-problems");
  await expect(problems).toContainText("Buyer reference (Leitweg-ID) is required for XRechnung.");
  await page.getByRole("button", { name: "Issue invoice" }).click();
  // The refusal is a toast (the app's one notifications region), kept until closed.
  await expect(page.getByRole("region", { name: /^Notifications/ })).toContainText("Buyer reference (Leitweg-ID) is required for XRechnung.");
  await expect(page.getByRole("heading", { name: "Invoice (draft)" })).toBeVisible();
});
