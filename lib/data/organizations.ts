import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { type MemberRole, memberships, organizationLogos, organizations } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { recordAudit } from "./audit";
import { openOrganization, sealOrganization } from "./encrypted-fields";
import { assertCan, type Member, type Reader, type RequestMeta } from "./context";

/** The organisations a user belongs to (org switcher, choosing the active membership). */
export async function listUserOrganizations(userId: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  return db
    .select({ orgId: organizations.id, name: organizations.name, role: memberships.role, onboardedAt: organizations.onboardedAt })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name), asc(organizations.id));
}

export async function getMembership(userId: string, orgId: string, tx?: Executor): Promise<{ role: MemberRole } | undefined> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .limit(1);
  return row;
}

export async function getOrganization(member: Reader, tx?: Executor) {
  const db = tx ?? (await getDb());
  const [org] = await db.select().from(organizations).where(eq(organizations.id, member.orgId)).limit(1);
  if (!org) throw notFound("Organisation");
  const [logo] = await db
    .select({ updatedAt: organizationLogos.updatedAt })
    .from(organizationLogos)
    .where(eq(organizationLogos.orgId, member.orgId));
  return { ...openOrganization(org), logoVersion: logo ? logo.updatedAt.getTime() : null };
}

export type OrganizationProfile = Partial<
  Pick<
    typeof organizations.$inferInsert,
    | "name" | "legalName" | "addressLine1" | "addressLine2" | "city" | "postalCode" | "region" | "country" | "email" | "phone"
    | "website" | "taxId" | "bankDetails" | "defaultCurrency" | "locale" | "timeZone" | "paymentTermsDays" | "brandColor"
    | "taxRegistrationId" | "legalRegistrationId" | "electronicAddress" | "electronicAddressScheme" | "contactName" | "iban" | "bic" | "einvoiceFormat"
  >
>;

export async function updateOrganization(
  member: Member,
  profile: OrganizationProfile,
  options: { markOnboarded?: boolean } & RequestMeta = {},
  tx?: Executor,
) {
  const db = tx ?? (await getDb());
  assertCan(member, "settings.manage");
  const { markOnboarded, ...meta } = options;
  const [org] = await db
    .update(organizations)
    .set({ ...sealOrganization(member.orgId, profile), ...(markOnboarded ? { onboardedAt: new Date() } : {}) })
    .where(eq(organizations.id, member.orgId))
    .returning();
  if (!org) throw notFound("Organisation");
  await recordAudit({
    action: "organization.updated",
    orgId: member.orgId,
    actorUserId: member.userId,
    targetType: "organization",
    targetId: member.orgId,
    meta: { fields: Object.keys(profile) },
    ...meta,
  }, db);
  return openOrganization(org);
}

export async function setOrganizationLogo(member: Member, logo: { contentType: string; bytes: Buffer } | null, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "settings.manage");
  if (!logo) {
    await db.delete(organizationLogos).where(eq(organizationLogos.orgId, member.orgId));
    return;
  }
  await db
    .insert(organizationLogos)
    .values({ orgId: member.orgId, ...logo })
    .onConflictDoUpdate({ target: organizationLogos.orgId, set: { ...logo, updatedAt: new Date() } });
}

/** Logos appear on public invoice pages and PDFs, so reading one needs only the organisation id. */
export async function unsafeGetOrganizationLogo(orgId: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  const [logo] = await db.select().from(organizationLogos).where(eq(organizationLogos.orgId, orgId)).limit(1);
  return logo;
}

/** `profile`: the rest of the onboarding's first step (country, currency…), written with the organisation. */
export async function createOrganization(userId: string, name: string, meta: RequestMeta = {}, tx?: Executor, profile: OrganizationProfile = {}) {
  const db = tx ?? (await getDb());
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const [org] = await tx.insert(organizations).values({ ...sealOrganization(id, profile), id, name }).returning();
    await tx.insert(memberships).values({ orgId: org!.id, userId, role: "owner" });
    await recordAudit({ action: "organization.created", orgId: org!.id, actorUserId: userId, ...meta }, tx);
    return org!;
  });
}
