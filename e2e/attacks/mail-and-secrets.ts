import { expect, someIp, test } from "../test";
import { E2E_ADMIN } from "../admin";
import { registerAccount, signIn, uniqueEmail } from "../support";

test.describe("mail and secrets", () => {
  test("/dev/outbox (every organisation's mail, reset links included) opens to a platform administrator only, even with DEBUG on", async ({ page, request, browser }) => {
    // The e2e server is a production build with DEBUG=true: signed out, the page does not exist.
    for (const path of ["/dev/outbox", "/dev/outbox?page=2", "/dev/outbox/00000000-0000-0000-0000-000000000000"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expect(await response.text()).not.toContain("Development outbox");
    }

    // A signed-in owner of an organisation gets the same 404.
    const owner = uniqueEmail("nosy-owner");
    await registerAccount(page, { name: "Nosy Owner", email: owner, organization: "Nosy Ltd" });
    await expect(page).toHaveURL(/\/onboarding$/);
    const asOwner = await page.goto("/dev/outbox");
    expect(asOwner?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Development outbox" })).toHaveCount(0);

    // The platform administrator reads it.
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": someIp() } });
    const admin = await context.newPage();
    await signIn(admin, E2E_ADMIN.email, E2E_ADMIN.password);
    await expect(admin).not.toHaveURL(/\/login/);
    const asAdmin = await admin.goto("/dev/outbox");
    expect(asAdmin?.status()).toBe(200);
    await expect(admin.getByRole("heading", { name: "Development outbox" })).toBeVisible();
    await context.close();
  });
});
