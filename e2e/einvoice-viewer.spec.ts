import path from "node:path";
import { expect, test } from "./test";
import { registerAccount, uniqueEmail } from "./support";

/**
 * "View an e-invoice": a member uploads a received UBL invoice (the official EN 16931 example) and
 * reads its number, total and validation result; a file that is not XML gets a clear message.
 */
const example = path.join(process.cwd(), "vendor", "einvoice", "en16931", "ubl", "examples", "ubl-tc434-example1.xml");

test("e-invoice viewer: a UBL invoice is shown with its number, total and validation; a non-XML file is explained", async ({ page }) => {
  await registerAccount(page, { name: "Vera Viewer", email: uniqueEmail("einvoice-view"), organization: "Viewer GmbH" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.goto("/invoices");
  await page.getByRole("link", { name: "View an e-invoice" }).click();
  await expect(page.getByRole("heading", { name: "View an e-invoice" })).toBeVisible();

  const file = page.getByLabel("E-invoice file (XML, up to 2 MB)");
  await file.setInputFiles(example);
  await page.getByRole("button", { name: "Show the invoice" }).click();
  const invoice = page.getByRole("article", { name: "E-invoice" });
  await expect(invoice.getByRole("heading", { name: "Invoice 12115118" })).toBeVisible();
  await expect(invoice.getByTestId("amount-due")).toHaveText("€250.33");
  await expect(invoice.getByText("Passes EN 16931: the XML schema and every business rule.")).toBeVisible();
  await expect(invoice.getByRole("region", { name: "Seller" })).toContainText("De Koksmaat");
  await expect(invoice.getByRole("cell", { name: "PATAT FRITES 10MM 10KG" })).toBeVisible();

  await file.setInputFiles({ name: "invoice.xml", mimeType: "text/plain", buffer: Buffer.from("Invoice 42: total 100 EUR") });
  await page.getByRole("button", { name: "Show the invoice" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not well-formed" })).toHaveText("This file is not well-formed XML, so it cannot be an e-invoice.");
  await expect(invoice).toHaveCount(0);
});
