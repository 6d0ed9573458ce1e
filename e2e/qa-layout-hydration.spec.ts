/**
 * Defects a QA run found in a production build from a German browser: a page that failed to hydrate,
 * and pages that scrolled sideways or pushed columns out of view.
 */
import { waitForHydration } from "./hydration";
import { expect, type Page, test } from "./test";
import { registerAccount, uniqueEmail } from "./support";

test.use({ locale: "de-DE", timezoneId: "Europe/Berlin" });

const PHONE = { width: 390, height: 844 };
/** One word of 150 letters: it cannot wrap at a space. */
const LONG_NAME = `Support 200 ${"ä".repeat(150)}`;

function hydrationErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /#418|#423|#425|hydrat/i.test(m.text())) errors.push(m.text());
  });
  page.on("pageerror", (e) => {
    if (/#418|#423|#425|hydrat/i.test(e.message)) errors.push(e.message);
  });
  return errors;
}

async function pageWidth(page: Page) {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
}

test("/recurring/new hydrates without a mismatch, and the schedule preview shows once hydrated", async ({ page }) => {
  await registerAccount(page, { name: "Hanna Hydration", email: uniqueEmail("hanna"), organization: "Hydration GmbH" });
  await expect(page).toHaveURL(/\/onboarding$/);
  // A German organisation, as QA had: its dates (and the "{period}" example's date range) in de-DE.
  await expect(page.getByLabel("Sprache und Zahlenformat")).toHaveValue("de-DE");
  await page.getByRole("button", { name: "Speichern und weiter" }).click();
  await expect(page.getByRole("heading", { name: /^Schritt 2/ })).toBeVisible();
  const errors = hydrationErrors(page);
  await page.goto("/recurring/new");
  const form = page.getByRole("form", { name: "Editor für wiederkehrende Rechnungen" });
  await waitForHydration(form);
  // The next twelve dates, formatted by the browser once hydrated.
  await expect(page.getByRole("list", { name: "Nächste Termine" }).getByRole("listitem")).toHaveCount(12);
  await page.reload();
  await waitForHydration(form);
  await expect(page.getByRole("list", { name: "Nächste Termine" }).getByRole("listitem")).toHaveCount(12);
  expect(errors).toEqual([]);
});

test("tax rates on a 390 px phone: the page does not scroll sideways, the table scrolls in its own box", async ({ page }) => {
  await registerAccount(page, { name: "Theo Tax", email: uniqueEmail("theo"), organization: "Steuer Schmidt" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.goto("/settings/taxes");
  await page.getByLabel("Name der Steuer").fill("Umsatzsteuer ermäßigt");
  await page.getByLabel("Satz (%)").fill("7");
  await page.getByRole("button", { name: "Steuersatz hinzufügen" }).click();
  await expect(page.getByRole("rowheader", { name: "Umsatzsteuer ermäßigt" })).toBeVisible();

  await page.setViewportSize(PHONE);
  await page.reload();
  await expect(page.getByRole("rowheader", { name: "Umsatzsteuer ermäßigt" })).toBeVisible();
  const { scrollWidth } = await pageWidth(page);
  expect(scrollWidth).toBeLessThanOrEqual(390);
  // The Archive button is reachable: scrolled into view inside the table's box, not off the page.
  const archive = page.getByRole("button", { name: /archivieren$/i }).first();
  await archive.scrollIntoViewIfNeeded();
  await expect(archive).toBeInViewport();
  expect((await pageWidth(page)).scrollWidth).toBeLessThanOrEqual(390);
});

test("a 150-letter word in an item's and a customer's name wraps: the other columns stay in view", async ({ page }) => {
  await registerAccount(page, { name: "Lena Lang", email: uniqueEmail("lena"), organization: "Lang & Söhne" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.goto("/items/new");
  await page.getByLabel("Name", { exact: true }).fill(LONG_NAME);
  await page.getByLabel("Einzelpreis").fill("12");
  await page.getByRole("button", { name: "Artikel anlegen" }).click();
  await expect(page).toHaveURL(/\/items$/);

  await page.setViewportSize({ width: 1024, height: 800 });
  for (const path of ["/items", "/customers"]) {
    if (path === "/customers") {
      await page.goto("/customers/new");
      await page.getByLabel("Name", { exact: true }).fill(LONG_NAME);
      await page.getByRole("button", { name: "Kunde anlegen" }).click();
      await expect(page.getByRole("heading", { name: LONG_NAME, level: 1 })).toBeVisible();
    }
    await page.goto(path);
    const table = page.getByRole("table");
    await expect(table.getByRole("rowheader", { name: LONG_NAME })).toBeVisible();
    // The table fits its box (nothing scrolls sideways) and its last column is on screen.
    const box = await table.evaluate((t) => ({ table: t.getBoundingClientRect().width, parent: t.parentElement!.clientWidth }));
    expect(box.table, path).toBeLessThanOrEqual(box.parent);
    await expect(table.getByRole("columnheader").last()).toBeInViewport();
    expect((await pageWidth(page)).scrollWidth, path).toBeLessThanOrEqual(1024);
  }
});

test("onboarding from a German browser proposes Germany, EUR, de-DE and the browser's zone before anything is chosen", async ({ page }) => {
  await registerAccount(page, { name: "Jana Jung", email: uniqueEmail("jana"), organization: "Jung Design" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByLabel("Land", { exact: true })).toHaveValue("DE");
  await expect(page.getByLabel("Standardwährung")).toHaveValue("EUR");
  await expect(page.getByLabel("Sprache und Zahlenformat")).toHaveValue("de-DE");
  await expect(page.getByLabel("Zeitzone")).toHaveValue("Europe/Berlin");
});

test.describe("a browser that sends a language without a region", () => {
  test.use({ locale: "de", timezoneId: "Europe/Vienna", extraHTTPHeaders: { "Accept-Language": "de" } });

  test("plain \"de\" still proposes Germany and de-DE, with the browser's Vienna zone only where it fits", async ({ page }) => {
    await registerAccount(page, { name: "Vera Wien", email: uniqueEmail("vera"), organization: "Wien Werkstatt" });
    await expect(page).toHaveURL(/\/onboarding$/);
    await expect(page.getByLabel("Land", { exact: true })).toHaveValue("DE");
    await expect(page.getByLabel("Standardwährung")).toHaveValue("EUR");
    await expect(page.getByLabel("Sprache und Zahlenformat")).toHaveValue("de-DE");
    // Vienna is not a German zone: Germany's own.
    await expect(page.getByLabel("Zeitzone")).toHaveValue("Europe/Berlin");
  });
});
