import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./test";
import { createCustomer, registerAccount, uniqueEmail } from "./support";

/** The editor's live preview: what it shows while typing is what the saved document says. */

test("the preview follows the typing with hand-worked totals, the saved invoice says the same, and a phone shows it behind a Preview tab", async ({ page }) => {
  test.setTimeout(180_000);
  const cspViolations: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await registerAccount(page, { name: "Pia Preview", email: uniqueEmail("preview"), organization: "Preview Press Ltd" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.goto("/settings/taxes");
  await page.getByLabel("Tax name").fill("VAT");
  await page.getByLabel("Rate (%)").fill("20");
  await page.getByRole("button", { name: "Add tax rate" }).click();
  await expect(page.getByRole("rowheader", { name: "VAT", exact: true })).toBeVisible();
  await createCustomer(page, { name: "Initech", email: "ap@initech.example" });

  await page.goto("/invoices/new");
  const preview = page.getByRole("region", { name: "Document preview" });
  // Wide screen: the preview is beside the form, no tabs.
  await expect(preview).toBeVisible();
  await expect(page.getByRole("tab", { name: "Preview" })).toBeHidden();
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Initech" });
  await page.getByLabel("Currency").selectOption("EUR");
  await expect(preview.getByText("ap@initech.example")).toBeVisible();

  const line1 = page.getByRole("listitem", { name: "Line 1" });
  await line1.getByLabel("Line 1 description").fill("Design work");
  await line1.getByLabel("Quantity").fill("10");
  await line1.getByLabel("Unit", { exact: true }).fill("h");
  await line1.getByLabel(/Unit price/).fill("120.00");
  await line1.getByLabel("Line discount").selectOption("%");
  await line1.getByLabel("Line 1 discount value").fill("10");
  await line1.getByLabel("VAT (20%)").check();
  await page.getByRole("button", { name: "Add line" }).click();
  const line2 = page.getByRole("listitem", { name: "Line 2" });
  await line2.getByLabel("Line 2 description").fill("Printing");
  await line2.getByLabel("Quantity").fill("3");
  await line2.getByLabel(/Unit price/).fill("45.50");
  await line2.getByLabel("VAT (20%)").check();
  await page.getByLabel(/Discount on the whole invoice/).selectOption("%");
  await page.getByLabel("Document discount value").fill("5");

  // 10 h × €120.00 − 10% = €1,080.00; 3 × €45.50 = €136.50; subtotal €1,216.50.
  // 5% of it = €60.83 (60.825); taxable €1,155.67; VAT 20% per line €205.20 + €25.93 = €231.13.
  // Total €1,155.67 + €231.13 = €1,386.80.
  const lines = preview.getByTestId("preview-line");
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText("Design work");
  await expect(lines.nth(0)).toContainText("10 h");
  await expect(lines.nth(0).getByTestId("preview-line-amount")).toHaveText("€1,080.00Discount −10% (−€120.00)");
  await expect(lines.nth(1).getByTestId("preview-line-amount")).toHaveText("€136.50");
  await expect(preview.getByTestId("preview-subtotal")).toHaveText("Subtotal€1,216.50");
  await expect(preview.getByTestId("preview-discount")).toHaveText("Discount 5%−€60.83");
  await expect(preview.getByTestId("preview-tax")).toHaveText("VAT 20% on €1,155.67€231.13");
  await expect(preview.getByTestId("preview-total")).toHaveText("Total€1,386.80");
  await expect(preview.getByText("Bill to")).toBeVisible();
  await expectNoSeriousViolations(page, "editor with the preview beside it");

  // The preview keeps following: 3 → 4 prints makes €182.00, and every total moves with it.
  await line2.getByLabel("Quantity").fill("4");
  // Subtotal €1,262.00; 5% = €63.10; taxable €1,026.00 + €172.90; VAT €205.20 + €34.58; total €1,438.68.
  await expect(preview.getByTestId("preview-total")).toHaveText("Total€1,438.68");
  // The editor's own totals box agrees (one tax rate: the added line's checkbox still counts).
  await expect(page.getByTestId("total")).toHaveText("€1,438.68");

  // The document's language (here French) is the preview's: the PDF's labels, French amounts.
  await page.getByLabel("Language", { exact: true }).selectOption({ label: "Français" });
  await expect(preview.getByTestId("preview-subtotal")).toHaveText("Sous-total1 262,00 €");
  await expect(preview.getByTestId("preview-tax")).toHaveText("VAT 20 % sur 1 198,90 €239,78 €");
  await expect(preview.getByTestId("preview-total")).toHaveText("Total1 438,68 €");
  await expect(preview.getByRole("columnheader", { name: "Désignation" })).toBeVisible();
  await expect(preview.locator("article[lang='fr']")).toHaveCount(1);
  // Back to the customer's language (English: Initech has none, the organisation is English).
  await page.getByLabel("Language", { exact: true }).selectOption({ index: 0 });
  await expect(preview.getByTestId("preview-total")).toHaveText("Total€1,438.68");

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: "Invoice (draft)" })).toBeVisible();
  await expect(page.getByTestId("document-total")).toHaveText("€1,438.68");
  await expect(page.locator("[data-testid^='summary-tax-']")).toHaveText("€239.78");
  const draftUrl = page.url();

  // A phone: the form first, the preview one tab away; arrow keys move between the tabs.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${new URL(draftUrl).pathname}/edit`);
  const editTab = page.getByRole("tab", { name: "Edit" });
  const previewTab = page.getByRole("tab", { name: "Preview" });
  await expect(editTab).toHaveAttribute("aria-selected", "true");
  await expect(preview).toBeHidden();
  await expect(page.getByLabel("Line 1 description")).toBeVisible();
  await previewTab.click();
  await expect(previewTab).toHaveAttribute("aria-selected", "true");
  await expect(preview).toBeVisible();
  await expect(page.getByLabel("Line 1 description")).toBeHidden();
  await expect(preview.getByTestId("preview-total")).toHaveText("Total€1,438.68");
  await expectNoSeriousViolations(page, "editor on a phone, Preview tab");
  await previewTab.press("ArrowLeft");
  await expect(editTab).toBeFocused();
  await expect(editTab).toHaveAttribute("aria-selected", "true");
  await expect(page.getByLabel("Line 1 description")).toBeVisible();
  await expect(preview).toBeHidden();

  expect(cspViolations).toEqual([]);
});

