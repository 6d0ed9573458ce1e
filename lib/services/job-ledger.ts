/**
 * Settings → Jobs: the organisation's job ledger (what the scheduled jobs did, with each thing's
 * idempotency key), the last runs, the next 30 days' forecast in the organisation's zone, and
 * "Run jobs now" (the laptop on the embedded database has no cron: a second process cannot open
 * PGlite while the server runs, so the run happens in the server's own process).
 */
import "server-only";
import { type Member, assertCan } from "@/lib/data/context";
import {
  type ForecastInvoice,
  type ForecastProfile,
  listForecastInvoices,
  listForecastProfiles,
  listOccurrenceLedger,
  listOutboxLedger,
  listPaymentEventLedger,
  listReminderLedger,
} from "@/lib/data/job-ledger";
import { type JobRun, unsafeListJobRuns } from "@/lib/data/job-runs";
import { getOrganization } from "@/lib/data/organizations";
import { scheduleOf } from "@/lib/data/recurring-profiles";
import { addDays, todayIn } from "@/lib/dates";
import { emailDelivery } from "@/lib/mail/delivery";
import { upcomingDates } from "@/lib/recurrence";
import { DEFAULT_STEPS, nextReminder } from "@/lib/reminder-schedule";
import { type RecordedRun, runJobsRecorded } from "./jobs";

export const FORECAST_DAYS = 30;
export const FORECAST_ROWS = 100;
export const LAST_RUNS = 20;

/**
 * A forecast row as data, worded by the page in the reader's language: a recurring profile by its
 * name (as its owner typed it), a reminder by its invoice number and step (components/jobs).
 */
export type ForecastItem = {
  date: string;
  amount: number;
  currency: string;
  /** The profile or invoice, for the link. */
  id: string;
} & ({ kind: "recurring"; name: string } | { kind: "reminder"; number: string | null; step: number });

/** What orders two rows of the same day and kind: the profile's name, or the invoice number then the step. */
const sortKey = (item: ForecastItem) => (item.kind === "recurring" ? item.name : `${item.number ?? ""}\u0000${String(item.step + 1000).padStart(4, "0")}`);

/** The dates each active profile bills on up to `until` (a date already past is created by the next run). */
export function recurringForecast(profiles: ForecastProfile[], until: string): ForecastItem[] {
  return profiles.flatMap((p) =>
    upcomingDates(scheduleOf(p), p.nextDate, p.occurrenceCount, 400)
      .filter((date) => date <= until)
      .map((date): ForecastItem => ({ date, kind: "recurring", name: p.name, amount: p.total, currency: p.currency, id: p.id })),
  );
}

/**
 * The reminders the job will send from `today` to `until` if nothing changes: for each open invoice
 * with reminders on and not paused, nextReminder repeatedly (each step counted as sent once it is
 * forecast), exactly as the invoice page promises it.
 */
export function reminderForecast(invoices: ForecastInvoice[], today: string, until: string): ForecastItem[] {
  const items: ForecastItem[] = [];
  for (const inv of invoices) {
    if (!inv.enabled || inv.paused || !inv.dueDate) continue;
    const steps = inv.overrideSteps ?? inv.steps ?? DEFAULT_STEPS;
    const sent = [...inv.sent];
    let from = today;
    for (let i = 0; i < steps.length; i++) {
      const next = nextReminder({ dueDate: inv.dueDate, steps, sent, today: from, promisedOn: inv.promisedOn });
      if (!next || next.date > until) break;
      items.push({ date: next.date, kind: "reminder", number: inv.number, step: next.step, amount: inv.balance, currency: inv.currency, id: inv.id });
      sent.push(next.step);
      from = next.date;
    }
  }
  return items;
}

/** Both forecasts merged in date order (recurring first on a day, as the job runs them), capped. */
export function mergeForecast(...lists: ForecastItem[][]): ForecastItem[] {
  const order = { recurring: 0, reminder: 1 };
  return lists
    .flat()
    .sort((a, b) => a.date.localeCompare(b.date) || order[a.kind] - order[b.kind] || sortKey(a).localeCompare(sortKey(b)))
    .slice(0, FORECAST_ROWS);
}

/** The next FORECAST_DAYS days in the organisation's zone, from `now`. */
export async function getForecast(member: Member, now = new Date()) {
  assertCan(member, "settings.manage");
  const org = await getOrganization(member);
  const today = todayIn(org.timeZone, now);
  const until = addDays(today, FORECAST_DAYS);
  const [profiles, invoices] = await Promise.all([listForecastProfiles(member, until), listForecastInvoices(member, today, until)]);
  // Without email no reminder goes out (the job claims nothing), so none is promised.
  const reminders = emailDelivery() === "none" ? [] : reminderForecast(invoices, today, until);
  return { today, until, items: mergeForecast(recurringForecast(profiles, until), reminders), emailOff: emailDelivery() === "none" };
}

/**
 * A run as the ledger shows it: times, outcome and who started it. Not its counts: a run works for
 * every organisation on the server, so they would tell one organisation about the others.
 */
export type RunView = { id: string; startedAt: Date; finishedAt: Date | null; ok: boolean | null; durationMs: number | null; trigger: string | null; error: string | null };

export function runView(run: JobRun): RunView {
  const trigger = (run.summary as { trigger?: unknown } | null)?.trigger;
  return {
    id: run.id,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    ok: run.ok,
    durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
    trigger: typeof trigger === "string" ? trigger : null,
    // A failed run's message is an operator's line (lib/db-errors.ts), shared by every organisation.
    error: run.ok === false ? "The run stopped with an error; the server log has the details." : null,
  };
}

/** Everything Settings → Jobs shows, for one organisation. */
export async function getJobLedger(member: Member, now = new Date()) {
  assertCan(member, "settings.manage");
  const [occurrences, reminders, outbox, paymentEvents, runs, forecast] = await Promise.all([
    listOccurrenceLedger(member),
    listReminderLedger(member),
    listOutboxLedger(member),
    listPaymentEventLedger(member),
    unsafeListJobRuns(LAST_RUNS),
    getForecast(member, now),
  ]);
  return { occurrences, reminders, outbox, paymentEvents, runs: runs.map(runView), forecast };
}

const globalForRuns = globalThis as unknown as { __smartInvoiceJobsNow?: Promise<RecordedRun> | null };

/**
 * "Run jobs now": one recorded run in this process. A click while a run is under way joins that
 * run instead of starting another (a second run would find nothing left to do anyway: every step
 * is idempotent, which is what makes two processes or two servers safe).
 */
export async function runJobsNow(member: Member, now = new Date()): Promise<RecordedRun> {
  assertCan(member, "settings.manage");
  const running = globalForRuns.__smartInvoiceJobsNow;
  if (running) return running;
  const run = runJobsRecorded("manual", now).finally(() => {
    globalForRuns.__smartInvoiceJobsNow = null;
  });
  globalForRuns.__smartInvoiceJobsNow = run;
  return run;
}
