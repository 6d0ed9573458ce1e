import "server-only";
import { createHmac } from "node:crypto";
import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { documentEvents, documentLinks, documents, memberships, organizations } from "@/db/schema";
import { hashToken } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { assertCan, type Member } from "./context";

/**
 * A link's token is an HMAC of its id under SECRET_KEY (256 bits): the app can show and email the
 * current link again without storing it, while the database holds only the token's SHA-256 — a
 * copy of the database alone opens nothing. Emails that carry the link name the token as a secret,
 * so the `emails` table holds it redacted, and encrypted only until delivery (lib/mail/secrets.ts).
 */
function tokenFor(linkId: string): string {
  return createHmac("sha256", env.SECRET_KEY).update(`document-link:${linkId}`).digest("base64url");
}

/** The document's live link, created on first use. */
export async function ensureDocumentLink(member: Member, documentId: string, tx?: Executor): Promise<string> {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  const [existing] = await db
    .select({ id: documentLinks.id })
    .from(documentLinks)
    .where(and(eq(documentLinks.orgId, member.orgId), eq(documentLinks.documentId, documentId), isNull(documentLinks.revokedAt)))
    .limit(1);
  if (existing) return tokenFor(existing.id);
  const id = crypto.randomUUID();
  const [created] = await db
    .insert(documentLinks)
    .values({ id, orgId: member.orgId, documentId, tokenHash: hashToken(tokenFor(id)) })
    .onConflictDoNothing()
    .returning({ id: documentLinks.id });
  if (created) return tokenFor(created.id);
  // Someone else created the live link a moment ago: use theirs.
  return (await getDocumentLink(member, documentId, db))!;
}

export async function getDocumentLink(member: Member, documentId: string, tx?: Executor): Promise<string | null> {
  const db = tx ?? (await getDb());
  const [link] = await db
    .select({ id: documentLinks.id })
    .from(documentLinks)
    .where(and(eq(documentLinks.orgId, member.orgId), eq(documentLinks.documentId, documentId), isNull(documentLinks.revokedAt)))
    .limit(1);
  return link ? tokenFor(link.id) : null;
}

/** Revokes every live link of the document and issues a new one; old emails stop working. */
export async function regenerateDocumentLink(member: Member, documentId: string, tx?: Executor): Promise<string> {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const [doc] = await tx.select({ id: documents.id }).from(documents).where(and(eq(documents.orgId, member.orgId), eq(documents.id, documentId)));
    if (!doc) throw notFound("Document");
    await tx
      .update(documentLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(documentLinks.orgId, member.orgId), eq(documentLinks.documentId, documentId), isNull(documentLinks.revokedAt)));
    await tx.insert(documentEvents).values({ orgId: member.orgId, documentId, actorUserId: member.userId, type: "link_regenerated" });
    return ensureDocumentLink(member, documentId, tx);
  });
}

export async function revokeDocumentLink(member: Member, documentId: string, tx?: Executor): Promise<void> {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  await db.transaction(async (tx) => {
    // Another organisation's (or an unknown) document is "not found": the caller must never be told
    // a link was revoked when nothing of theirs was touched.
    const [doc] = await tx.select({ id: documents.id }).from(documents).where(and(eq(documents.orgId, member.orgId), eq(documents.id, documentId)));
    if (!doc) throw notFound("Document");
    const revoked = await tx
      .update(documentLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(documentLinks.orgId, member.orgId), eq(documentLinks.documentId, documentId), isNull(documentLinks.revokedAt)))
      .returning({ id: documentLinks.id });
    if (revoked.length) await tx.insert(documentEvents).values({ orgId: member.orgId, documentId, actorUserId: member.userId, type: "link_revoked" });
  });
}

/**
 * Who sent a revoked link (/i/<token> after "Revoke" or "New link"): the organisation's name, so
 * the client page can say whom to ask for a new one. Deliberately unscoped like the lookup below;
 * it tells a holder of the old token only the sender's name, which the token came with. Null for
 * an unknown token or one that is still live.
 */
export async function unsafeRevokedLinkSender(token: string, tx?: Executor): Promise<string | null> {
  const db = tx ?? (await getDb());
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await db
    .select({ name: organizations.name, legalName: organizations.legalName })
    .from(documentLinks)
    .innerJoin(organizations, eq(organizations.id, documentLinks.orgId))
    .where(and(eq(documentLinks.tokenHash, hashToken(token)), isNotNull(documentLinks.revokedAt)))
    .limit(1);
  return row ? (row.legalName ?? row.name) : null;
}

/**
 * The public lookup (/i/<token>): deliberately unscoped, the token is the credential. Returns
 * the organisation and document ids, or null for an unknown or revoked token.
 */
export async function unsafeResolveDocumentLink(token: string, tx?: Executor): Promise<{ orgId: string; documentId: string; linkId: string } | null> {
  const db = tx ?? (await getDb());
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [link] = await db
    .select({ orgId: documentLinks.orgId, documentId: documentLinks.documentId, linkId: documentLinks.id })
    .from(documentLinks)
    .innerJoin(documents, eq(documents.id, documentLinks.documentId))
    .where(and(eq(documentLinks.tokenHash, hashToken(token)), isNull(documentLinks.revokedAt)))
    .limit(1);
  return link ?? null;
}

/**
 * The first open by someone who is not a member of the organisation marks an issued or sent
 * document "viewed" (members previewing their own link don't count).
 */
export async function recordLinkView(link: { orgId: string; documentId: string; linkId: string }, viewerUserId: string | null, tx?: Executor): Promise<boolean> {
  const db = tx ?? (await getDb());
  if (viewerUserId) {
    const [member] = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.orgId, link.orgId), eq(memberships.userId, viewerUserId)));
    if (member) return false;
  }
  return db.transaction(async (tx) => {
    await tx.update(documentLinks).set({ lastViewedAt: new Date() }).where(eq(documentLinks.id, link.linkId));
    const [viewed] = await tx
      .update(documents)
      // The first view is recorded even when a payment came first; only issued and sent invoices
      // move to "viewed" (a part-paid one stays part-paid).
      .set({ status: sql`case when ${documents.status} in ('issued', 'sent') then 'viewed'::document_status else ${documents.status} end`, viewedAt: new Date() })
      .where(
        and(
          eq(documents.orgId, link.orgId),
          eq(documents.id, link.documentId),
          isNull(documents.viewedAt),
          inArray(documents.status, ["issued", "sent", "partially_paid", "paid", "accepted", "declined"]),
        ),
      )
      .returning({ id: documents.id });
    if (viewed) await tx.insert(documentEvents).values({ orgId: link.orgId, documentId: link.documentId, type: "viewed" });
    return !!viewed;
  });
}
