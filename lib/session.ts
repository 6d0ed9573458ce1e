import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { MemberRole, User } from "@/db/schema";
import { auth } from "@/lib/auth";
import { env } from "@/lib/env";
import { atLeast } from "@/lib/auth/roles";
import type { Member } from "@/lib/data/context";
import { listUserOrganizations } from "@/lib/data/organizations";
import { isSessionRevoked } from "@/lib/data/sessions";
import { getUserById } from "@/lib/data/users";
import { type AppCatalogs, appLanguage, type AppLanguage, appTranslator } from "@/lib/i18n/app-language";
import type { Translate } from "@/lib/i18n/messages";

export const ACTIVE_ORG_COOKIE = "si.org";

/**
 * The signed-in user and the id of this session, re-read from the database once per request: a
 * disabled account, a session from before the last password change or "sign out everywhere"
 * (sessionVersion), a session that was signed out (revoked sid) and a token from before sessions
 * had ids are all treated as signed out.
 */
export const getCurrentSession = cache(async (): Promise<{ user: User; sid: string } | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const sid = session?.sid;
  if (!id || !sid) return null;
  const [user, revoked] = await Promise.all([getUserById(id), isSessionRevoked(sid)]);
  if (revoked || !user || user.disabledAt || user.sessionVersion.getTime() !== session.sv) return null;
  return { user, sid };
});

export const getSessionUser = cache(async (): Promise<User | null> => (await getCurrentSession())?.user ?? null);

/** Where the visitor was, so signing in can bring them back (set by proxy.ts). */
async function currentPath(): Promise<string> {
  return (await headers()).get("x-pathname") ?? "/dashboard";
}

export async function loginUrl(): Promise<string> {
  return `/login?next=${encodeURIComponent(await currentPath())}`;
}

export async function requireSession(): Promise<User> {
  const user = await getSessionUser();
  if (!user) redirect(await loginUrl());
  return user;
}

export type MembershipContext = Member & {
  user: User;
  organizations: Awaited<ReturnType<typeof listUserOrganizations>>;
};

/** The active membership: the organisation chosen in the switcher if the user still belongs to it, else the first. */
export const getMembership = cache(async (): Promise<MembershipContext | null> => {
  const user = await getSessionUser();
  if (!user) return null;
  const organizations = await listUserOrganizations(user.id);
  const chosen = (await cookies()).get(ACTIVE_ORG_COOKIE)?.value;
  const active = organizations.find((o) => o.orgId === chosen) ?? organizations[0];
  if (!active) return null;
  return { user, userId: user.id, orgId: active.orgId, role: active.role, organizations };
});

/** For pages: signed-out visitors go to the login page; users without an organisation create one. */
export async function requireMembership(): Promise<MembershipContext> {
  const user = await requireSession();
  const membership = await getMembership();
  if (!membership) redirect(user ? "/organizations/new" : await loginUrl());
  return membership;
}

export function hasRole(membership: Member, min: MemberRole): boolean {
  return atLeast(membership.role, min);
}

/** Remembers which organisation the user is working in; getMembership re-checks it on every request. */
export async function setActiveOrganization(orgId: string): Promise<void> {
  (await cookies()).set(ACTIVE_ORG_COOKIE, orgId, { httpOnly: true, sameSite: "lax", path: "/", secure: env.APP_URL.startsWith("https://") });
}

/** The language of the app's screens for this request: the user's choice, else their browser's. */
export const getAppLanguage = cache(async (): Promise<AppLanguage> => {
  const [user, requestHeaders] = await Promise.all([getSessionUser(), headers()]);
  return appLanguage(user?.language, requestHeaders.get("accept-language"));
});

/** A server component's translate function for one app surface. */
export async function getAppMessages<T extends Record<string, string>>(catalogs: AppCatalogs<T>): Promise<Translate<Extract<keyof T, string>>> {
  return appTranslator(catalogs, await getAppLanguage());
}
