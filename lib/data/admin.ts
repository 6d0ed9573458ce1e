import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { memberships, organizations, type User, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { badRequest, forbidden, notFound } from "@/lib/errors";
import { recordAudit } from "./audit";
import type { RequestMeta } from "./context";
import { findUserByEmail, normalizeEmail } from "./users";

/** Platform administration spans every organisation; each entry checks the actor is an administrator. */
function assertPlatformAdmin(actor: Pick<User, "isPlatformAdmin" | "disabledAt">) {
  if (!actor.isPlatformAdmin || actor.disabledAt) throw forbidden();
}

export async function unsafeListOrganizations(actor: User, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertPlatformAdmin(actor);
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      createdAt: organizations.createdAt,
      members: sql<number>`(select count(*)::int from ${memberships} where ${memberships.orgId} = ${organizations.id})`,
    })
    .from(organizations)
    .orderBy(desc(organizations.createdAt))
    .limit(500);
}

export async function unsafeListUsers(actor: User, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertPlatformAdmin(actor);
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      isPlatformAdmin: users.isPlatformAdmin,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
      organizations: sql<number>`(select count(*)::int from ${memberships} where ${memberships.userId} = ${users.id})`,
    })
    .from(users)
    .orderBy(desc(users.createdAt))
    .limit(500);
}

/** Disabling also ends the user's sessions (session version bump). */
export async function setUserDisabled(actor: User, userId: string, disabled: boolean, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertPlatformAdmin(actor);
  if (userId === actor.id && disabled) throw badRequest("You can't disable your own account.");
  const [user] = await db
    .update(users)
    .set(disabled ? { disabledAt: new Date(), sessionVersion: new Date() } : { disabledAt: null })
    .where(eq(users.id, userId))
    .returning();
  if (!user) throw notFound("User");
  await recordAudit({
    action: disabled ? "admin.user_disabled" : "admin.user_enabled",
    actorUserId: actor.id,
    targetType: "user",
    targetId: userId,
    ...meta,
  }, db);
  return user;
}

/** `npm run create-admin`: creates the administrator, or promotes an existing user and sets the password. */
export async function upsertPlatformAdmin(input: { email: string; password: string; name?: string }, tx?: Executor) {
  const db = tx ?? (await getDb());
  const passwordHash = await hashPassword(input.password);
  const existing = await findUserByEmail(input.email, db);
  if (existing) {
    const [user] = await db
      .update(users)
      .set({ isPlatformAdmin: true, passwordHash, disabledAt: null, sessionVersion: new Date() })
      .where(eq(users.id, existing.id))
      .returning();
    return { user: user!, created: false };
  }
  const [user] = await db
    .insert(users)
    .values({ name: input.name ?? "Administrator", email: normalizeEmail(input.email), passwordHash, isPlatformAdmin: true })
    .returning();
  return { user: user!, created: true };
}
