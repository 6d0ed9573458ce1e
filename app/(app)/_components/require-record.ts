import "server-only";
import { notFound } from "next/navigation";
import type { Member } from "@/lib/data/context";
import { parseId } from "@/lib/ids";
import { requireMembership, type MembershipContext } from "@/lib/session";

type IdParams = Promise<{ id: string }>;

/**
 * For a detail segment's layout.tsx: the 404 for an unknown id (or another organisation's) is
 * decided here, before the response starts, so it keeps its 404 status. The page below then loads
 * inside the segment's loading.tsx, whose skeleton is on screen at once when a link is followed; a
 * notFound() thrown there would come after streaming began and answer 200 (Next's loading.js docs,
 * "Status codes"). `skip`: a member who may not open this kind of record at all sees the page's
 * "no access" notice rather than a 404 that would tell them whether the id exists.
 */
export async function requireRecord(
  params: IdParams,
  exists: (member: Member, id: string) => Promise<boolean>,
  skip?: (membership: MembershipContext) => boolean,
): Promise<void> {
  const membership = await requireMembership();
  if (skip?.(membership)) return;
  const id = parseId((await params).id);
  if (!id || !(await exists(membership, id))) notFound();
}
