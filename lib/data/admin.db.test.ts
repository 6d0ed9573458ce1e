import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { auditLog, type User } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { createAccount, expectAppError, PASSWORD, uniqueEmail } from "@/tests/support/accounts";
import { createTestDb } from "@/tests/support/test-db";
import { setUserDisabled, unsafeListOrganizations, unsafeListUsers, upsertPlatformAdmin } from "./admin";
import { createPasswordReset, getUserById } from "./users";

const ADMIN_PASSWORD = "admin horse battery staple";

let handle: DbHandle;
let db: Db;
let admin: User;
beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ user: admin } = await upsertPlatformAdmin({ email: uniqueEmail("admin"), password: ADMIN_PASSWORD }));
});
afterAll(async () => {
  await handle?.close();
});

async function reload(id: string) {
  const user = await getUserById(id);
  expect(user).toBeDefined();
  return user!;
}

describe("platform administration is for administrators only", () => {
  it("refuses an ordinary user, even an organisation owner", async () => {
    const { user } = await createAccount(db, "plain");
    const victim = await createAccount(db, "victim");

    await expectAppError(unsafeListUsers(user), "FORBIDDEN");
    await expectAppError(unsafeListOrganizations(user), "FORBIDDEN");
    await expectAppError(setUserDisabled(user, victim.user.id, true), "FORBIDDEN");
    expect((await reload(victim.user.id)).disabledAt).toBeNull();
  });

  it("refuses an administrator whose account was disabled", async () => {
    const victim = await createAccount(db, "victim");
    const staleAdmin = { ...admin, disabledAt: new Date() };
    await expectAppError(unsafeListUsers(staleAdmin), "FORBIDDEN");
    await expectAppError(setUserDisabled(staleAdmin, victim.user.id, true), "FORBIDDEN");
    expect((await reload(victim.user.id)).disabledAt).toBeNull();
  });

  it("lists every organisation and user to an administrator", async () => {
    const { user, org } = await createAccount(db, "listed");
    const users = await unsafeListUsers(admin);
    expect(users).toContainEqual(expect.objectContaining({ id: user.id, email: user.email, organizations: 1, disabledAt: null }));
    expect(users).toContainEqual(expect.objectContaining({ id: admin.id, isPlatformAdmin: true, organizations: 0 }));
    // The list shows no password hashes.
    expect(users.every((u) => !("passwordHash" in u))).toBe(true);
    const orgs = await unsafeListOrganizations(admin);
    expect(orgs).toContainEqual(expect.objectContaining({ id: org.id, name: org.name, members: 1 }));
  });
});

describe("setUserDisabled", () => {
  it("disables a user, ending their sessions, and enables them again", async () => {
    const { user, email } = await createAccount(db, "disable");
    const before = await reload(user.id);

    const disabled = await setUserDisabled(admin, user.id, true, { ip: "198.51.100.1" });
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    const afterDisable = await reload(user.id);
    expect(afterDisable.disabledAt).toBeInstanceOf(Date);
    expect(afterDisable.sessionVersion.getTime()).toBeGreaterThan(before.sessionVersion.getTime());
    // A disabled account can't start a password reset.
    expect(await createPasswordReset(email)).toBeNull();

    const enabled = await setUserDisabled(admin, user.id, false);
    expect(enabled.disabledAt).toBeNull();
    expect((await reload(user.id)).disabledAt).toBeNull();
    expect(await createPasswordReset(email)).not.toBeNull();

    const audit = await db.select().from(auditLog).where(and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, user.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(["admin.user_disabled", "admin.user_enabled"]);
    expect(audit.every((a) => a.actorUserId === admin.id)).toBe(true);
  });

  it("won't let an administrator disable themselves", async () => {
    await expectAppError(setUserDisabled(admin, admin.id, true), "BAD_REQUEST");
    expect((await reload(admin.id)).disabledAt).toBeNull();
  });

  it("answers NOT_FOUND for an unknown user", async () => {
    await expectAppError(setUserDisabled(admin, randomUUID(), true), "NOT_FOUND");
  });
});

describe("upsertPlatformAdmin", () => {
  it("creates the administrator, then on a second run updates the password instead of duplicating", async () => {
    const email = uniqueEmail("Root");
    const first = await upsertPlatformAdmin({ email, password: ADMIN_PASSWORD, name: "Root" });
    expect(first.created).toBe(true);
    expect(first.user).toMatchObject({ email: email.toLowerCase(), name: "Root", isPlatformAdmin: true, disabledAt: null });
    expect(await verifyPassword(first.user.passwordHash, ADMIN_PASSWORD)).toBe(true);

    const second = await upsertPlatformAdmin({ email: email.toUpperCase(), password: "a brand new admin secret" });
    expect(second.created).toBe(false);
    expect(second.user.id).toBe(first.user.id);
    const stored = await reload(first.user.id);
    expect(stored.isPlatformAdmin).toBe(true);
    expect(await verifyPassword(stored.passwordHash, "a brand new admin secret")).toBe(true);
    expect(await verifyPassword(stored.passwordHash, ADMIN_PASSWORD)).toBe(false);
    expect(stored.sessionVersion.getTime()).toBeGreaterThan(first.user.sessionVersion.getTime());
  });

  it("promotes an existing (even disabled) user and sets their password", async () => {
    const { user, email } = await createAccount(db, "promote");
    await setUserDisabled(admin, user.id, true);

    const result = await upsertPlatformAdmin({ email, password: ADMIN_PASSWORD });
    expect(result.created).toBe(false);
    expect(result.user).toMatchObject({ id: user.id, name: user.name, isPlatformAdmin: true, disabledAt: null });
    expect(await verifyPassword(result.user.passwordHash, ADMIN_PASSWORD)).toBe(true);
    expect(await verifyPassword(result.user.passwordHash, PASSWORD)).toBe(false);
    // The promoted user can now administer.
    await expect(unsafeListUsers(result.user)).resolves.toContainEqual(expect.objectContaining({ id: user.id }));
  });
});
