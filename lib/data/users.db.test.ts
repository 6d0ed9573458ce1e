import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { auditLog, authTokens, memberships, organizations, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { createAccount, expectAppError, PASSWORD, rejectionsOf, uniqueEmail, uniqueName } from "@/tests/support/accounts";
import { createTestDb } from "@/tests/support/test-db";
import { getMembership, listUserOrganizations } from "./organizations";
import {
  changePassword,
  confirmEmailChange,
  createPasswordReset,
  findUserByEmail,
  getUserById,
  peekToken,
  registerAccount,
  requestEmailChange,
  resetPassword,
  updateLanguage,
} from "./users";

const NEW_PASSWORD = "purple elephant umbrella";

let handle: DbHandle;
let db: Db;
beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
});
afterAll(async () => {
  await handle?.close();
});

async function userRow(id: string) {
  const user = await getUserById(id);
  expect(user).toBeDefined();
  return user!;
}

/** Makes every token of the user look as if it had been sent long ago. */
async function expireTokens(userId: string) {
  await db
    .update(authTokens)
    .set({ expiresAt: new Date(Date.now() - 60_000) })
    .where(eq(authTokens.userId, userId));
}

describe("registerAccount", () => {
  it("creates the user, their organisation, an owner membership and an audit entry", async () => {
    const email = uniqueEmail("reg");
    const organizationName = uniqueName("Acme");
    const { user, org } = await registerAccount(
      { name: "Ada Lovelace", email, password: PASSWORD, organizationName },
      { ip: "203.0.113.7", userAgent: "vitest" },
    );

    expect(user).toMatchObject({ name: "Ada Lovelace", email, isPlatformAdmin: false, disabledAt: null });
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(true);
    expect(org.name).toBe(organizationName);

    expect(await getMembership(user.id, org.id)).toEqual({ role: "owner" });
    expect(await listUserOrganizations(user.id)).toEqual([
      expect.objectContaining({ orgId: org.id, name: organizationName, role: "owner" }),
    ]);

    const audit = await db.select().from(auditLog).where(eq(auditLog.actorUserId, user.id));
    expect(audit).toEqual([
      expect.objectContaining({ action: "account.registered", orgId: org.id, ip: "203.0.113.7", userAgent: "vitest" }),
    ]);
  });

  it("stores the email lowercased and refuses the same address in another case", async () => {
    const local = `Mixed.Case-${randomUUID().slice(0, 8)}`;
    const { user } = await registerAccount({
      name: "Grace",
      email: `  ${local}@Example.COM `,
      password: PASSWORD,
      organizationName: uniqueName("Grace org"),
    });
    const stored = `${local.toLowerCase()}@example.com`;
    expect(user.email).toBe(stored);
    expect((await findUserByEmail(`${local.toUpperCase()}@EXAMPLE.com`))?.id).toBe(user.id);

    const secondOrgName = uniqueName("Second org");
    const error = await expectAppError(
      registerAccount({ name: "Grace 2", email: `${local.toUpperCase()}@example.com`, password: PASSWORD, organizationName: secondOrgName }),
      "CONFLICT",
    );
    expect(error.fieldErrors?.email).toMatch(/already exists/);
    // The refused registration left nothing behind.
    expect(await db.select().from(organizations).where(eq(organizations.name, secondOrgName))).toEqual([]);
    const sameEmail = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${stored}`);
    expect(sameEmail).toHaveLength(1);
  });

  it("lets exactly one of five simultaneous registrations with the same email through, writing nothing for the others", async () => {
    const email = uniqueEmail("race");
    const organizationName = uniqueName("Race org");
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        registerAccount({ name: `Racer ${i}`, email: i % 2 ? email.toUpperCase() : email, password: PASSWORD, organizationName }),
      ),
    );

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejections = rejectionsOf(results);
    expect(rejections).toHaveLength(4);
    for (const reason of rejections) {
      expect(reason).toBeInstanceOf(AppError);
      expect(reason).toMatchObject({ code: "CONFLICT", fieldErrors: { email: expect.any(String) } });
    }

    const accounts = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
    expect(accounts).toHaveLength(1);
    const orgs = await db.select().from(organizations).where(eq(organizations.name, organizationName));
    expect(orgs).toHaveLength(1);
    const members = await db.select().from(memberships).where(eq(memberships.orgId, orgs[0]!.id));
    expect(members).toEqual([expect.objectContaining({ userId: accounts[0]!.id, role: "owner" })]);
    const registered = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "account.registered"), eq(auditLog.actorUserId, accounts[0]!.id)));
    expect(registered).toHaveLength(1);
  });
});

describe("password reset", () => {
  it("returns null for an unknown or disabled address, and a token for a known one", async () => {
    expect(await createPasswordReset(uniqueEmail("nobody"))).toBeNull();

    const { user, email } = await createAccount(db, "reset");
    const reset = await createPasswordReset(email.toUpperCase());
    expect(reset?.user.id).toBe(user.id);
    expect(reset?.token).toMatch(/^[\w-]{43}$/);

    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await createPasswordReset(email)).toBeNull();
  });

  it("stores only a hash of the token", async () => {
    const { user, email } = await createAccount(db, "hash");
    const { token } = (await createPasswordReset(email))!;
    const rows = await db.select().from(authTokens).where(eq(authTokens.userId, user.id));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.kind).toBe("password_reset");
    expect(row.tokenHash).not.toBe(token);
    expect(row.tokenHash).toBe(hashToken(token));
    // The raw token appears nowhere in the row.
    expect(JSON.stringify(row)).not.toContain(token);
    // About an hour to use it.
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(55 * 60_000);
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);
  });

  it("sets the new password once, ends other sessions, and refuses the link a second time", async () => {
    const { user, email } = await createAccount(db, "once");
    const before = await userRow(user.id);
    const { token } = (await createPasswordReset(email))!;
    expect(await peekToken(token, "password_reset")).toBe(true);
    // A reset link is not an email-change link.
    expect(await peekToken(token, "email_change")).toBe(false);

    const updated = await resetPassword(token, NEW_PASSWORD);
    expect(updated.id).toBe(user.id);

    const after = await userRow(user.id);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(false);
    expect(after.sessionVersion.getTime()).toBeGreaterThan(before.sessionVersion.getTime());

    expect(await peekToken(token, "password_reset")).toBe(false);
    await expectAppError(resetPassword(token, "another fine password"), "BAD_REQUEST");
    expect(await verifyPassword((await userRow(user.id)).passwordHash, NEW_PASSWORD)).toBe(true);
  });

  it("refuses an expired link and leaves the password alone", async () => {
    const { user, email } = await createAccount(db, "expired");
    const { token } = (await createPasswordReset(email))!;
    await expireTokens(user.id);

    expect(await peekToken(token, "password_reset")).toBe(false);
    await expectAppError(resetPassword(token, NEW_PASSWORD), "BAD_REQUEST");
    expect(await verifyPassword((await userRow(user.id)).passwordHash, PASSWORD)).toBe(true);
  });

  it("refuses a made-up token", async () => {
    await expectAppError(resetPassword("not-a-token", NEW_PASSWORD), "BAD_REQUEST");
  });

  it("kills every other outstanding reset link once one is used", async () => {
    const { user, email } = await createAccount(db, "two");
    const first = (await createPasswordReset(email))!;
    const second = (await createPasswordReset(email))!;
    expect(first.token).not.toBe(second.token);

    await resetPassword(second.token, NEW_PASSWORD);
    expect(await peekToken(first.token, "password_reset")).toBe(false);
    await expectAppError(resetPassword(first.token, "another fine password"), "BAD_REQUEST");
    expect(await verifyPassword((await userRow(user.id)).passwordHash, NEW_PASSWORD)).toBe(true);
  });
});

describe("updateLanguage", () => {
  it("starts unset (the browser decides), keeps the chosen app language, records it, and can be unset again", async () => {
    const { user } = await createAccount(db, "language");
    expect((await userRow(user.id)).language).toBeNull();

    await updateLanguage(user.id, "de", { ip: "203.0.113.9" });
    expect((await userRow(user.id)).language).toBe("de");
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, user.id), eq(auditLog.action, "account.language_changed")));
    expect(audit).toHaveLength(1);

    await updateLanguage(user.id, null);
    expect((await userRow(user.id)).language).toBeNull();
  });
});

describe("changePassword", () => {
  it("requires the current password and changes nothing without it", async () => {
    const { user } = await createAccount(db, "change-wrong");
    const before = await userRow(user.id);
    const error = await expectAppError(
      changePassword(user.id, { currentPassword: "not my password", newPassword: NEW_PASSWORD }),
      "BAD_REQUEST",
    );
    expect(error.fieldErrors?.currentPassword).toMatch(/not correct/);

    const after = await userRow(user.id);
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion.getTime()).toBe(before.sessionVersion.getTime());
  });

  it("sets the new password, ends other sessions and records it", async () => {
    const { user } = await createAccount(db, "change-ok");
    const before = await userRow(user.id);
    await changePassword(user.id, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });

    const after = await userRow(user.id);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(false);
    expect(after.sessionVersion.getTime()).toBeGreaterThan(before.sessionVersion.getTime());
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, user.id), eq(auditLog.action, "account.password_changed")));
    expect(audit).toHaveLength(1);
  });
});

describe("email change", () => {
  it("refuses a wrong password, the current address, and an address another account uses", async () => {
    const { user, email } = await createAccount(db, "email-refused");
    const other = await createAccount(db, "email-taken");

    const wrong = await expectAppError(
      requestEmailChange(user.id, { newEmail: uniqueEmail("new"), currentPassword: "not my password" }),
      "BAD_REQUEST",
    );
    expect(wrong.fieldErrors?.currentPassword).toBe("Your current password is not correct.");

    const same = await expectAppError(
      requestEmailChange(user.id, { newEmail: email.toUpperCase(), currentPassword: PASSWORD }),
      "BAD_REQUEST",
    );
    expect(same.fieldErrors?.newEmail).toBe("That is already your email.");

    const taken = await expectAppError(
      requestEmailChange(user.id, { newEmail: other.email.toUpperCase(), currentPassword: PASSWORD }),
      "CONFLICT",
    );
    expect(taken.fieldErrors?.newEmail).toMatch(/already exists/);

    // No link was issued for any of them.
    const tokens = await db.select().from(authTokens).where(eq(authTokens.userId, user.id));
    expect(tokens).toEqual([]);
    expect((await userRow(user.id)).email).toBe(email);
  });

  it("changes the email once through the emailed link", async () => {
    const { user, email } = await createAccount(db, "email-ok");
    const requested = uniqueEmail("New-Address").replace("@example.test", "@Example.TEST");
    const { token, newEmail } = await requestEmailChange(user.id, { newEmail: requested, currentPassword: PASSWORD });
    expect(newEmail).toBe(requested.toLowerCase());
    // Nothing changes until the link is used.
    expect((await userRow(user.id)).email).toBe(email);
    expect(await peekToken(token, "email_change")).toBe(true);
    expect(await peekToken(token, "password_reset")).toBe(false);
    // An email-change link can't reset a password.
    await expectAppError(resetPassword(token, NEW_PASSWORD), "BAD_REQUEST");

    const changed = await confirmEmailChange(token);
    expect(changed.email).toBe(newEmail);
    expect((await findUserByEmail(newEmail))?.id).toBe(user.id);
    expect(await findUserByEmail(email)).toBeUndefined();

    await expectAppError(confirmEmailChange(token), "BAD_REQUEST");
    expect((await userRow(user.id)).email).toBe(newEmail);
  });

  it("refuses an expired link", async () => {
    const { user, email } = await createAccount(db, "email-expired");
    const { token } = await requestEmailChange(user.id, { newEmail: uniqueEmail("late"), currentPassword: PASSWORD });
    await expireTokens(user.id);
    await expectAppError(confirmEmailChange(token), "BAD_REQUEST");
    expect((await userRow(user.id)).email).toBe(email);
  });

  it("refuses the change when someone registered the address after the link was sent", async () => {
    const { user, email } = await createAccount(db, "email-late");
    const wanted = uniqueEmail("contested");
    const { token } = await requestEmailChange(user.id, { newEmail: wanted, currentPassword: PASSWORD });
    await createAccount(db, "squatter", { email: wanted });

    await expectAppError(confirmEmailChange(token), "CONFLICT");
    expect((await userRow(user.id)).email).toBe(email);
  });
});
