/**
 * "Save and issue" from the editor: the draft as typed is saved and issued in one transaction, so a
 * refused issue (a number clash, a rule of issuing) leaves no half-done draft behind to be saved
 * twice. One refusal keeps the draft: an e-invoice the buyer needs that misses fields. Those are
 * fixed on other pages (settings, the customer, tax rates), so what was typed must not be lost:
 * the draft is saved, not issued, and the caller shows what is missing.
 */
import "server-only";
import { type Executor, getDb } from "@/db";
import type { Document } from "@/db/schema";
import type { Member, RequestMeta } from "@/lib/data/context";
import { type DraftInput, saveDraft } from "@/lib/data/documents/drafts";
import { checkEInvoice, issueWithEInvoice } from "./einvoice";

export type SaveAndIssueOutcome = { issued: true; document: Document } | { issued: false; document: Document; problems: string[] };

export async function saveAndIssueDraft(member: Member, input: DraftInput & { id?: string }, meta: RequestMeta = {}, tx?: Executor): Promise<SaveAndIssueOutcome> {
  const db = tx ?? (await getDb());
  return db.transaction(async (t) => {
    const draft = await saveDraft(member, input, t);
    const check = await checkEInvoice(member, draft.id, t);
    if (check.format && check.problems.length) return { issued: false, document: draft, problems: check.problems.map((p) => p.message) };
    return { issued: true, document: await issueWithEInvoice(member, draft.id, meta, t) };
  });
}
