import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/** `npm run screenshots`: the README's screenshots, on the same production build as the e2e suite. Not part of `npm test`. */
export default defineConfig({
  ...base,
  testDir: "e2e-screenshots",
  retries: 0,
  timeout: 300_000,
  reporter: "list",
  use: { ...base.use, trace: "off", screenshot: "off" },
});
