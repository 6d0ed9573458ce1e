import "server-only";
import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { invitations, type MemberRole, memberships, organizations, type User, users } from "@/db/schema";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { AppError, badRequest, conflict, forbidden, notFound } from "@/lib/errors";
import { recordAudit } from "./audit";
import { assertCan, type Member, type RequestMeta } from "./context";
import { normalizeEmail } from "./users";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const LAST_OWNER = "An organisation needs at least one owner. Make someone else an owner first.";

export async function listMembers(member: Member, tx?: Executor) {
  const db = tx ?? (await getDb());
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, member.orgId))
    .orderBy(asc(users.name));
}

export async function listPendingInvitations(member: Member, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "team.invite");
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt })
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, member.orgId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

/** Admins invite members and admins; only owners can invite owners. Returns the token to email. */
export async function inviteMember(member: Member, input: { email: string; role: MemberRole }, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "team.invite");
  if (input.role === "owner" && member.role !== "owner") throw forbidden("Only owners can invite owners.");
  const email = normalizeEmail(input.email);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ userId: users.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, member.orgId), sql`lower(${users.email}) = ${email}`))
      .limit(1);
    if (existing) throw new AppError("CONFLICT", "This person is already a member.", { email: "This person is already a member." });
    // A new invitation replaces any earlier one for the same address.
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.orgId, member.orgId), eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const { token, hash } = generateToken();
    const [invitation] = await tx
      .insert(invitations)
      .values({ orgId: member.orgId, email, role: input.role, tokenHash: hash, invitedById: member.userId, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) })
      .returning();
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, member.orgId));
    await recordAudit({
      action: "team.invited",
      orgId: member.orgId,
      actorUserId: member.userId,
      targetType: "invitation",
      targetId: invitation!.id,
      meta: { email, role: input.role },
      ...meta,
    }, tx);
    return { invitation: invitation!, token, orgName: org!.name };
  });
}

export async function revokeInvitation(member: Member, invitationId: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "team.invite");
  const [row] = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.orgId, member.orgId), eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  if (!row) throw notFound("Invitation");
  await recordAudit({ action: "team.invitation_revoked", orgId: member.orgId, actorUserId: member.userId, targetType: "invitation", targetId: row.id, ...meta }, db);
}

/** Public lookup by token for the invitation page: what organisation, for whom, still valid? Unscoped: the token is the credential. */
export async function unsafeFindInvitation(token: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      orgId: invitations.orgId,
      orgName: organizations.name,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt <= new Date()) return null;
  return row;
}

const INVALID_INVITATION = "This invitation is invalid, has expired or was already used. Ask for a new one.";

/** Single use, and only for the address it was sent to. */
export async function acceptInvitation(user: Pick<User, "id" | "email">, token: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(
        and(
          eq(invitations.tokenHash, hashToken(token)),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
          eq(invitations.email, normalizeEmail(user.email)),
        ),
      )
      .returning();
    if (!invitation) {
      const pending = await unsafeFindInvitation(token, tx);
      if (pending) throw forbidden(`This invitation was sent to ${pending.email}. Sign in with that address to accept it.`);
      throw badRequest(INVALID_INVITATION);
    }
    await tx.insert(memberships).values({ orgId: invitation.orgId, userId: user.id, role: invitation.role }).onConflictDoNothing();
    await recordAudit({
      action: "team.joined",
      orgId: invitation.orgId,
      actorUserId: user.id,
      targetType: "invitation",
      targetId: invitation.id,
      meta: { role: invitation.role },
      ...meta,
    }, tx);
    return invitation;
  });
}

/**
 * Locks the organisation's owner rows so two concurrent demotions cannot both pass the
 * "another owner remains" check.
 */
async function assertOwnerRemains(tx: Executor, orgId: string, leavingUserId: string) {
  const owners = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "owner")))
    .for("update");
  if (!owners.some((o) => o.userId !== leavingUserId)) throw conflict(LAST_OWNER);
}

/**
 * Team changes of one organisation queue behind a lock on its row: two owners demoting each other
 * at once would otherwise each lock their target and then wait for the other (a deadlock).
 * "no key update" still lets new memberships reference the organisation meanwhile.
 */
async function lockTeam(tx: Executor, orgId: string) {
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId)).for("no key update");
}

export async function changeRole(member: Member, targetUserId: string, role: MemberRole, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "team.manage");
  return db.transaction(async (tx) => {
    await lockTeam(tx, member.orgId);
    const [target] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, member.orgId), eq(memberships.userId, targetUserId)))
      .for("update");
    if (!target) throw notFound("Member");
    if (target.role === role) return target;
    if (target.role === "owner") await assertOwnerRemains(tx, member.orgId, targetUserId);
    const [updated] = await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.orgId, member.orgId), eq(memberships.userId, targetUserId)))
      .returning();
    await recordAudit({
      action: "team.role_changed",
      orgId: member.orgId,
      actorUserId: member.userId,
      targetType: "user",
      targetId: targetUserId,
      meta: { from: target.role, to: role },
      ...meta,
    }, tx);
    return updated!;
  });
}

export async function removeMember(member: Member, targetUserId: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "team.manage");
  await db.transaction(async (tx) => {
    await lockTeam(tx, member.orgId);
    const [target] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, member.orgId), eq(memberships.userId, targetUserId)))
      .for("update");
    if (!target) throw notFound("Member");
    if (target.role === "owner") await assertOwnerRemains(tx, member.orgId, targetUserId);
    await tx.delete(memberships).where(and(eq(memberships.orgId, member.orgId), eq(memberships.userId, targetUserId)));
    await recordAudit({ action: "team.member_removed", orgId: member.orgId, actorUserId: member.userId, targetType: "user", targetId: targetUserId, meta: { role: target.role }, ...meta }, tx);
  });
}
