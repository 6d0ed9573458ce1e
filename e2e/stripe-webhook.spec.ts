/**
 * Issue 16 §3 through the real server: the Stripe webhook URL is reachable the way Stripe calls it
 * (no session, no Origin, no browser headers) — the proxy neither redirects it to sign-in nor refuses
 * it as a cross-site write — and the Stripe events log is there for admins. The ledger behind it is
 * tested in lib/services/stripe-*.db.test.ts; paying through Checkout end to end needs the Pay button
 * (another part of the issue).
 */
import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./test";
import { registerAccount, uniqueEmail } from "./support";

test("Stripe's POST reaches the webhook route: unknown URL 404, nothing else in the way", async ({ playwright, baseURL }) => {
  // A bare client, as Stripe's servers are: no cookies, no Origin, no Sec-Fetch headers.
  const stripe = await playwright.request.newContext({ baseURL });
  const event = JSON.stringify({ id: "evt_e2e", object: "event", type: "checkout.session.completed", created: 1_790_000_000, data: { object: {} } });
  const unknown = await stripe.post("/api/webhooks/stripe/NoSuchWebhookId0123456789", { data: event, headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00" }, maxRedirects: 0 });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ error: "unknown webhook" });
  // A malformed id is the same 404 (it never reaches the database as anything but "no such id").
  const malformed = await stripe.post("/api/webhooks/stripe/%3Cscript%3E", { data: event, headers: { "content-type": "application/json" }, maxRedirects: 0 });
  expect(malformed.status()).toBe(404);
  // Only POST: a browser opening the URL gets 405, not a page.
  expect((await stripe.get("/api/webhooks/stripe/NoSuchWebhookId0123456789", { maxRedirects: 0 })).status()).toBe(405);
  await stripe.dispose();
});

test("the Stripe events log is an admin page, empty until Stripe sends something, and accessible", async ({ page }) => {
  await registerAccount(page, { name: "Erin Events", email: uniqueEmail("erin"), organization: "Erin's Shop" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.goto("/settings/payments/events");
  await expect(page.getByRole("heading", { level: 1, name: "Stripe events" })).toBeVisible();
  await expect(page.getByText("No events received yet.")).toBeVisible();
  await expectNoSeriousViolations(page, "Stripe events, empty");
});
