import "server-only";
import { and, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { recurringProfiles } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { addSums, monthlyEquivalent } from "@/lib/money";
import { nextOccurrence } from "@/lib/recurrence";
import type { Member } from "./context";
import { scheduleOf } from "./recurring-profiles";

/** How far ahead "Next 30 days scheduled" looks: today and the 30 days after it. */
export const SCHEDULED_DAYS = 30;

export type RecurringFigures = {
  currency: string;
  /** Active profiles in this currency. */
  profiles: number;
  /** Σ of each active profile's total as a monthly figure (lib/money.ts monthlyEquivalent). */
  perMonth: bigint;
  /** Occurrences from each profile's next date up to today + SCHEDULED_DAYS, and their amount. */
  scheduledCount: number;
  scheduledAmount: bigint;
};

/**
 * The dashboard's recurring figures, per currency (never added across currencies): recurring
 * revenue per month and what is scheduled in the next 30 days, from ACTIVE profiles only (paused
 * and ended ones bill nothing). One query on recurring_profiles_org_id_status_next_date_idx; the
 * schedule maths (end dates, "end after N") is lib/recurrence.ts. Pending occurrences whose date
 * has passed (the jobs have not run yet) are counted: they will still be created.
 */
export async function recurringFigures(member: Member, today: string, tx?: Executor): Promise<RecurringFigures[]> {
  const db = tx ?? (await getDb());
  const rows = await db
    .select({
      currency: recurringProfiles.currency,
      total: recurringProfiles.total,
      frequency: recurringProfiles.frequency,
      interval: recurringProfiles.interval,
      weekday: recurringProfiles.weekday,
      dayOfMonth: recurringProfiles.dayOfMonth,
      monthOfYear: recurringProfiles.monthOfYear,
      startDate: recurringProfiles.startDate,
      endType: recurringProfiles.endType,
      endAfterCount: recurringProfiles.endAfterCount,
      endDate: recurringProfiles.endDate,
      nextDate: recurringProfiles.nextDate,
      occurrenceCount: recurringProfiles.occurrenceCount,
    })
    .from(recurringProfiles)
    .where(and(eq(recurringProfiles.orgId, member.orgId), eq(recurringProfiles.status, "active")));
  const horizon = addDays(today, SCHEDULED_DAYS);
  const byCurrency = new Map<string, RecurringFigures>();
  for (const p of rows) {
    const f = byCurrency.get(p.currency) ?? { currency: p.currency, profiles: 0, perMonth: 0n, scheduledCount: 0, scheduledAmount: 0n };
    f.profiles++;
    f.perMonth = addSums(f.perMonth, BigInt(monthlyEquivalent(p.total, p.frequency, p.interval)));
    const count = scheduledUpTo(p, horizon);
    f.scheduledCount += count;
    f.scheduledAmount = addSums(f.scheduledAmount, BigInt(p.total) * BigInt(count));
    byCurrency.set(p.currency, f);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** How many occurrences a profile has from its next date up to `horizon`, its end honoured. */
function scheduledUpTo(p: Parameters<typeof scheduleOf>[0] & { nextDate: string | null; occurrenceCount: number }, horizon: string): number {
  const schedule = scheduleOf(p);
  let count = 0;
  let created = p.occurrenceCount;
  // Walks date by date and stops past the horizon (a weekly profile has at most 5 in 31 days, more only after an outage).
  for (let date = p.nextDate; date !== null && date <= horizon; date = nextOccurrence(schedule, date, created)) {
    count++;
    created++;
  }
  return count;
}
