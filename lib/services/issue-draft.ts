/**
 * "Save and issue" from the editor: the draft as typed is saved and issued in one transaction, so a
 * refused issue (a number clash, a rule of issuing, an e-invoice the buyer needs that fails its checks) leaves no half-done draft behind to be saved twice.
 */
import "server-only";
import { type Executor, getDb } from "@/db";
import type { Member, RequestMeta } from "@/lib/data/context";
import { type DraftInput, saveDraft } from "@/lib/data/documents/drafts";
import { issueWithEInvoice } from "./einvoice";

export async function saveAndIssueDraft(member: Member, input: DraftInput & { id?: string }, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  return db.transaction(async (t) => {
    const draft = await saveDraft(member, input, t);
    return issueWithEInvoice(member, draft.id, meta, t);
  });
}
