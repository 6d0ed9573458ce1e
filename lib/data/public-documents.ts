import "server-only";
import { type Executor, getDb } from "@/db";
import type { LinkPrincipal } from "./context";
import { getDocument } from "./documents/read";
import { getOrganization } from "./organizations";

/**
 * The client's link acts for the organisation that issued it, with read access to that one
 * document only. It is not a Member: no write accepts it (a type error, and `assertCan` refuses
 * it at run time).
 */
export function linkContext(link: { orgId: string; documentId: string }): LinkPrincipal {
  return { kind: "client-link", orgId: link.orgId, documentId: link.documentId };
}

export async function loadPublicDocument(link: { orgId: string; documentId: string }, tx?: Executor) {
  const db = tx ?? (await getDb());
  const reader = linkContext(link);
  const [document, org] = await Promise.all([getDocument(reader, link.documentId, db), getOrganization(reader, db)]);
  if (document.status === "draft") return null;
  return { document, org };
}
