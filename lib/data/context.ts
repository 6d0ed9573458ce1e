import type { MemberRole } from "@/db/schema";
import { forbidden } from "@/lib/errors";
import { can, type Permission } from "@/lib/auth/roles";

/**
 * Who is acting, taken from the session's membership — never from form input. Every scoped DAL
 * function receives it and filters by `orgId` first.
 */
export type Member = { userId: string; orgId: string; role: MemberRole };

/** Request metadata recorded in the audit log. */
export type RequestMeta = { ip?: string | null; userAgent?: string | null };

export function assertCan(member: Member, permission: Permission): void {
  if (!can(member.role, permission)) throw forbidden();
}

/** The acting "user" of a client's document link: not a person, so recorded as no actor. */
export const LINK_ACTOR = "00000000-0000-0000-0000-000000000000";
export const actorId = (member: Member) => (member.userId === LINK_ACTOR ? null : member.userId);
