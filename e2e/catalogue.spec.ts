import { expect, test } from "./test";
import { registerAccount, uniqueEmail } from "./support";

test("tax rates, items and customers: add, validate, search", async ({ page }) => {
  await registerAccount(page, { name: "Cat Owner", email: uniqueEmail("catalogue"), organization: "Catalogue Co" });
  await expect(page).toHaveURL(/\/onboarding$/);

  // Tax rate: bad input first — errors on the fields, typed values kept.
  await page.goto("/settings/taxes");
  await expect(page.getByRole("heading", { name: "Taxes", level: 1 })).toBeVisible();
  await page.getByLabel("Rate (%)").fill("150");
  await page.getByRole("button", { name: "Add tax rate" }).click();
  await expect(page.getByText("Enter a name, like VAT or Sales tax.")).toBeVisible();
  await expect(page.getByText("Enter a rate from 0 to 100%.")).toBeVisible();
  await expect(page.getByLabel("Rate (%)")).toHaveValue("150");
  await expect(page.getByLabel("Rate (%)")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Tax name").fill("VAT");
  await page.getByLabel("Rate (%)").fill("20");
  await page.getByRole("button", { name: "Add tax rate" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("VAT added.");
  const vatRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "VAT" }) });
  await expect(vatRow).toContainText("20%");
  await expect(vatRow).toContainText("Added to price");

  // Item: empty name and a price with too many decimals for USD.
  await page.goto("/items/new");
  await expect(page.getByLabel("Currency")).toHaveValue("USD");
  await page.getByLabel("Unit price").fill("12.345");
  await page.getByRole("button", { name: "Create item" }).click();
  await expect(page.getByText("Enter the item's name.")).toBeVisible();
  await expect(page.getByText("USD amounts can have at most 2 decimals.")).toBeVisible();
  await expect(page.getByLabel("Unit price")).toHaveValue("12.345");
  await expect(page.getByLabel("Unit price")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Name").fill("Consulting hour");
  await page.getByLabel("Unit price").fill("120.00");
  await page.getByLabel("Unit", { exact: true }).fill("hour");
  await page.getByLabel("VAT (20%)").check();
  await page.getByRole("button", { name: "Create item" }).click();
  await expect(page).toHaveURL(/\/items$/);
  const itemRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Consulting hour" }) });
  await expect(itemRow).toContainText("$120.00");
  await expect(itemRow).toContainText("VAT");

  // Customer with two contacts; the second is primary.
  await page.goto("/customers");
  await expect(page.getByText("No customers yet — add your first customer.")).toBeVisible();
  await page.getByRole("link", { name: "New customer" }).click();
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByText("Enter the customer's name.")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Globex Corporation");
  await page.getByLabel("Email", { exact: true }).fill("accounts@globex.example");
  await page.getByLabel("Country code").fill("us");
  await page.getByRole("button", { name: "Add contact" }).click();
  await page.getByLabel("Contact 1 name").fill("Hank Scorpio");
  await page.getByLabel("Contact 1 email").fill("hank@globex.example");
  await page.getByRole("button", { name: "Add contact" }).click();
  await page.getByLabel("Contact 2 name").fill("Frank Grimes");
  await page.getByLabel("Contact 2 email").fill("not-an-email");
  await page.getByRole("radio", { name: "Primary contact (2)" }).check();
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(page.getByLabel("Contact 2 name")).toHaveValue("Frank Grimes");
  await page.getByLabel("Contact 2 email").fill("frank@globex.example");
  await page.getByRole("button", { name: "Create customer" }).click();

  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Globex Corporation", level: 1 })).toBeVisible();
  const contacts = page.getByRole("region", { name: "Contacts" });
  await expect(contacts.getByRole("row").filter({ hasText: "frank@globex.example" })).toContainText("Primary");
  await expect(contacts.getByRole("row").filter({ hasText: "hank@globex.example" })).not.toContainText("Primary");
  await expect(page.getByRole("region", { name: "Documents" })).toContainText("No documents yet.");

  // The list searches by part of the name or email, behind "Filters"; the query lives in the URL.
  await page.goto("/customers");
  await page.getByRole("button", { name: "Filters", exact: true }).click();
  await page.getByLabel("Search customers").fill("GLOBEX.ex");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/customers\?q=GLOBEX\.ex$/);
  await expect(page.getByRole("link", { name: "Globex Corporation" })).toBeVisible();
  await expect(page.getByText("Page 1 of 1 · 1 customer")).toBeVisible();
  await page.getByRole("button", { name: "Filters (1)" }).click();
  await expect(page.getByLabel("Search customers")).toHaveValue("GLOBEX.ex");
  await page.getByLabel("Search customers").fill("initech");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No customers match “initech”.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page.getByRole("link", { name: "Globex Corporation" })).toBeVisible();
});
