import { expect, type Page, test } from "./test";
import { waitForHydration } from "./hydration";
import { createCustomer, registerAccount, uniqueEmail } from "./support";

/** A business with VAT 20%, the catalogue item "Consulting hour" ($120.00 an hour, VAT) and a customer. */
async function setUp(page: Page, who: string) {
  await registerAccount(page, { name: `${who} Editor`, email: uniqueEmail(who.toLowerCase()), organization: `${who} Editing Ltd` });
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.goto("/settings/taxes");
  await page.getByLabel("Tax name").fill("VAT");
  await page.getByLabel("Rate (%)").fill("20");
  await page.getByRole("button", { name: "Add tax rate" }).click();
  await expect(page.getByRole("rowheader", { name: "VAT", exact: true })).toBeVisible();
  await page.goto("/items/new");
  await page.getByLabel("Name").fill("Consulting hour");
  await page.getByLabel("Unit price").fill("120.00");
  await page.getByLabel("Unit", { exact: true }).fill("hour");
  await page.getByLabel("VAT (20%)").check();
  await page.getByRole("button", { name: "Create item" }).click();
  await expect(page).toHaveURL(/\/items$/);
  await createCustomer(page, { name: "Initech", email: "ap@initech.example" });
}

test("editor: the description offers catalogue items that fill the line, and the sticky bar saves and issues from the top of the form", async ({ page }) => {
  await setUp(page, "Combo");
  await page.goto("/invoices/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Initech" });
  await page.getByLabel("Currency").selectOption("USD");

  // Keyboard: type, ↓, Enter.
  const line1 = page.getByRole("listitem", { name: "Line 1" });
  const description1 = line1.getByRole("combobox", { name: "Line 1 description" });
  await description1.fill("consul");
  await expect(description1).toHaveAttribute("aria-expanded", "true");
  const options = page.getByRole("listbox", { name: "Catalogue items" }).getByRole("option");
  await expect(options).toHaveText(["Consulting hour$120.00"]);
  await description1.press("ArrowDown");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await description1.press("Enter");
  await expect(description1).toHaveValue("Consulting hour");
  await expect(description1).toHaveAttribute("aria-expanded", "false");
  await expect(line1.getByLabel("Unit", { exact: true })).toHaveValue("hour");
  await expect(line1.getByLabel(/Unit price/)).toHaveValue("120.00");
  await expect(line1.getByLabel("VAT (20%)")).toBeChecked();
  await line1.getByLabel("Quantity").fill("10");

  // Pointer: a second line from the same item, quantity 1.
  await page.getByRole("button", { name: "Add line" }).click();
  const line2 = page.getByRole("listitem", { name: "Line 2" });
  const description2 = line2.getByRole("combobox", { name: "Line 2 description" });
  await description2.fill("hour");
  await page.getByRole("option", { name: /Consulting hour/ }).click();
  await expect(description2).toHaveValue("Consulting hour");
  await expect(line2.getByLabel(/Unit price/)).toHaveValue("120.00");
  await expect(line2.getByLabel("VAT (20%)")).toBeChecked();

  // 11 hours × $120.00 = $1,320.00; VAT 20% = $264.00; total $1,584.00.
  const bar = page.getByRole("group", { name: "Save" });
  await expect(bar.getByTestId("running-total")).toHaveText("$1,584.00");

  // From the top of the form, the bar is on screen: no scrolling to the bottom to save.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(bar.getByRole("button", { name: "Save and issue invoice" })).toBeInViewport();
  await bar.getByRole("button", { name: "Save and issue invoice" }).click();
  await expect(page.getByRole("heading", { name: /^Invoice INV-\d{4}-\d{4}$/ })).toBeVisible();
  await expect(page.getByTestId("document-total")).toHaveText("$1,584.00");
});

test("editor: leaving with unsaved changes through the app's navigation asks first", async ({ page }) => {
  await setUp(page, "Leave");
  await page.goto("/invoices/new");
  const description = page.getByRole("combobox", { name: "Line 1 description" });
  // Typed before hydration, the text would not count as a change (and the link would load natively).
  await waitForHydration(description);
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Initech" });
  await description.fill("Workshop, half a day");

  // Stay: the prompt is dismissed and the work is still there.
  const messages: string[] = [];
  page.once("dialog", (dialog) => {
    messages.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" }).click();
  await expect.poll(() => messages).toEqual(["You have unsaved changes. Leave this page and lose them?"]);
  await expect(page).toHaveURL(/\/invoices\/new$/);
  await expect(description).toHaveValue("Workshop, half a day");

  // Leave: accepted, the link goes where it points.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" }).click();
  await expect(page).toHaveURL(/\/customers$/);
});

test("editor: a missing price says so plainly", async ({ page }) => {
  await setUp(page, "Price");
  await page.goto("/invoices/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Initech" });
  const line = page.getByRole("listitem", { name: "Line 1" });
  await line.getByRole("combobox", { name: "Line 1 description" }).fill("Site visit");
  await page.getByRole("group", { name: "Save" }).getByRole("button", { name: "Save draft" }).click();
  await expect(line.getByText("Enter a price.")).toBeVisible();
  await expect(line.getByLabel(/Unit price/)).toHaveAttribute("aria-invalid", "true");
  await line.getByLabel("Quantity").fill("");
  await page.getByRole("group", { name: "Save" }).getByRole("button", { name: "Save draft" }).click();
  await expect(line.getByText("Enter a quantity.")).toBeVisible();
});
