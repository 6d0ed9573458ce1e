/**
 * Late fees (optional, off by default): at each reminder step after the due date, a percent of the
 * overdue invoice's balance or a flat amount, issued as its own numbered invoice for the same
 * customer and currency. The overdue invoice itself is never changed (issued invoices stay locked).
 *
 * The fee is added by the reminders job in the transaction that claims the reminder step and
 * queues its email (lib/services/reminders.ts): the fee is the debit, the reminder the notice, so
 * a fee is added only when its reminder is actually queued, once per invoice and step
 * (reminder_sends' and late_fees' primary keys). Viewing an invoice never adds one.
 */
import "server-only";
import type { Executor, Tx } from "@/db";
import type { Member, RequestMeta } from "@/lib/data/context";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueWithEInvoice } from "./einvoice";
import { addEvent, isOpenInvoiceStatus, lockDocument } from "@/lib/data/documents/shared";
import { getLateFeeSettings, isLateFeeInvoice, type LateFeeSettings, recordLateFee, saveLateFeeSettings } from "@/lib/data/late-fees";
import { getTaxRate } from "@/lib/data/tax-rates";
import { addDays, todayIn } from "@/lib/dates";
import { paragraphsOf, type TemplateText } from "@/lib/email-templates";
import { badRequest } from "@/lib/errors";
import { moduleLogger } from "@/lib/logger";
import { isCurrency, MoneyError, parseMoney, parseRate, percentOf } from "@/lib/money";
import type { LateFeeInput } from "@/lib/validation/late-fees";

const log = moduleLogger("late-fees");

/** "Late fee: INV-2026-0007, 7 days after the due date": the fee invoice's one line. */
export function lateFeeDescription(number: string, step: number): string {
  return `Late fee: ${number}, ${step} ${step === 1 ? "day" : "days"} after the due date`;
}

/** The fee for a balance, in the invoice's currency; 0 when none applies (a flat fee in another currency). */
export function lateFeeAmount(settings: LateFeeSettings, balance: number, currency: string): number {
  if (settings.feeType === "percent") return percentOf(balance, settings.rateE4);
  return settings.currency === currency ? settings.amount : 0;
}

/**
 * The reminder's wording with a paragraph about the fee just added, before the sign-off (the last
 * paragraph) when the message has one; the organisation's own template is otherwise unchanged.
 */
export function withLateFeeNotice(template: TemplateText, notice: string): TemplateText {
  const paragraphs = paragraphsOf(template.body);
  const at = paragraphs.length >= 3 ? paragraphs.length - 1 : paragraphs.length;
  return { ...template, body: [...paragraphs.slice(0, at), notice, ...paragraphs.slice(at)].join("\n\n") };
}

export type AddedLateFee = { id: string; number: string; total: number };

/** Thrown inside the fee's savepoint to undo a fee invoice whose step already has one. */
class AlreadyCharged extends Error {}

/**
 * Adds the late fee for an invoice's reminder step, if one is due: late fees on, a step after the
 * due date whose date has come (a "Send now" ahead of it adds none), an open invoice that is not
 * itself a fee, and a fee above zero. Call it in the transaction that claimed the step. Returns
 * the fee invoice, or null when no fee was added.
 */
export async function addLateFee(member: Member, invoice: { id: string; dueDate: string | null; timeZone: string }, step: number, now: Date, tx: Tx): Promise<AddedLateFee | null> {
  if (step <= 0 || !invoice.dueDate) return null;
  const today = todayIn(invoice.timeZone, now);
  if (today < addDays(invoice.dueDate, step)) return null;
  const settings = await getLateFeeSettings(member, tx);
  if (!settings?.enabled) return null;
  if (await isLateFeeInvoice(member, invoice.id, tx)) return null;
  // The balance as it is now, locked: a payment recorded meanwhile is taken into account.
  const overdue = await lockDocument(member, invoice.id, tx);
  if (overdue.kind !== "invoice" || !isOpenInvoiceStatus(overdue.status) || overdue.balance <= 0) return null;
  const amount = lateFeeAmount(settings, overdue.balance, overdue.currency);
  if (amount <= 0) return null;
  try {
    // A savepoint: should the step already have its fee, only the new fee invoice is undone.
    return await tx.transaction(async (t) => {
      const draft = await saveDraft(
        member,
        {
          kind: "invoice",
          customerId: overdue.customerId,
          currency: overdue.currency,
          issueDate: today,
          dueDate: today,
          lines: [{ description: lateFeeDescription(overdue.number ?? "", step), quantityE4: 10_000, unitPrice: amount, taxRateIds: settings.taxRateId ? [settings.taxRateId] : [] }],
        },
        t,
      );
      // Best effort: a fee is owed whether or not its e-invoice can be made (the timeline says why not).
      const fee = await issueWithEInvoice(member, draft.id, {}, t, "best-effort");
      if (!(await recordLateFee(member, overdue.id, step, fee.id, t))) throw new AlreadyCharged();
      await addEvent(member, overdue.id, { type: "late_fee_added", meta: { step, feeDocumentId: fee.id, number: fee.number, amount: fee.total } }, t);
      log.info({ documentId: overdue.id, step, feeDocumentId: fee.id }, "late fee added");
      return { id: fee.id, number: fee.number ?? "", total: fee.total };
    });
  } catch (error) {
    if (error instanceof AlreadyCharged) return null;
    throw error;
  }
}

/**
 * Settings → Reminders: the late fee as typed. Turned off with nothing typed, the setting is
 * forgotten; otherwise the values are checked (and kept while off, for turning it back on).
 */
export async function saveLateFeeForm(member: Member, input: LateFeeInput, meta: RequestMeta = {}, tx?: Executor): Promise<LateFeeSettings | null> {
  const typed = input.feeType === "percent" ? input.rate.trim() : input.amount.trim();
  if (!input.enabled && !typed) return saveLateFeeSettings(member, null, meta, tx);
  const errors: Record<string, string> = {};
  let settings: LateFeeSettings | null = null;
  const taxRateId = input.taxRateId || null;
  try {
    if (input.feeType === "percent") {
      const rateE4 = parseRate(input.rate);
      if (rateE4 <= 0) errors.rate = "Enter a rate greater than zero.";
      else settings = { enabled: input.enabled, feeType: "percent", rateE4, taxRateId };
    } else if (!isCurrency(input.currency)) {
      errors.currency = "Choose a currency from the list.";
    } else {
      const amount = parseMoney(input.amount, input.currency);
      if (amount <= 0) errors.amount = "Enter an amount greater than zero.";
      else settings = { enabled: input.enabled, feeType: "amount", amount, currency: input.currency, taxRateId };
    }
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    errors[input.feeType === "percent" ? "rate" : "amount"] = error.message;
  }
  if (taxRateId) {
    const rate = await getTaxRate(member, taxRateId, tx).catch(() => null);
    if (!rate || rate.archivedAt) errors.taxRateId = "Choose a tax rate from the list.";
    // The fee is the net amount and its tax is added on top, as the settings say.
    else if (rate.inclusive || rate.compound) errors.taxRateId = "Choose a tax rate that is added on top (not inclusive or compound) for the fee.";
  }
  if (Object.keys(errors).length || !settings) throw badRequest("Please correct the highlighted fields.", errors);
  return saveLateFeeSettings(member, settings, meta, tx);
}
