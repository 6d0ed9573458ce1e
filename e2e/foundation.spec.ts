import { expect, test } from "./test";

test("home page says what the product is and leads to sign-in and registration", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Smart Invoice/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Invoicing for small businesses");
  await expect(page.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", "/register");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/login");
});

test("the guide's /health/ answers 200 itself with the database status", async ({ request }) => {
  const response = await request.get("/health/", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", db: "ok" });
  expect(typeof body.version).toBe("string");
  expect(typeof body.uptimeS).toBe("number");
});

test("fingerprinted static assets are compressed and cached for a year", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="stylesheet"][href^="/_next/static/"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const response = await request.get(href!, { headers: { "Accept-Encoding": "gzip" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("max-age=31536000");
  expect(response.headers()["cache-control"]).toContain("immutable");
  expect(response.headers()["content-encoding"]).toBe("gzip");
});

test("an unknown page shows a friendly 404 with a way back", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("a trailing slash redirects to the canonical URL", async ({ request }) => {
  const response = await request.get("/no-such-page/?a=1", { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(response.headers()["location"]).toMatch(/\/no-such-page\?a=1$/);
});
