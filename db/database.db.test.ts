import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { memberships, organizations, users } from "@/db/schema";
import { createTestDb } from "@/tests/support/test-db";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.close();
});

describe(`migrated schema (${process.env.TEST_DB})`, () => {
  it("has the account tables", async () => {
    const rows = await handle.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const names = (Array.isArray(rows) ? rows : (rows as { rows: { table_name: string }[] }).rows).map((r) => r.table_name);
    expect(names).toEqual(expect.arrayContaining(["memberships", "organizations", "users"]));
  });

  it("treats emails as unique regardless of case", async () => {
    await handle.db.insert(users).values({ name: "Ada", email: "ada@example.com", passwordHash: "x" });
    await expect(
      handle.db.insert(users).values({ name: "Ada 2", email: "ADA@Example.com", passwordHash: "x" }),
    ).rejects.toThrow();
  });

  it("removes memberships with their organisation", async () => {
    const [org] = await handle.db.insert(organizations).values({ name: "Acme" }).returning();
    const [user] = await handle.db.insert(users).values({ name: "Bo", email: "bo@example.com", passwordHash: "x" }).returning();
    await handle.db.insert(memberships).values({ orgId: org!.id, userId: user!.id, role: "owner" });
    await handle.db.delete(organizations).where(sql`${organizations.id} = ${org!.id}`);
    const left = await handle.db.select().from(memberships).where(sql`${memberships.userId} = ${user!.id}`);
    expect(left).toEqual([]);
  });
});
