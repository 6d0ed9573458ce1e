import type { JobsTranslate } from "./ledger-table";

/** A forecast row as lib/services/job-ledger.ts gives it: data, worded here in the reader's language. */
export type ForecastItem = { date: string; amount: number; currency: string; id: string } & ({ kind: "recurring"; name: string } | { kind: "reminder"; number: string | null; step: number });

/**
 * What a forecast row is: a recurring profile by its name (as its owner typed it, never translated),
 * a reminder as "INV-0042: 7 Tage nach dem Fälligkeitsdatum", the step in the words Settings →
 * Reminders uses (`describeStep`, handed in by the page).
 */
export function forecastWhat(t: JobsTranslate, describeStep: (step: number) => string, item: ForecastItem): string {
  if (item.kind === "recurring") return item.name;
  return t("forecast.reminderStep", { number: item.number ?? t("forecast.invoice"), step: describeStep(item.step) });
}
