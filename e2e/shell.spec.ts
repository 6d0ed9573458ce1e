import { expectNoSeriousViolations } from "./axe";
import { expect, type Page, test } from "./test";
import { registerAccount, uniqueEmail } from "./support";

/** Strict CSP: a library injecting an inline style or script shows up as a console error. */
function collectCspViolations(page: Page): string[] {
  const found: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) found.push(m.text());
  });
  return found;
}

async function signUp(page: Page, organization: string) {
  await registerAccount(page, { name: "Sam Shell", email: uniqueEmail("shell"), organization });
  await expect(page).toHaveURL(/\/onboarding$/);
}

test.describe("laptop, 1280 × 800", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("a grouped sidebar marks the page on screen, and the section of a sub-page", async ({ page }) => {
    const csp = collectCspViolations(page);
    await signUp(page, "Sidebar Works Ltd");
    await page.goto("/invoices");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeVisible();
    await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
    await expect(nav.getByRole("list", { name: "Sales" }).getByRole("link")).toHaveText(["Invoices", "Quotes", "Credit notes", "Recurring"]);
    await expect(nav.getByRole("link", { name: "Invoices" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Dashboard" })).not.toHaveAttribute("aria-current");
    // Settings' sub-pages are listed only inside the section.
    await expect(nav.getByRole("link", { name: "Taxes" })).toHaveCount(0);

    // A page under a section marks that section: the new-invoice editor is under Invoices.
    await page.goto("/invoices/new");
    await expect(nav.getByRole("link", { name: "Invoices" })).toHaveAttribute("aria-current", "page");

    await nav.getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Organisation settings" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
    await nav.getByRole("link", { name: "Taxes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Taxes" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Taxes" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "true");
    await expect(nav.getByRole("link", { name: "Jobs" })).toBeVisible();

    // The organisation switcher and the user menu live together, at the bottom of the sidebar.
    const banner = page.getByRole("banner");
    await expect(banner.getByText("Sidebar Works Ltd")).toBeVisible();
    await expect(banner.getByRole("button", { name: "Sign out" })).toBeVisible();
    await banner.getByRole("link", { name: "Account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await expect(banner.getByRole("link", { name: "Account" })).toHaveAttribute("aria-current", "page");
    // The account page is not one of the organisation's settings.
    await expect(nav.getByRole("link", { name: "Settings" })).not.toHaveAttribute("aria-current");

    await page.goto("/invoices");
    await expectNoSeriousViolations(page, "invoices on a laptop");
    expect(csp).toEqual([]);
  });
});

test.describe("phone, 390 × 844", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a compact top bar; the Menu dialog traps focus, closes on Escape, a link or a wider window, and gives focus back", async ({ page }) => {
    const csp = collectCspViolations(page);
    await signUp(page, "Pocket Menu Ltd");
    await page.goto("/invoices");
    const heading = page.getByRole("heading", { level: 1, name: "Invoices" });
    await expect(heading).toBeInViewport();
    // The sidebar is not there; the top bar stays within 56 px, so the page's own heading leads.
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    const menuButton = page.getByRole("button", { name: "Menu" });
    const bar = await page.getByRole("banner").boundingBox();
    expect(bar!.height).toBeLessThanOrEqual(56);
    expect((await heading.boundingBox())!.y).toBeGreaterThanOrEqual(bar!.height);
    await expectNoSeriousViolations(page, "invoices on a phone");

    await menuButton.click();
    const menu = page.getByRole("dialog", { name: "Menu" });
    await expect(menu).toBeVisible();
    const close = menu.getByRole("button", { name: "Close" });
    await expect(close).toBeFocused();
    await expect(menu.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invoices" })).toHaveAttribute("aria-current", "page");
    await expectNoSeriousViolations(page, "phone menu open");

    // Tab from the last item wraps to the first, Shift+Tab from the first to the last.
    const signOut = menu.getByRole("button", { name: "Sign out" });
    await signOut.focus();
    await page.keyboard.press("Tab");
    await expect(close).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await expect(signOut).toBeFocused();
    // Walking forward through every item never leaves the dialog.
    const stops = await menu.locator("a[href], button, select").count();
    for (let i = 0; i < stops + 1; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => !!document.activeElement?.closest("dialog[open]"))).toBe(true);
    }

    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(menuButton).toBeFocused();

    // Following a link navigates and closes the menu.
    await menuButton.click();
    await menu.getByRole("link", { name: "Customers" }).click();
    await expect(page).toHaveURL(/\/customers$/);
    await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
    await expect(menu).toBeHidden();

    // The close button closes it too, and focus goes back to the Menu button.
    await menuButton.click();
    await menu.getByRole("button", { name: "Close" }).click();
    await expect(menu).toBeHidden();
    await expect(menuButton).toBeFocused();

    // Widening the window to the sidebar's size closes the menu: the sidebar takes over.
    await menuButton.click();
    await expect(menu).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(menu).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" })).toHaveAttribute("aria-current", "page");
    expect(csp).toEqual([]);
  });
});
