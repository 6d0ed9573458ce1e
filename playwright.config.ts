import { defineConfig, devices } from "@playwright/test";

/**
 * Runs against a production build (`next start`) on a fresh embedded database, or against a
 * deployed app when BASE_URL is set. Chromium comes from Debian (npm cannot download browsers here).
 */
const port = Number(process.env.E2E_PORT ?? 5055);
const external = process.env.BASE_URL;
export const baseURL = external ?? `http://localhost:${port}`;
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  // Most tests are whole journeys (register, write and send documents, check them elsewhere): on a
  // 2-core CI machine running the server and two browsers they take 40–60 s, and 60 s was a coin toss.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      // The sandbox needs user namespaces that containers here lack; the rest keeps Chromium off the network.
      // Some ports are on Chromium's "unsafe" list (5060 and 5061 are SIP): allow the one the app is on.
      args: [`--explicitly-allowed-ports=${port}`, "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: external
    ? undefined
    : {
        command: "tsx scripts/e2e-server.ts",
        // 127.0.0.1, not localhost: Node may resolve localhost to ::1 while next start binds IPv4.
        url: `http://127.0.0.1:${port}/health`,
        timeout: 300_000,
        reuseExistingServer: !process.env.CI,
        stdout: "ignore",
        stderr: "pipe",
        env: { E2E_PORT: String(port) },
      },
});
