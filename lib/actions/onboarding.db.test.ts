/**
 * Creating organisations from the switcher's "New organisation": each one is a fresh sending budget
 * (lib/rate-limit.ts `send`), so one person may create only a few an hour (`newOrganization`).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db";
import { memberships } from "@/db/schema";
import { createUser } from "@/tests/support/accounts";
import { signedIn } from "@/tests/support/request-mocks";
import { createTestDb } from "@/tests/support/test-db";

vi.mock("@/lib/session", () => import("@/tests/support/request-mocks").then((m) => m.sessionModule));
vi.mock("next/headers", () => import("@/tests/support/request-mocks").then((m) => m.nextHeadersModule));
vi.mock("next/cache", () => import("@/tests/support/request-mocks").then((m) => m.nextCacheModule));

const { createOrganizationWithBusiness } = await import("./onboarding");

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
});
afterAll(async () => {
  await handle?.close();
});

/** A success ends in Next's redirect to the onboarding's next step (thrown, as in a real request). */
async function create(n: number) {
  try {
    return await createOrganizationWithBusiness(business(n));
  } catch (error) {
    if (error instanceof Error && error.message === "NEXT_REDIRECT") return { ok: true as const };
    throw error;
  }
}

const business = (n: number) => ({ name: `Side business ${n}`, country: "DE", defaultCurrency: "EUR", locale: "de-DE", timeZone: "Europe/Berlin" });

describe("new organisations are limited per person", () => {
  it("creates five in an hour, refuses the sixth with a clear message and creates nothing for it", { timeout: 60_000 }, async () => {
    const user = await createUser(db, "founder");
    signedIn.user = user;
    for (let n = 1; n <= 5; n++) expect(await create(n), `organisation ${n}`).toMatchObject({ ok: true });
    const refused = await create(6);
    expect(refused).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    if (!refused.ok) expect(refused.message).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);
    expect(await db.select().from(memberships).where(eq(memberships.userId, user.id))).toHaveLength(5);

    // Someone else is not held back by it.
    signedIn.user = await createUser(db, "other-founder");
    expect(await create(7)).toMatchObject({ ok: true });
  });
});
