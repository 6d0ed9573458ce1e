import "server-only";
import { and, desc, eq, inArray, isNull, like, or, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { auditLog, memberships, users } from "@/db/schema";
import type { AuditAction } from "@/lib/audit-actions";
import { actorId, assertCan, type Member, type RequestMeta } from "./context";

export type { AuditAction } from "@/lib/audit-actions";

export type AuditInput = {
  action: AuditAction;
  orgId?: string | null;
  actorUserId?: string | null;
  targetType?: string;
  targetId?: string;
  meta?: Record<string, unknown>;
} & RequestMeta;

const clip = (s: string | null | undefined, n: number) => (s ? s.slice(0, n) : null);

export async function recordAudit(entry: AuditInput, tx?: Executor): Promise<void> {
  const db = tx ?? (await getDb());
  await db.insert(auditLog).values({
    action: entry.action,
    orgId: entry.orgId ?? null,
    actorUserId: entry.actorUserId ?? null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    meta: entry.meta ?? null,
    ip: clip(entry.ip, 64),
    userAgent: clip(entry.userAgent, 512),
  });
}

/** A member's change to one of its organisation's records, with the request's ip and user agent. */
export async function auditMemberChange(
  member: Member,
  action: AuditAction,
  target: { type: string; id: string },
  meta: RequestMeta,
  details?: Record<string, unknown>,
  tx?: Executor,
): Promise<void> {
  const db = tx ?? (await getDb());
  await recordAudit({ action, orgId: member.orgId, actorUserId: actorId(member), targetType: target.type, targetId: target.id, meta: details, ip: meta.ip, userAgent: meta.userAgent }, db);
}

export const AUDIT_PAGE_SIZE = 50;

/**
 * The organisation's events, plus account-level events (sign-ins, password changes) of its
 * members, which are recorded without an organisation.
 */
export async function listAudit(member: Member, { page = 1 }: { page?: number }, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "audit.view");
  const memberIds = db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.orgId, member.orgId));
  // Account-level events only: a member who is also a platform administrator must not expose
  // their administration of other organisations here.
  const accountEvent = or(like(auditLog.action, "auth.%"), like(auditLog.action, "account.%"));
  const scope = or(eq(auditLog.orgId, member.orgId), and(isNull(auditLog.orgId), accountEvent, inArray(auditLog.actorUserId, memberIds)));
  const offset = (Math.max(1, page) - 1) * AUDIT_PAGE_SIZE;
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      createdAt: auditLog.createdAt,
      actorName: users.name,
      actorEmail: users.email,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      meta: auditLog.meta,
      ip: auditLog.ip,
      userAgent: auditLog.userAgent,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(scope)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset(offset);
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(scope);
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE, total };
}
