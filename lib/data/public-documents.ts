import "server-only";
import type { Executor } from "@/db";
import { LINK_ACTOR, type Member } from "./context";
import { getDocument } from "./documents";
import { getOrganization } from "./organizations";

/**
 * The client's link acts for the organisation that issued it, with read access to that one
 * document only: everything below is scoped to the link's organisation and document id.
 */
export function linkContext(orgId: string): Member {
  return { orgId, userId: LINK_ACTOR, role: "member" };
}

export async function loadPublicDocument(db: Executor, link: { orgId: string; documentId: string }) {
  const member = linkContext(link.orgId);
  const [document, org] = await Promise.all([getDocument(db, member, link.documentId), getOrganization(db, member)]);
  if (document.status === "draft") return null;
  return { document, org };
}
