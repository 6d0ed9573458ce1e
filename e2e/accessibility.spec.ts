import { expectNoSeriousViolations } from "./axe";
import { expect, type Locator, type Page, test } from "./test";
import { createCustomer, issueInvoice, newContext, registerAccount, saveBusinessStep, saveDraftInvoice, sendInvoice, skipBrowserValidation, uniqueEmail } from "./support";

async function scan(page: Page, path: string, heading?: string | RegExp) {
  await page.goto(path);
  if (heading) await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectNoSeriousViolations(page, path);
}

/** Issue 19's two screens: a laptop and a phone held in one hand. */
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** On a phone nothing may push the page sideways: the page is never wider than the screen. */
async function expectNoSidewaysScroll(page: Page, label: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${label} is wider than the phone's screen`).toBeLessThanOrEqual(innerWidth);
}

/**
 * Axe on the page as it stands, at the laptop's width and then the phone's (the layout answers to
 * the width, so no reload: half the time of loading it twice). Leaves the page at the laptop's width.
 */
async function expectNoSeriousViolationsAtBothSizes(page: Page, label: string) {
  await page.setViewportSize(LAPTOP);
  await expectNoSeriousViolations(page, `${label}, laptop`);
  await page.setViewportSize(PHONE);
  // Scroll boxes become focusable regions only once they overflow (a ResizeObserver, then React):
  // two frames let that settle before axe looks.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expectNoSidewaysScroll(page, label);
  await expectNoSeriousViolations(page, `${label}, phone`);
  await page.setViewportSize(LAPTOP);
}

async function scanBoth(page: Page, path: string, heading?: string | RegExp) {
  await page.goto(path);
  if (heading) await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectNoSeriousViolationsAtBothSizes(page, path);
}

// One test per public page: each gets its own time budget, and a failure names its page.
const publicPages: [string, RegExp?][] = [["/", /Invoicing for small businesses/], ["/login"], ["/register"], ["/forgot-password"]];
for (const [path, heading] of publicPages) {
  test(`public page ${path} has no serious accessibility violations on a laptop and a phone`, async ({ page }) => {
    await scanBoth(page, path, heading);
  });
}

test("public error states have no serious accessibility violations: invalid reset link, 404, invalid client link, form errors", async ({ page }) => {
  await scan(page, "/reset-password?token=not-a-real-token");
  await expect(page.getByText(/invalid, has already been used or has expired/)).toBeVisible();
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expectNoSeriousViolations(page, "404 page");
  await scan(page, "/i/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "This link is no longer valid");
  // Error states too: the messages must keep their contrast and be tied to their fields.
  await page.goto("/register");
  // The server's messages (the browser's own checks would stop an empty form first).
  await skipBrowserValidation(page);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your business name.")).toBeVisible();
  await expectNoSeriousViolations(page, "register with errors");
});

test("signed-in pages: onboarding, catalogue, customers and recurring have no serious accessibility violations on a laptop and a phone", async ({ page }) => {
  test.setTimeout(240_000);
  await registerAccount(page, { name: "Ada Access", email: uniqueEmail("ada"), organization: "Ada Accessible Ltd" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await expectNoSeriousViolationsAtBothSizes(page, "onboarding, step 1");
  await saveBusinessStep(page);
  await expectNoSeriousViolationsAtBothSizes(page, "onboarding, step 2");
  await page.getByLabel("Street address").fill("1 Main Street");
  await page.getByLabel("City").fill("Dublin");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { name: /^Step 3 of 3/ })).toBeVisible();
  await expectNoSeriousViolationsAtBothSizes(page, "onboarding, step 3");
  await page.goto("/dashboard");
  await expectNoSeriousViolationsAtBothSizes(page, "empty dashboard");

  await page.goto("/items/new");
  await page.getByLabel("Name").fill("Consulting hour");
  await page.getByLabel("Unit price").fill("120.00");
  await page.getByRole("button", { name: "Create item" }).click();
  await expect(page).toHaveURL(/\/items$/);
  const itemEdit = await page.getByRole("link", { name: "Consulting hour" }).getAttribute("href");
  await createCustomer(page, { name: "Contrast Co", email: uniqueEmail("contrast") });
  const customerUrl = new URL(page.url()).pathname;

  const pages: [string, string | RegExp | undefined][] = [
    ["/customers", undefined],
    ["/customers/new", undefined],
    [customerUrl, "Contrast Co"],
    [`${customerUrl}/edit`, undefined],
    ["/items", undefined],
    ["/items/new", undefined],
    [itemEdit!, undefined],
    ["/recurring", undefined],
    ["/recurring/new", undefined],
    ["/einvoices/view", undefined],
    ["/organizations/new", undefined],
    // Platform admins only (made with `npm run create-admin`); anyone else gets the no-access page.
    ["/admin", undefined],
  ];
  for (const [path, heading] of pages) await test.step(path, () => scanBoth(page, path, heading));
});

test("signed-in pages: every settings page has no serious accessibility violations on a laptop and a phone", async ({ page }) => {
  test.setTimeout(240_000);
  await registerAccount(page, { name: "Ada Access", email: uniqueEmail("ada"), organization: "Ada Settings Ltd" });
  await expect(page).toHaveURL(/\/onboarding$/);
  // A tax rate, so the taxes table is there to scan (and the audit log has a row).
  await page.goto("/settings/taxes");
  await page.getByLabel("Tax name").fill("VAT");
  await page.getByLabel("Rate (%)").fill("20");
  await page.getByRole("button", { name: "Add tax rate" }).click();
  await expect(page.getByRole("rowheader", { name: "VAT", exact: true })).toBeVisible();
  const pages: [string, string | RegExp | undefined][] = [
    ["/settings", undefined],
    ["/settings/taxes", "Taxes"],
    ["/settings/team", undefined],
    ["/settings/account", undefined],
    ["/settings/audit", undefined],
    ["/settings/emails", undefined],
    ["/settings/email-delivery", "Email delivery"],
    ["/settings/reminders", "Reminders"],
    ["/settings/jobs", undefined],
    ["/settings/payments", undefined],
    ["/settings/payments/events", undefined],
    ["/settings/payments/reconciliation", undefined],
  ];
  for (const [path, heading] of pages) await test.step(path, () => scanBoth(page, path, heading));
});

test("signed-in pages: invoices, quotes, credit notes, dashboard, reports and the client link have no serious accessibility violations on a laptop and a phone", async ({ page, browser }) => {
  test.setTimeout(300_000);
  await registerAccount(page, { name: "Ada Access", email: uniqueEmail("ada"), organization: "Ada Documents Ltd" });
  await expect(page).toHaveURL(/\/onboarding$/);
  const clientEmail = uniqueEmail("client");
  await createCustomer(page, { name: "Contrast Co", email: clientEmail });
  await saveDraftInvoice(page, { customer: "Contrast Co", currency: "USD", lines: [{ description: "Audit", price: "900.00" }] });
  const issued = await issueInvoice(page);
  const link = await sendInvoice(page, clientEmail);
  // Rare actions are in the "⋯" menu.
  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("menuitem", { name: "Credit note" }).click();
  await page.getByRole("button", { name: "Create credit note draft" }).click();
  await expect(page.getByRole("heading", { name: "Credit note (draft)" })).toBeVisible();
  const creditNoteUrl = new URL(page.url()).pathname;
  await saveDraftInvoice(page, { customer: "Contrast Co", currency: "USD", lines: [{ description: "Follow-up", price: "150.00" }] });
  const draftUrl = new URL(page.url()).pathname;
  await page.goto("/quotes/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Contrast Co" });
  await page.getByLabel("Line 1 description").fill("Next year's audit");
  await page.getByLabel(/Unit price/).fill("1000");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: "Quote (draft)" })).toBeVisible();
  const quoteUrl = new URL(page.url()).pathname;

  const pages: [string, string | RegExp | undefined][] = [
    ["/dashboard", undefined],
    ["/dashboard?period=12m", undefined],
    ["/reports", undefined],
    ["/invoices", undefined],
    ["/invoices/new", undefined],
    [new URL(issued.url).pathname, `Invoice ${issued.number}`],
    [draftUrl, "Invoice (draft)"],
    [`${draftUrl}/edit`, undefined],
    ["/quotes", undefined],
    ["/quotes/new", undefined],
    [quoteUrl, "Quote (draft)"],
    [`${quoteUrl}/edit`, undefined],
    ["/credit-notes", undefined],
    [creditNoteUrl, "Credit note (draft)"],
    [`${creditNoteUrl}/edit`, undefined],
  ];
  for (const [path, heading] of pages) await test.step(path, () => scanBoth(page, path, heading));
  // The rest of the reports, each with its own table (wide ones scroll inside a focusable region on a phone).
  for (const report of ["sales-by-customer", "sales-by-item", "tax", "payments"]) await test.step(report, () => scanBoth(page, `/reports?report=${report}`));
  await test.step("record a payment, on a phone", async () => {
    await page.goto(new URL(issued.url).pathname);
    await page.setViewportSize(PHONE);
    await page.getByRole("button", { name: "Record payment" }).click();
    await expect(page.getByLabel("Amount (USD)")).toBeVisible();
    await expectNoSidewaysScroll(page, "the payment form");
    await expectNoSeriousViolations(page, "the payment form on a phone");
    await page.setViewportSize(LAPTOP);
  });
  await test.step("the bulk bar, on a phone", async () => {
    await page.goto("/invoices");
    await page.setViewportSize(PHONE);
    await page.getByRole("checkbox", { name: `Select ${issued.number}` }).filter({ visible: true }).check();
    await expect(page.getByRole("region", { name: "Bulk actions" })).toContainText("1 selected");
    await expectNoSidewaysScroll(page, "the bulk bar");
    await expectNoSeriousViolations(page, "the bulk bar on a phone");
    await page.setViewportSize(LAPTOP);
  });
  // The editor's live preview: beside the form above (1280 px), behind its tab on a phone.
  await test.step("editor preview on a phone", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${draftUrl}/edit`);
    await page.getByRole("tab", { name: "Preview" }).click();
    await expect(page.getByRole("region", { name: "Document preview" })).toBeVisible();
    await expectNoSeriousViolations(page, "editor preview on a phone");
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  const { context, page: client } = await newContext(browser);
  await client.goto(link);
  await expect(client.getByRole("heading", { name: `Invoice ${issued.number}` })).toBeVisible();
  await expectNoSeriousViolations(client, "client link");
  await client.setViewportSize({ width: 390, height: 844 });
  await expectNoSeriousViolations(client, "client link on a phone");
  await context.close();
});

/** Presses Tab (Shift+Tab when `back`) until `target` has focus; fails if it never does. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The focused element draws a visible indicator: an outline or a ring (box-shadow). */
async function expectVisibleFocus(target: Locator) {
  const style = await target.evaluate((el) => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0, ring: s.boxShadow !== "none" };
  });
  expect(style.outline || style.ring, `no focus indicator on ${target}`).toBe(true);
}

test("an invoice is created and issued with the keyboard alone, with visible focus at every stop", async ({ page }) => {
  await registerAccount(page, { name: "Kim Keys", email: uniqueEmail("kim"), organization: "Keyboard Co" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await createCustomer(page, { name: "Arrow Analytics" });
  await page.goto("/invoices/new");
  await page.locator("body").focus();

  // Skip link first, then the navigation; the keyboard reaches everything in order.
  const customer = page.getByLabel("Customer", { exact: true });
  await tabTo(page, customer);
  await expectVisibleFocus(customer);
  await page.keyboard.press("ArrowDown");
  await expect(customer.locator("option:checked")).toHaveText("Arrow Analytics");

  const description = page.getByLabel("Line 1 description");
  await tabTo(page, description);
  await expectVisibleFocus(description);
  await page.keyboard.type("Data pipeline review");
  const quantity = page.getByRole("listitem", { name: "Line 1" }).getByLabel("Quantity");
  await tabTo(page, quantity);
  await page.keyboard.press("Control+A");
  await page.keyboard.type("2");
  const price = page.getByRole("listitem", { name: "Line 1" }).getByLabel(/Unit price/);
  await tabTo(page, price);
  await expectVisibleFocus(price);
  await page.keyboard.type("300.00");

  const addLine = page.getByRole("button", { name: "Add line" });
  await tabTo(page, addLine);
  await expectVisibleFocus(addLine);
  await page.keyboard.press("Enter");
  const second = page.getByLabel("Line 2 description");
  await tabTo(page, second, { back: true });
  await page.keyboard.type("Workshop");
  await tabTo(page, page.getByRole("listitem", { name: "Line 2" }).getByLabel(/Unit price/));
  await page.keyboard.type("150.50");
  await expect(page.getByTestId("total")).toHaveText("$750.50");

  const save = page.getByRole("button", { name: "Save draft" });
  await tabTo(page, save);
  await expectVisibleFocus(save);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Invoice (draft)" })).toBeVisible();

  const issue = page.getByRole("button", { name: "Issue invoice" });
  await page.locator("body").focus();
  await tabTo(page, issue);
  await expectVisibleFocus(issue);
  await page.keyboard.press("Space");
  await expect(page.getByRole("heading", { name: /^Invoice INV-\d{4}-0001$/ })).toBeVisible();
  await expect(page.getByTestId("document-total")).toHaveText("$750.50");

  // Links get a focus indicator too.
  const invoicesLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invoices" });
  await page.locator("body").focus();
  await tabTo(page, invoicesLink);
  await expectVisibleFocus(invoicesLink);
});

/** aria-invalid on the control, aria-describedby naming an element with the message, announced as an alert. */
async function expectAnnouncedError(page: Page, control: Locator, message: string | RegExp) {
  await expect(control).toHaveAttribute("aria-invalid", "true");
  const ids = (await control.getAttribute("aria-describedby"))?.split(/\s+/) ?? [];
  expect(ids.length, "aria-describedby").toBeGreaterThan(0);
  const described = page.locator(ids.map((id) => `[id="${id}"]`).join(","));
  await expect(described).toContainText(message);
  const announced = await described.first().evaluate((el) => !!el.closest('[role="alert"], [aria-live="polite"], [aria-live="assertive"]'));
  expect(announced, "the message sits in role=alert or a live region").toBe(true);
}

test("forms announce their errors and tie them to the fields", async ({ page }) => {
  await page.goto("/register");
  await skipBrowserValidation(page);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Create account" }).click();
  await expectAnnouncedError(page, page.getByLabel("Your name"), /./);
  await expectAnnouncedError(page, page.getByLabel("Email"), "Enter a valid email address, like name@example.com.");
  await expectAnnouncedError(page, page.getByLabel("Password"), "Use at least 10 characters.");
  await expectAnnouncedError(page, page.getByLabel("Business name"), "Enter your business name.");
  // Focus goes to the first field in error, so the keyboard user lands where to fix it.
  await expect(page.getByLabel("Your name")).toBeFocused();

  await page.goto("/login");
  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");

  await registerAccount(page, { name: "Fay Forms", email: uniqueEmail("fay"), organization: "Forms Ltd" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.goto("/invoices/new");
  await page.getByRole("listitem", { name: "Line 1" }).getByLabel(/Unit price/).fill("12.345");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expectAnnouncedError(page, page.getByLabel("Customer", { exact: true }), /./);
  await expectAnnouncedError(page, page.getByLabel("Line 1 description"), "Describe this line.");
  await expectAnnouncedError(page, page.getByRole("listitem", { name: "Line 1" }).getByLabel(/Unit price/), /at most 2 decimals/i);
});

test("the Review & send dialog, the ⋯ menu, the command menu, the phone Menu, a toast and a customer's balances have no serious accessibility violations", async ({ page }) => {
  test.setTimeout(180_000);
  await registerAccount(page, { name: "Tess Toast", email: uniqueEmail("tess"), organization: "Tess Tools" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await createCustomer(page, { name: "Dialog Co", email: uniqueEmail("dialog") });
  const customerUrl = new URL(page.url()).pathname;
  await saveDraftInvoice(page, { customer: "Dialog Co", currency: "USD", lines: [{ description: "Review", price: "120.00" }] });
  // The "Draft saved." toast is on screen for this scan.
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Draft saved." })).toBeVisible();
  await expectNoSeriousViolations(page, "draft with a toast");
  await page.getByRole("button", { name: "More actions" }).click();
  await expect(page.getByRole("menu", { name: "More actions" })).toBeVisible();
  await expectNoSeriousViolationsAtBothSizes(page, "the ⋯ menu open");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Review & send" }).click();
  await expect(page.getByRole("dialog", { name: "Review, issue and send" })).toBeVisible();
  await expectNoSeriousViolationsAtBothSizes(page, "the Review & send dialog");
  await page.getByRole("dialog").getByRole("button", { name: "Issue and send" }).click();
  // Issuing renders the PDF first: slow on a loaded machine.
  await expect(page.getByRole("dialog")).toHaveCount(0, { timeout: 30_000 });
  await scanBoth(page, customerUrl, "Dialog Co");
  await expect(page.getByTestId("balance-USD")).toBeVisible();

  // The command menu with results, opened from the keyboard on a laptop and by its button on a phone.
  const commandMenu = page.getByRole("dialog", { name: "Command menu" });
  await page.keyboard.press("Control+k");
  await expect(commandMenu).toBeVisible();
  await expect(commandMenu.getByRole("combobox", { name: "Search or run a command" })).toBeFocused();
  await page.keyboard.type("dialog");
  await expect(commandMenu.getByRole("group", { name: "Customers" }).getByRole("option", { name: /Dialog Co/ })).toBeVisible();
  await expectNoSeriousViolations(page, "the command menu, laptop");
  await page.keyboard.press("Escape");
  await page.setViewportSize(PHONE);
  await page.getByRole("button", { name: /^Search…/ }).filter({ visible: true }).click();
  await expect(commandMenu).toBeVisible();
  await expectNoSidewaysScroll(page, "the command menu");
  await expectNoSeriousViolations(page, "the command menu, phone");
  await page.keyboard.press("Escape");
  // The phone's Menu: the navigation in a dialog.
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("dialog").getByRole("link", { name: "Invoices" })).toBeVisible();
  await expectNoSeriousViolations(page, "the phone Menu open");
  await page.keyboard.press("Escape");
  await page.setViewportSize(LAPTOP);
});
