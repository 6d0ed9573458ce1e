/**
 * The recurring job's cursor, pure: which occurrences one run creates for a profile and where the
 * profile points afterwards. lib/services/recurring.ts runs it against the database;
 * lib/recurring-run.property.test.ts runs it against ten years of simulated runs in 20 time zones.
 * `today` is always the organisation's local date (lib/dates.ts todayIn), never a UTC date.
 */
import { dueOccurrences, nextOccurrence, type Schedule } from "./recurrence";

/** At most this many occurrences per profile per run: a long outage is worked off over several runs. */
export const OCCURRENCES_PER_RUN = 100;

/** Where a profile stands: the next date to create (null once ended) and how many were created. */
export type Cursor = { nextDate: string | null; occurrenceCount: number };

export type PlannedOccurrence = { date: string; missed: boolean };

/** Due once the organisation's local date has reached the next date (compared as YYYY-MM-DD strings). */
export const isDue = (cursor: Cursor, today: string): boolean => cursor.nextDate !== null && cursor.nextDate <= today;

/**
 * The occurrences this run creates, in date order. One dated before today was missed: the jobs did
 * not run on its date (or it failed then and is being retried).
 */
export function plannedOccurrences(schedule: Schedule, cursor: Cursor, today: string, cap = OCCURRENCES_PER_RUN): PlannedOccurrence[] {
  return dueOccurrences(schedule, cursor.nextDate, cursor.occurrenceCount, today, cap).map((date) => ({ date, missed: date < today }));
}

/** The cursor after the occurrence on `date` was created: the next date of the series (null: the profile has ended). */
export function advance(schedule: Schedule, date: string, occurrenceCount: number): Cursor {
  const created = occurrenceCount + 1;
  return { nextDate: nextOccurrence(schedule, date, created), occurrenceCount: created };
}

/** What a missed occurrence does: a draft for review by default, or what the profile says when the organisation chose "as scheduled". */
export function occurrenceAction<A extends string>(profileAction: A, missed: boolean, missedPolicy: "draft" | "as_scheduled"): A | "draft" {
  return missed && missedPolicy === "draft" ? "draft" : profileAction;
}
