import type { ProfileInput } from "@/lib/data/recurring-profiles";
import type { Schedule } from "@/lib/recurrence";

/** A monthly EUR profile (one line, 1 × 100.00, no tax, issue): override what the test is about. */
export function profileInput(customerId: string, schedule: Partial<Schedule> = {}, overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    name: "Monthly retainer",
    customerId,
    currency: "EUR",
    paymentTermsDays: 14,
    action: "issue",
    attachPdf: false,
    schedule: { frequency: "monthly", interval: 1, dayOfMonth: 1, startDate: "2026-12-01", endType: "never", ...schedule },
    lines: [{ description: "Retainer {month} {year}", quantityE4: 10_000, unitPrice: 10_000, taxRateIds: [] }],
    ...overrides,
  };
}
