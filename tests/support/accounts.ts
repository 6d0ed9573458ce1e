import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Executor } from "@/db";
import { type MemberRole, memberships, type User, users } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { registerAccount } from "@/lib/data/users";
import { AppError, type ErrorCode } from "@/lib/errors";

/** A password that passes the strength rules; every account made here starts with it. */
export const PASSWORD = "correct horse battery";

/** Tests share one database per file, so every address and name is made unique. */
export function uniqueEmail(label = "user"): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

export function uniqueName(label: string): string {
  return `${label} ${randomUUID().slice(0, 8)}`;
}

/**
 * Registers through the real path (argon2 hash, user + organisation + owner membership). Costs
 * ~50-100 ms of hashing: use `createUser` when the password does not matter.
 */
export async function createAccount(db: Executor, label = "owner", input: { email?: string; password?: string } = {}) {
  const email = input.email ?? uniqueEmail(label);
  const password = input.password ?? PASSWORD;
  const { user, org } = await registerAccount({
    name: uniqueName(label),
    email,
    password,
    organizationName: uniqueName(`${label} org`),
  }, undefined, db);
  const member: Member = { userId: user.id, orgId: org.id, role: "owner" };
  return { user, org, member, email: user.email, password };
}

/** A user row without hashing (its password can't be used to sign in): for team and tenancy tests. */
export async function createUser(db: Executor, label = "user", email = uniqueEmail(label)): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({ name: uniqueName(label), email: email.toLowerCase(), passwordHash: "$argon2id$not-a-real-hash" })
    .returning();
  return user!;
}

/** Adds `user` to the organisation with `role` and returns the Member context the session layer would build. */
export async function addMember(db: Executor, orgId: string, user: Pick<User, "id">, role: MemberRole): Promise<Member> {
  await db.insert(memberships).values({ orgId, userId: user.id, role });
  return { userId: user.id, orgId, role };
}

/** Awaits a promise that must reject with an AppError of `code`, and returns the error for further checks. */
export async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected an AppError ${code}, but the call succeeded`).toBeDefined();
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** PromiseSettledResult narrowing for Promise.allSettled assertions. */
export function rejectionsOf(results: PromiseSettledResult<unknown>[]): unknown[] {
  return results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
}
