/**
 * Bulk actions on the documents lists: a job is created with its documents (the selection, or all
 * matching the list's filter), then run after the response (or resumed by `npm run jobs` when a
 * run was interrupted). Each document's outcome row is written in the same transaction as its
 * effect — the queued email (with the send service's own idempotency key), the status change —
 * never "check, then act": a retried, resumed or concurrent run finds the row and does nothing.
 */
import "server-only";
import { type Executor, getDb } from "@/db";
import type { BulkAction, DocumentKind } from "@/db/schema";
import { BULK_MAX, bulkActionsByKind } from "@/lib/bulk";
import { assertCan, type Member } from "@/lib/data/context";
import {
  createBulkJob,
  doneBulkDocumentIds,
  recordBulkOutcome,
  unsafeFinishBulkJob,
  unsafeLeaseBulkJob,
  unsafeListInterruptedBulkJobs,
  unsafeRenewBulkLease,
} from "@/lib/data/bulk-jobs";
import { listMatchingDocumentIds, type DocumentListQuery } from "@/lib/data/document-lists";
import { getMembership, getOrganization } from "@/lib/data/organizations";
import { getInvoiceReminders } from "@/lib/data/reminders";
import { markDocumentSent } from "@/lib/data/sending";
import { todayIn } from "@/lib/dates";
import { AppError, badRequest, conflict } from "@/lib/errors";
import { moduleLogger } from "@/lib/logger";
import { BULK_WITHOUT_EMAIL_MESSAGE, emailDelivery } from "@/lib/mail/delivery";
import { consumeAll, type Decision, type LimitName, peekAll, tooManyMessage } from "@/lib/rate-limit";
import { nextReminder } from "@/lib/reminder-schedule";
import { documentPdf } from "./document-pdf";
import { deliverEmail } from "./outbox";
import { sendReminderNow } from "./reminders";
import { sendDocument } from "./send-document";

const log = moduleLogger("bulk");

export type BulkSelection = { ids: string[] } | { filter: DocumentListQuery };

/**
 * Creates the job (documents of the member's organisation and the list's kind only) after the
 * checks the single-document action makes up front. Too many documents is a clear refusal, not a
 * partial job.
 */
export async function startBulkJob(member: Member, input: { kind: DocumentKind; action: BulkAction; selection: BulkSelection }, tx?: Executor) {
  const db = tx ?? (await getDb());
  if (!bulkActionsByKind[input.kind].includes(input.action)) throw badRequest("That action isn't available on this list.");
  if (input.action !== "zip") assertCan(member, "documents.manage");
  if ((input.action === "send" || input.action === "remind") && emailDelivery() === "none") throw conflict(BULK_WITHOUT_EMAIL_MESSAGE);
  const ids =
    "ids" in input.selection
      ? input.selection.ids
      : await listMatchingDocumentIds(member, { ...input.selection.filter, kind: input.kind }, BULK_MAX + 1, db);
  if (ids.length > BULK_MAX) {
    throw badRequest(`Bulk actions work on up to ${BULK_MAX} documents at a time, and more match this filter. Narrow the filter (dates, status or customer) and try again.`);
  }
  const job = await createBulkJob(member, { kind: input.kind, action: input.action, documentIds: ids }, db);
  if (job.total === 0) {
    await unsafeFinishBulkJob(job.id, db);
    throw badRequest("None of the selected documents could be found. Reload the list and select them again.");
  }
  return job;
}

/** A user-readable reason for a document that could not be done; unknown errors are logged, never shown. */
function reasonOf(error: unknown, jobId: string, documentId: string): { outcome: "failed" | "skipped"; reason: string } {
  if (error instanceof AppError) {
    // A conflict is "not in a state for this" (already sent, a draft, nothing left to remind): skipped.
    return { outcome: error.code === "CONFLICT" ? "skipped" : "failed", reason: error.message };
  }
  log.error({ err: error, jobId, documentId }, "bulk action failed on a document");
  return { outcome: "failed", reason: "Something went wrong with this document. Try it on its own page." };
}

/**
 * A bulk send (or resend) spends the person's bulk-send budget (lib/rate-limit.ts `bulkSendUser`),
 * one point per document it queues: otherwise bulk send, whose recipients are whatever the
 * customers' addresses say, would be an unlimited way around the limit on sends by hand.
 */
const sendBudget = (member: Member): [LimitName, string] => ["bulkSendUser", member.userId];

function overBudget(decision: Decision): void {
  if (!decision.ok) throw new AppError("RATE_LIMITED", `Your sending limit is reached. ${tooManyMessage(decision.retryAfterS).replace(/^Too many attempts\. /, "")}`);
}

/**
 * One document's effect with its outcome row in one transaction; the email to deliver, if any.
 * Nested service transactions become savepoints of this one.
 */
async function applyOne(db: Executor, member: Member, jobId: string, action: BulkAction, documentId: string, timeZone: string): Promise<string | null> {
  if (action === "zip") {
    // The ZIP is streamed at download from these PDFs: issued ones are now in the PDF cache.
    await documentPdf(member, documentId, undefined, db);
    await recordBulkOutcome(member, jobId, documentId, "succeeded", null, db);
    return null;
  }
  return db.transaction(async (tx) => {
    if (!(await recordBulkOutcome(member, jobId, documentId, "succeeded", null, tx))) return null;
    if (action === "send") {
      // Checked first, so a spent budget costs no PDF render per remaining document.
      overBudget(await peekAll([sendBudget(member)]));
      const email = await sendDocument(member, documentId, tx);
      // Spent once the message is queued; refused here (a send elsewhere took the last point
      // meanwhile), the throw rolls this transaction back and nothing goes out.
      overBudget(await consumeAll([sendBudget(member)]));
      return email.id;
    }
    if (action === "mark_sent") {
      await markDocumentSent(member, documentId, tx);
      return null;
    }
    const state = await getInvoiceReminders(member, documentId, tx);
    if (!state.dueDate) throw conflict("This invoice has no due date, so it gets no reminders.");
    const next = nextReminder({ dueDate: state.dueDate, steps: state.steps, sent: state.sent, today: todayIn(timeZone) });
    if (!next) throw conflict("Every reminder of its schedule has already been sent.");
    return (await sendReminderNow(member, documentId, next.step, tx)).emailId;
  });
}

/**
 * Runs (or resumes) a job: the documents without an outcome yet, in order, each in its own
 * transaction. Returns false when another runner holds the job or it has finished. Acts with the
 * creator's current membership: one who has left the organisation gets nothing done in their name.
 */
export async function runBulkJob(jobId: string, options: { deliver?: boolean } = {}): Promise<boolean> {
  const db = await getDb();
  const job = await unsafeLeaseBulkJob(jobId, db);
  if (!job) return false;
  const membership = await getMembership(job.createdById, job.orgId, db);
  const member: Member | null = membership ? { userId: job.createdById, orgId: job.orgId, role: membership.role } : null;
  const scope: Member = member ?? { userId: job.createdById, orgId: job.orgId, role: "member" };
  const done = await doneBulkDocumentIds(scope, jobId, db);
  const { timeZone } = await getOrganization(scope, db);
  for (const documentId of job.documentIds) {
    if (done.has(documentId)) continue;
    let emailId: string | null = null;
    try {
      if (!member) throw new AppError("FORBIDDEN", "You are no longer a member of this organisation.");
      emailId = await applyOne(db, member, jobId, job.action, documentId, timeZone);
    } catch (error) {
      const { outcome, reason } = reasonOf(error, jobId, documentId);
      try {
        await recordBulkOutcome(scope, jobId, documentId, outcome, reason, db);
      } catch (recordError) {
        // The document was deleted since it was selected (a draft): its outcome row cannot point
        // at it. Go on with the others; a job that stopped here would be retried forever.
        log.warn({ err: recordError, jobId, documentId }, "bulk outcome not recorded: the document is gone");
      }
    }
    // Delivered now, outside the transaction; a failure is retried by the outbox dispatcher.
    if (emailId && options.deliver !== false) await deliverEmail(emailId).catch((e: unknown) => log.warn({ err: e, emailId }, "bulk email not delivered yet"));
    await unsafeRenewBulkLease(jobId, db);
  }
  await unsafeFinishBulkJob(jobId, db);
  return true;
}

/** For `npm run jobs`: resumes jobs whose run was interrupted (their lease expired unfinished). */
export async function resumeBulkJobs(): Promise<{ resumed: number }> {
  let resumed = 0;
  for (const id of await unsafeListInterruptedBulkJobs()) {
    try {
      // The run's next step (dispatchDueEmails) delivers what this queues.
      if (await runBulkJob(id, { deliver: false })) resumed++;
    } catch (error) {
      log.error({ err: error, jobId: id }, "could not resume a bulk job");
    }
  }
  return { resumed };
}
