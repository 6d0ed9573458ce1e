import { expect, type Browser, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

/** Each test gets its own people and organisation, so tests run in parallel without sharing data. */
export function uniqueEmail(label: string) {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

export const PASSWORD = "correct horse battery staple";

export async function registerAccount(page: Page, { name, email, organization, password = PASSWORD }: { name: string; email: string; organization: string; password?: string }) {
  await page.goto("/register");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Business name").fill(organization);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Opens the newest message to `to` in the development outbox and returns the first link in its text. */
export async function linkFromOutbox(page: Page, to: string, subject: RegExp): Promise<string> {
  let href: string | null = null;
  await expect(async () => {
    await page.goto("/dev/outbox");
    const row = page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first();
    await row.getByRole("link").click();
    href = await page.locator("a[href*='http']").filter({ hasNotText: /outbox/i }).first().getAttribute("href");
    expect(href).toBeTruthy();
  }).toPass({ timeout: 15_000 });
  return href!;
}

export async function newContext(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}
