import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { auditLog, revokedSessions } from "@/db/schema";
import { createUser } from "@/tests/support/accounts";
import { createTestDb } from "@/tests/support/test-db";
import { endAllSessions, isSessionRevoked, revokeSession } from "./sessions";
import { getUserById } from "./users";

let handle: DbHandle;
let db: Db;
beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
});
afterAll(async () => {
  await handle?.close();
});

const DAY = 24 * 60 * 60 * 1000;

describe("session revocation", () => {
  it("a signed-out session id is refused; other sessions of the same user are not", async () => {
    const user = await createUser(db, "leaver");
    await revokeSession({ sid: "sid-a", userId: user.id }, { ip: "203.0.113.9" });
    expect(await isSessionRevoked("sid-a")).toBe(true);
    expect(await isSessionRevoked("sid-b")).toBe(false);
    // Signing out twice (two tabs) is not an error.
    await revokeSession({ sid: "sid-a", userId: user.id });
    const audits = await db.select().from(auditLog).where(eq(auditLog.actorUserId, user.id));
    expect(audits.map((a) => a.action)).toEqual(["auth.sign_out", "auth.sign_out"]);
    expect(audits.map((a) => a.ip).sort()).toEqual(["203.0.113.9", null]);
  });

  it("keeps a row for the absolute session lifetime (14 days) and prunes it after", async () => {
    const user = await createUser(db, "pruned");
    const t0 = new Date("2026-03-01T10:00:00Z");
    await revokeSession({ sid: "old-sid", userId: user.id }, {}, t0);
    const [row] = await db.select().from(revokedSessions).where(eq(revokedSessions.sid, "old-sid"));
    expect(row!.expiresAt.toISOString()).toBe("2026-03-15T10:00:00.000Z");
    // A later sign-out 13 days on keeps it; one 15 days on prunes it.
    await revokeSession({ sid: "day-13", userId: user.id }, {}, new Date(t0.getTime() + 13 * DAY));
    expect(await isSessionRevoked("old-sid")).toBe(true);
    await revokeSession({ sid: "day-15", userId: user.id }, {}, new Date(t0.getTime() + 15 * DAY));
    expect(await isSessionRevoked("old-sid")).toBe(false);
    expect(await isSessionRevoked("day-15")).toBe(true);
  });

  it("signing out everywhere moves the session version on and is audited", async () => {
    const user = await createUser(db, "everywhere");
    const before = user.sessionVersion.getTime();
    await endAllSessions(user.id, { userAgent: "test" });
    const after = (await getUserById(user.id))!.sessionVersion.getTime();
    expect(after).not.toBe(before);
    const audits = await db.select().from(auditLog).where(eq(auditLog.actorUserId, user.id));
    expect(audits.map((a) => a.action)).toEqual(["auth.signed_out_everywhere"]);
  });
});
