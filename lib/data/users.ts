import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { authTokens, memberships, organizations, type User, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { AppError, badRequest, isUniqueViolation } from "@/lib/errors";
import { recordAudit } from "./audit";
import type { RequestMeta } from "./context";

export const RESET_TTL_MS = 60 * 60 * 1000;
export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;
const EMAIL_TAKEN = "An account with this email already exists. Sign in instead, or reset your password.";

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Pre-authentication lookup (sign-in, reset): deliberately not organisation-scoped. */
export async function findUserByEmail(email: string, tx?: Executor): Promise<User | undefined> {
  const db = tx ?? (await getDb());
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${normalizeEmail(email)}`).limit(1);
  return user;
}

export async function getUserById(id: string, tx?: Executor): Promise<User | undefined> {
  const db = tx ?? (await getDb());
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

export type RegisterInput = { name: string; email: string; password: string; organizationName: string };

/**
 * User, organisation and owner membership in one transaction. The unique index on lower(email)
 * decides races: of two simultaneous registrations exactly one commits, the other gets a field error.
 */
export async function registerAccount(input: RegisterInput, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ name: input.name, email: normalizeEmail(input.email), passwordHash })
        .returning();
      const [org] = await tx.insert(organizations).values({ name: input.organizationName }).returning();
      await tx.insert(memberships).values({ orgId: org!.id, userId: user!.id, role: "owner" });
      await recordAudit({ action: "account.registered", actorUserId: user!.id, orgId: org!.id, ...meta }, tx);
      return { user: user!, org: org! };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", EMAIL_TAKEN, { email: EMAIL_TAKEN });
    throw error;
  }
}

/** Returns the token to email, or null when there is no such active user (the caller answers the same either way). */
export async function createPasswordReset(email: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  const user = await findUserByEmail(email, db);
  if (!user || user.disabledAt) return null;
  const { token, hash } = generateToken();
  await db.insert(authTokens).values({
    userId: user.id,
    kind: "password_reset",
    tokenHash: hash,
    expiresAt: new Date(Date.now() + RESET_TTL_MS),
  });
  await recordAudit({ action: "auth.password_reset_requested", actorUserId: user.id, ...meta }, db);
  return { user, token };
}

const INVALID_LINK = "This link is invalid or has expired. Ask for a new one.";

/** Looks a link up without using it (to show the form only for a live link). */
export async function peekToken(token: string, kind: "password_reset" | "email_change", tx?: Executor) {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({ id: authTokens.id })
    .from(authTokens)
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.kind, kind),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return !!row;
}

/** Single use: the token is claimed with a conditional update, so two submissions cannot both succeed. */
async function consumeToken(db: Executor, token: string, kind: "password_reset" | "email_change") {
  const [row] = await db
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.kind, kind),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    )
    .returning();
  if (!row) throw badRequest(INVALID_LINK);
  return row;
}

export async function resetPassword(token: string, newPassword: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    const row = await consumeToken(tx, token, "password_reset");
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: new Date() })
      .where(and(eq(users.id, row.userId), isNull(users.disabledAt)))
      .returning();
    if (!user) throw badRequest(INVALID_LINK);
    // Any other outstanding reset links die with this one.
    await tx
      .update(authTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(authTokens.userId, row.userId), eq(authTokens.kind, "password_reset"), isNull(authTokens.usedAt)));
    await recordAudit({ action: "auth.password_reset", actorUserId: row.userId, ...meta }, tx);
    return user!;
  });
}

export async function updateName(userId: string, name: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  const [user] = await db.update(users).set({ name }).where(eq(users.id, userId)).returning();
  await recordAudit({ action: "account.name_changed", actorUserId: userId, ...meta }, db);
  return user!;
}

/** The app language this user picked, or null to follow the browser. */
export async function updateLanguage(userId: string, language: string | null, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  const [user] = await db.update(users).set({ language }).where(eq(users.id, userId)).returning();
  await recordAudit({ action: "account.language_changed", actorUserId: userId, ...meta }, db);
  return user!;
}

/** Changing the password bumps the session version: every other session of this user ends. */
export async function changePassword(
  userId: string,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta = {},
  tx?: Executor,
) {
  const db = tx ?? (await getDb());
  const user = await getUserById(userId, db);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw badRequest("Your current password is not correct.", { currentPassword: "Your current password is not correct." });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const [updated] = await db
    .update(users)
    .set({ passwordHash, sessionVersion: new Date() })
    .where(eq(users.id, userId))
    .returning();
  await recordAudit({ action: "account.password_changed", actorUserId: userId, ...meta }, db);
  return updated!;
}

export async function requestEmailChange(
  userId: string,
  input: { newEmail: string; currentPassword: string },
  meta: RequestMeta = {},
  tx?: Executor,
) {
  const db = tx ?? (await getDb());
  const user = await getUserById(userId, db);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw badRequest("Your current password is not correct.", { currentPassword: "Your current password is not correct." });
  }
  const newEmail = normalizeEmail(input.newEmail);
  if (newEmail === normalizeEmail(user.email)) throw badRequest("That is already your email.", { newEmail: "That is already your email." });
  if (await findUserByEmail(newEmail, db)) throw new AppError("CONFLICT", EMAIL_TAKEN, { newEmail: EMAIL_TAKEN });
  const { token, hash } = generateToken();
  await db.insert(authTokens).values({
    userId,
    kind: "email_change",
    tokenHash: hash,
    newEmail,
    expiresAt: new Date(Date.now() + EMAIL_CHANGE_TTL_MS),
  });
  await recordAudit({ action: "account.email_change_requested", actorUserId: userId, meta: { newEmail }, ...meta }, db);
  return { user, token, newEmail };
}

export async function confirmEmailChange(token: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  try {
    return await db.transaction(async (tx) => {
      const row = await consumeToken(tx, token, "email_change");
      const [user] = await tx.update(users).set({ email: row.newEmail! }).where(eq(users.id, row.userId)).returning();
      // Older links to addresses the user moved on from die with this one.
      await tx
        .update(authTokens)
        .set({ usedAt: new Date() })
        .where(and(eq(authTokens.userId, row.userId), eq(authTokens.kind, "email_change"), isNull(authTokens.usedAt)));
      await recordAudit({ action: "account.email_changed", actorUserId: row.userId, meta: { newEmail: row.newEmail }, ...meta }, tx);
      return user!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", EMAIL_TAKEN);
    throw error;
  }
}
