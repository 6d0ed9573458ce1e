import type { MemberRole } from "@/db/schema";
import { forbidden, notFound } from "@/lib/errors";
import { can, isMemberRole, type Permission } from "@/lib/auth/roles";

/**
 * Who is acting, taken from the session's membership — never from form input. Every scoped DAL
 * function receives it and filters by `orgId` first. Only a Member may write.
 */
export type Member = { userId: string; orgId: string; role: MemberRole };

/**
 * A client's document link (/i/<token>): not a person and not a member. It reads the one document
 * the token resolved to, and that document's organisation, and nothing else. It has no `userId` or
 * `role`, so TypeScript refuses it wherever a `Member` is expected (every write), and `assertCan`
 * refuses it at run time for a caller that casts past the type.
 */
export type LinkPrincipal = { readonly kind: "client-link"; readonly orgId: string; readonly documentId: string };

/** Who may read: a member of the organisation, or a client link (limited to its own document). */
export type Reader = Member | LinkPrincipal;

/** Request metadata recorded in the audit log. */
export type RequestMeta = { ip?: string | null; userAgent?: string | null };

export function isLinkPrincipal(reader: Reader): reader is LinkPrincipal {
  return (reader as Partial<LinkPrincipal>).kind === "client-link";
}

/** A real membership: a user id and one of the roles (anything cast into a Member is refused). */
function isWriter(member: unknown): member is Member {
  if (typeof member !== "object" || member === null) return false;
  const m = member as Partial<Member> & { kind?: unknown };
  return m.kind === undefined && typeof m.userId === "string" && typeof m.orgId === "string" && isMemberRole(m.role);
}

/** The shared permission check every write starts with. */
export function assertCan(member: Member, permission: Permission): void {
  if (!isWriter(member) || !can(member.role, permission)) throw forbidden();
}

/** For a reader asking for a document by id: a client link sees its own document only. */
export function assertReadsDocument(reader: Reader, documentId: string): void {
  if (isLinkPrincipal(reader) && reader.documentId !== documentId) throw notFound("Document");
}

/**
 * The scheduled jobs (reminders) act for an organisation with a member's rights; like a client's
 * response they are recorded as no actor.
 */
export const SYSTEM_ACTOR = "00000000-0000-0000-0000-000000000000";
export const systemContext = (orgId: string): Member => ({ orgId, userId: SYSTEM_ACTOR, role: "member" });
export const actorId = (member: Member) => (member.userId === SYSTEM_ACTOR ? null : member.userId);
