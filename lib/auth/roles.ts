import type { MemberRole } from "@/db/schema";

const rank: Record<MemberRole, number> = { member: 1, admin: 2, owner: 3 };

/**
 * Who may do what. owner: everything, including the team and deleting the organisation;
 * admin: settings, invitations and all documents; member: customers and documents only.
 */
const minimumRole = {
  "documents.manage": "member",
  "customers.manage": "member",
  "settings.manage": "admin",
  "audit.view": "admin",
  "team.invite": "admin",
  "team.manage": "owner",
  "organization.delete": "owner",
} as const satisfies Record<string, MemberRole>;

export type Permission = keyof typeof minimumRole;

export function isMemberRole(role: unknown): role is MemberRole {
  return typeof role === "string" && Object.hasOwn(rank, role);
}

/** False for anything that is not one of the roles (a client link has none). */
export function can(role: MemberRole, permission: Permission): boolean {
  return isMemberRole(role) && rank[role] >= rank[minimumRole[permission]];
}

export function atLeast(role: MemberRole, min: MemberRole): boolean {
  return rank[role] >= rank[min];
}

export const roleLabels: Record<MemberRole, string> = { owner: "Owner", admin: "Admin", member: "Member" };
export const roles = ["owner", "admin", "member"] as const satisfies readonly MemberRole[];
