import { addDays } from "@/lib/dates";
import { occurrenceOnOrAfter, type Schedule, upcomingDates } from "@/lib/recurrence";

/** What the server knows of an existing profile when it is edited (lib/data/recurring-profiles.ts nextDateAfterEdit). */
export type EditState = { lastCreated: string | null; pending: string | null; created: number };

/**
 * The form's preview: the next `count` dates the profile will bill on, computed in the browser with
 * the server's own schedule module and the same starting rule saveProfile applies. A new profile
 * starts on or after the later of its start date and today (in the organisation's zone); an edited
 * one after the last occurrence created and not before today, except that an occurrence already due
 * and not yet created is still created (nextDateAfterEdit; the DB test checks the two agree).
 */
export function previewDates(s: Schedule, today: string, edit: EditState | null, count = 12): string[] {
  if (!edit) return upcomingDates(s, occurrenceOnOrAfter(s, s.startDate > today ? s.startDate : today, 0), 0, count);
  let from = edit.pending && edit.pending < today ? edit.pending : today;
  if (edit.lastCreated && addDays(edit.lastCreated, 1) > from) from = addDays(edit.lastCreated, 1);
  return upcomingDates(s, occurrenceOnOrAfter(s, from, edit.created), edit.created, count);
}
