import type { User } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { type AppCatalogs, type AppLanguage, appTranslator } from "@/lib/i18n/app-language";

/**
 * The request context for DB tests that call server actions and route handlers as a browser does:
 * who is signed in, and Next's request-scoped APIs (they throw outside a request). Vitest hoists
 * `vi.mock` per file, so each test file keeps its own one-line mocks; their factories come from
 * here, so every file fakes the same things the same way:
 *
 *   vi.mock("@/lib/session", () => import("@/tests/support/request-mocks").then((m) => m.sessionModule));
 *
 * The database needs no mock: createTestDb() makes the test's database the one getDb() returns.
 */
export const signedIn = { membership: null as Member | null, user: null as User | null };

export const sessionModule = {
  getMembership: async () => signedIn.membership,
  getSessionUser: async () => signedIn.user,
  setActiveOrganization: async () => undefined,
  // The English screens, as a browser that asks for nothing gets them.
  getAppLanguage: async (): Promise<AppLanguage> => "en",
  getAppMessages: async <T extends Record<string, string>>(catalogs: AppCatalogs<T>) => appTranslator(catalogs, "en"),
};

/** An empty request: no cookies, no forwarded address. */
export const nextHeadersModule = { headers: async () => new Headers() };

/** Nothing to revalidate outside Next's cache. */
export const nextCacheModule = { revalidatePath: () => undefined };

/** What the SendGrid webhook route reads as its verification key; set by the test. */
export const sendgridWebhook = { publicKey: undefined as string | undefined };

/** `@/lib/env` as it is, but for the SendGrid webhook key, which comes from `sendgridWebhook`. */
export async function envWithSendgridKey(importOriginal: () => Promise<typeof import("@/lib/env")>) {
  const original = await importOriginal();
  const env = new Proxy({} as typeof original.env, {
    get: (_, key) => (key === "SENDGRID_WEBHOOK_PUBLIC_KEY" ? sendgridWebhook.publicKey : original.env[key as keyof typeof original.env]),
  });
  return { ...original, env };
}
