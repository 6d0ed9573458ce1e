import { test as base } from "@playwright/test";
import { randomInt } from "node:crypto";

export { expect, type APIResponse, type Locator, type Page } from "@playwright/test";

/**
 * A client address of its own, as Render's edge would forward it (the e2e server trusts one hop).
 * Per-IP limits (20 registrations an hour, 10 password resets) are real in these tests, so without
 * this every test, and every retry, would draw on the one shared budget of 127.0.0.1.
 */
export const someIp = () => `198.51.${randomInt(0, 256)}.${randomInt(1, 255)}`;

/** Playwright's test, with each test's page, request and new contexts coming from their own address. */
export const test = base.extend({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide) => {
    await provide({ "x-forwarded-for": someIp(), ...extraHTTPHeaders });
  },
});
