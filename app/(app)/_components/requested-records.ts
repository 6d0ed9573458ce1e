import "server-only";
import { cache } from "react";
import type { DocumentKind, MemberRole } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { getCustomer } from "@/lib/data/customers";
import { getDocument } from "@/lib/data/documents/read";
import { getItem } from "@/lib/data/items";
import { getProfile } from "@/lib/data/recurring-profiles";
import { AppError } from "@/lib/errors";
import { bulkJobPage } from "@/lib/services/bulk-results";

/**
 * The record a detail URL names, read once per request and shared by the segment's layout.tsx
 * (which decides the 404 before the response starts, see require-record.ts) and its page. React's
 * cache() memoises for one server render, where layout and page run together; each loader is the
 * DAL's own org-scoped read, so another organisation's id is "not found" here as everywhere.
 *
 * For pages and layouts only: a server action that changed the record and read it again through
 * here would get the state from before its write.
 *
 * Keyed by the member's fields rather than the object: cache() compares arguments with Object.is,
 * and a member rebuilt elsewhere in the request must still hit.
 */
type Key = [orgId: string, userId: string, role: MemberRole, id: string];
const key = (member: Member, id: string): Key => [member.orgId, member.userId, member.role, id];
const memberOf = (orgId: string, userId: string, role: MemberRole): Member => ({ orgId, userId, role });

const documentById = cache((...[orgId, userId, role, id]: Key) => getDocument(memberOf(orgId, userId, role), id));
const customerById = cache((...[orgId, userId, role, id]: Key) => getCustomer(memberOf(orgId, userId, role), id));
const itemById = cache((...[orgId, userId, role, id]: Key) => getItem(memberOf(orgId, userId, role), id));
const profileById = cache((...[orgId, userId, role, id]: Key) => getProfile(memberOf(orgId, userId, role), id));
const bulkJobById = cache((...[orgId, userId, role, id]: Key) => bulkJobPage(memberOf(orgId, userId, role), id));

/** Rejects with the DAL's NOT_FOUND for an unknown id or another organisation's (pages: orNotFound). */
export const readDocument = (member: Member, id: string) => documentById(...key(member, id));
export const readCustomer = (member: Member, id: string) => customerById(...key(member, id));
export const readItem = (member: Member, id: string) => itemById(...key(member, id));
export const readBulkJob = (member: Member, id: string) => bulkJobById(...key(member, id));
/** null for an unknown id or another organisation's (getProfile's own answer). */
export const readProfile = (member: Member, id: string) => profileById(...key(member, id));

/** The layouts' checks (requireRecord): "no" for an unknown id, another organisation's, or a document of another kind. */
export const documentFound = (kind: DocumentKind) => (member: Member, id: string) => found(readDocument(member, id).then((doc) => doc.kind === kind));
export const customerFound = (member: Member, id: string) => found(readCustomer(member, id).then(() => true));
export const itemFound = (member: Member, id: string) => found(readItem(member, id).then(() => true));
export const bulkJobFound = (member: Member, id: string) => found(readBulkJob(member, id).then(() => true));
export const profileFound = (member: Member, id: string) => readProfile(member, id).then((profile) => profile !== null);

/** NOT_FOUND is a "no"; any other failure stays an error (a 500, not a misleading 404). */
function found(check: Promise<boolean>): Promise<boolean> {
  return check.catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") return false;
    throw error;
  });
}
