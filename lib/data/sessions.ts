import "server-only";
import { eq, lt, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { revokedSessions, users } from "@/db/schema";
import { SESSION_ABSOLUTE_MS } from "@/auth.config";
import { recordAudit } from "./audit";
import type { RequestMeta } from "./context";

/**
 * Ends one session (the JWT whose `sid` this is): it is refused from now on even though its cookie
 * still verifies. The row is kept for as long as such a cookie could still be accepted (the
 * absolute session lifetime); expired rows are pruned here, so the table stays as small as the
 * number of sign-outs in the last two weeks.
 */
export async function revokeSession({ sid, userId }: { sid: string; userId: string }, meta: RequestMeta = {}, now = new Date(), tx?: Executor): Promise<void> {
  const db = tx ?? (await getDb());
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now));
  await db
    .insert(revokedSessions)
    .values({ sid, userId, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) })
    .onConflictDoNothing();
  await recordAudit({ action: "auth.sign_out", actorUserId: userId, ...meta }, db);
}

export async function isSessionRevoked(sid: string, tx?: Executor): Promise<boolean> {
  const db = tx ?? (await getDb());
  const [row] = await db.select({ sid: revokedSessions.sid }).from(revokedSessions).where(eq(revokedSessions.sid, sid)).limit(1);
  return !!row;
}

/**
 * "Sign out everywhere": a new session version makes every session issued before it (this one
 * included) fail the check in getSessionUser.
 */
export async function endAllSessions(userId: string, meta: RequestMeta = {}, tx?: Executor): Promise<void> {
  const db = tx ?? (await getDb());
  // Always forward, even within the millisecond the version was last set (a clock tick is 1 ms):
  // an unchanged version would leave every session valid.
  const now = new Date().toISOString();
  await db
    .update(users)
    .set({ sessionVersion: sql`greatest(${now}::timestamptz, ${users.sessionVersion} + interval '1 millisecond')` })
    .where(eq(users.id, userId));
  await recordAudit({ action: "auth.signed_out_everywhere", actorUserId: userId, ...meta }, db);
}
