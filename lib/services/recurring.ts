/**
 * Recurring invoices, the scheduled job's step (`npm run jobs`, lib/services/jobs.ts): every
 * organisation's profiles whose next date has come in the organisation's own time zone get their
 * occurrences, in date order, each exactly once.
 *
 * Each occurrence is one transaction: lock the profile, claim (profile, date) in
 * recurring_occurrences (its primary key is the exactly-once guarantee), create the draft, issue
 * it (its number) and queue its email as the profile says, and move the profile to its next date.
 * Overlapping runs, a retried run or several instances therefore make one invoice and one email.
 * An occurrence that cannot be made rolls back whole, is recorded as failed with a reason the
 * owner can act on, and is retried by every run; the profile's later dates wait behind it, so
 * invoices stay in date order. The queries are in lib/data/recurring-occurrences.ts.
 */
import "server-only";
import { type Executor, getDb } from "@/db";
import { type Member, systemContext } from "@/lib/data/context";
import { documentLanguage, formattingLocale } from "@/lib/i18n/languages";
import { saveDraft } from "@/lib/data/documents/drafts";
import { discountFromColumns } from "@/lib/data/documents/shared";
import {
  advanceProfile,
  billingState,
  claimOccurrence,
  failedBefore,
  type DueProfileCandidate,
  type LockedProfile,
  lockProfileAt,
  recordOccurrenceDocument,
  recordOccurrenceFailure,
  unsafeListDueProfileCandidates,
} from "@/lib/data/recurring-occurrences";
import { scheduleOf } from "@/lib/data/recurring-profiles";
import { getMissedPolicy, type MissedPolicy } from "@/lib/data/recurring-settings";
import { recipientFor } from "@/lib/data/sending";
import { addDays, todayIn } from "@/lib/dates";
import { AppError, badRequest, conflict } from "@/lib/errors";
import { moduleLogger } from "@/lib/logger";
import { emailDelivery } from "@/lib/mail/delivery";
import { nextOccurrence, occurrencePeriod, resolvePlaceholders } from "@/lib/recurrence";
import { advance, isDue, occurrenceAction, type PlannedOccurrence, plannedOccurrences } from "@/lib/recurring-run";
import { sendDocument } from "./send-document";
import { issueWithEInvoice } from "./einvoice";

const log = moduleLogger("recurring");

/** Stored for an error that is not the owner's to fix; the log has the detail. */
export const UNEXPECTED_FAILURE =
  "Something went wrong on our side while creating this invoice. It is tried again on every run; if this stays, the server's log has the detail.";

export type RecurringResult = { profiles: number; created: number; missed: number; failed: number };

/** Creates every due occurrence of every organisation's active profiles. */
export async function runRecurring(now = new Date(), tx?: Executor): Promise<RecurringResult> {
  const db = tx ?? (await getDb());
  const result: RecurringResult = { profiles: 0, created: 0, missed: 0, failed: 0 };
  const policies = new Map<string, MissedPolicy>();
  for (const candidate of await unsafeListDueProfileCandidates(now, db)) {
    const today = todayIn(candidate.timeZone, now);
    if (!isDue(candidate.profile, today)) continue;
    result.profiles++;
    try {
      const member = systemContext(candidate.profile.orgId);
      if (!policies.has(member.orgId)) policies.set(member.orgId, await getMissedPolicy(member, db));
      await runProfile(db, member, candidate, today, policies.get(member.orgId)!, result);
    } catch (error) {
      // Recording the failure failed too (the database went away, the profile was deleted): the
      // next run tries again; other profiles and organisations go on.
      log.error({ err: error, profileId: candidate.profile.id, orgId: candidate.profile.orgId }, "recurring profile could not be processed");
    }
  }
  return result;
}

/** One profile's due occurrences in date order; the first that fails stops the profile for this run. */
async function runProfile(db: Executor, member: Member, candidate: DueProfileCandidate, today: string, missedPolicy: MissedPolicy, result: RecurringResult) {
  const { profile } = candidate;
  for (const planned of plannedOccurrences(scheduleOf(profile), profile, today)) {
    let outcome: { missed: boolean } | "stop";
    try {
      outcome = await db.transaction((tx) => createOccurrence(tx, member, profile.id, planned, { missedPolicy, locale: candidate.locale }));
    } catch (error) {
      await recordOccurrenceFailure(member, { profileId: profile.id, date: planned.date, missed: planned.missed, reason: failureReason(error, profile.id, planned.date) }, db);
      result.failed++;
      return;
    }
    if (outcome === "stop") return;
    result.created++;
    if (outcome.missed) result.missed++;
  }
}

/**
 * One occurrence, inside its transaction. "stop": the profile is no longer at this date (edited,
 * paused or ended since the scan, or another runner made it): nothing is created.
 */
async function createOccurrence(tx: Executor, member: Member, profileId: string, planned: PlannedOccurrence, options: { missedPolicy: MissedPolicy; locale: string }) {
  const { date } = planned;
  const profile = await lockProfileAt(member, profileId, date, tx);
  if (!profile) return "stop";
  const key = { profileId, date };
  // An occurrence that failed on its date was not missed by downtime: once the owner fixes the
  // cause it is created as the profile says (the failure already told the owner about it).
  const missed = planned.missed && !(await failedBefore(member, key, tx));
  const action = occurrenceAction(profile.action, missed, options.missedPolicy);
  if (!(await claimOccurrence(member, { ...key, missed, action }, tx))) {
    // Already created, yet the profile still points at it (an earlier edit moved it back): move
    // on without counting it twice.
    log.warn({ profileId, date }, "occurrence already created; moving the profile past it");
    const nextDate = nextOccurrence(scheduleOf(profile), date, profile.occurrenceCount);
    await advanceProfile(member, key, { nextDate, occurrenceCount: profile.occurrenceCount }, tx);
    return "stop";
  }
  await assertCanBill(tx, member, profile, action);
  // Placeholders ({month}, {period}) are written as the rest of the document: in its language.
  const language = documentLanguage(profile.language, profile.customerLanguage, options.locale);
  const draft = await saveDraft(member, draftFrom(profile, date, formattingLocale(language, options.locale)), tx);
  let emailId: string | null = null;
  // An e-invoice the customer needs that fails its checks fails the occurrence, with the reasons.
  if (action !== "draft") await issueWithEInvoice(member, draft.id, {}, tx);
  if (action === "send") emailId = (await sendDocument(member, draft.id, tx, { attachPdf: profile.attachPdf })).id;
  await recordOccurrenceDocument(member, key, { documentId: draft.id, emailId }, tx);
  // Under the profile's lock the guard always holds; were it not to, nothing of this occurrence may stay.
  if (!(await advanceProfile(member, key, advance(scheduleOf(profile), date, profile.occurrenceCount), tx))) throw new Error("recurring profile moved while locked");
  return { missed };
}

/** The occurrence's invoice: the profile's lines and texts with placeholders resolved to its period (in the document's `locale`), dated on its date. */
function draftFrom(profile: LockedProfile, date: string, locale: string) {
  const period = occurrencePeriod(scheduleOf(profile), date);
  const resolve = (text: string | null) => (text === null ? null : resolvePlaceholders(text, period, locale));
  return {
    kind: "invoice" as const,
    customerId: profile.customerId,
    currency: profile.currency,
    issueDate: date,
    dueDate: addDays(date, profile.paymentTermsDays),
    // The period the occurrence bills (its placeholders' period): the invoicing period BG-14, which
    // XRechnung asks every invoice for and the PDF prints as the service period.
    periodStart: period.start,
    periodEnd: period.end,
    discount: discountFromColumns(profile.discountType, profile.discountValue),
    notes: resolve(profile.notes),
    terms: resolve(profile.terms),
    footer: resolve(profile.footer),
    language: profile.language,
    lines: profile.lines.map((l) => ({
      itemId: l.itemId,
      description: resolvePlaceholders(l.description, period, locale),
      unit: l.unit,
      quantityE4: l.quantityE4,
      unitPrice: l.unitPrice,
      discount: discountFromColumns(l.discountType, l.discountValue),
      taxRateIds: l.taxRateIds,
    })),
  };
}

/** Refuses, with the reason the owner sees, what would make a wrong invoice or an email nobody gets. */
async function assertCanBill(tx: Executor, member: Member, profile: LockedProfile, action: "draft" | "issue" | "send") {
  const state = await billingState(member, profile, tx);
  if (state.customerArchived) throw conflict("The customer is archived. Restore the customer, or choose another one on this profile; the next run creates the invoice.");
  if (state.customerCurrency && state.customerCurrency !== profile.currency) {
    throw conflict(
      `The customer now bills in ${state.customerCurrency} but this profile bills in ${profile.currency}. Change the profile's currency or the customer's; the next run creates the invoice.`,
    );
  }
  if (state.archivedTaxRates.length) {
    const names = state.archivedTaxRates.map((n) => `"${n}"`).join(", ");
    const [rates, are] = state.archivedTaxRates.length === 1 ? ["tax rate", "is"] : ["tax rates", "are"];
    throw conflict(`The ${rates} ${names} on this profile ${are} archived. Choose current rates on the profile's lines; the next run creates the invoice.`);
  }
  if (action !== "send") return;
  if (emailDelivery() === "none") {
    throw conflict("Email is not set up on this server, so this invoice can't be emailed. Set up email delivery, or change the profile to issue without emailing; the next run creates the invoice.");
  }
  if (!(await recipientFor(member, profile.customerId, tx))) {
    throw badRequest("The customer has no email address, so this invoice can't be emailed. Add one on the customer's page; the next run creates the invoice.");
  }
}

/** An AppError's message is written for the owner; anything else is logged in full and stored as a generic reason. */
function failureReason(error: unknown, profileId: string, date: string): string {
  if (error instanceof AppError) return error.message;
  log.error({ err: error, profileId, date }, "recurring occurrence failed");
  return UNEXPECTED_FAILURE;
}
