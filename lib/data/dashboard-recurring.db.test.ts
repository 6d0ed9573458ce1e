/**
 * The dashboard's recurring figures, worked by hand. The organisation is in UTC and `now` is fixed
 * at 2026-06-15 (a Monday), so "next 30 days" runs from 2026-06-15 to 2026-07-15.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import type { Member } from "@/lib/data/context";
import { profileInput } from "@/tests/support/recurring";
import { createCustomer, createInvoicingOrg } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { recurringFigures } from "./dashboard-recurring";
import { saveProfile, setProfileStatus } from "./recurring-profiles";

const NOW = new Date("2026-06-15T12:00:00Z");
const TODAY = "2026-06-15";

let handle: DbHandle;
let member: Member;
let customerId: string;

const line = (unitPrice: number) => [{ description: "Service", quantityE4: 10_000, unitPrice, taxRateIds: [] }];

beforeAll(async () => {
  handle = await createTestDb();
  const a = await createInvoicingOrg(handle.db, "Recurring dashboard");
  member = a.member;
  customerId = (await createCustomer(handle.db, member.orgId)).id;
});
afterAll(async () => {
  await handle?.close();
});

describe("recurringFigures", () => {
  it("is empty without profiles", async () => {
    expect(await recurringFigures(member, TODAY)).toEqual([]);
  });

  it("sums active profiles per month and counts the next 30 days per currency", async () => {
    const save = (schedule: Parameters<typeof profileInput>[1], unitPrice: number, currency = "EUR") =>
      saveProfile(member, profileInput(customerId, schedule, { currency, lines: line(unitPrice) }), {}, undefined, NOW);
    // Weekly 100.00 on Mondays from 2026-06-15: 100 × 52 / 12 = 433.33 a month;
    // 15, 22, 29 June, 6 and 13 July = 5 in the next 30 days.
    await save({ frequency: "weekly", weekday: 1, startDate: "2026-06-15" }, 10_000);
    // Monthly 50.00 on the 20th: 50.00 a month; 20 June (20 July is past 15 July) = 1.
    await save({ frequency: "monthly", dayOfMonth: 20, startDate: "2026-06-01" }, 5_000);
    // Yearly 1,200.00 on 1 July: 100.00 a month; 1 July 2026 = 1.
    await save({ frequency: "yearly", monthOfYear: 7, dayOfMonth: 1, startDate: "2026-07-01" }, 120_000);
    // Paused: counts for nothing.
    const paused = await save({ frequency: "monthly", dayOfMonth: 1, startDate: "2026-07-01" }, 99_900);
    await setProfileStatus(member, paused.id, "paused", {}, undefined, NOW);
    // USD, weekly 10.00 on Wednesdays, ending after 2 occurrences: 10 × 52 / 12 = 43.33 a month;
    // 17 and 24 June, then it has ended = 2.
    await save({ frequency: "weekly", weekday: 3, startDate: "2026-06-15", endType: "after", endAfterCount: 2 }, 1_000, "USD");

    expect(await recurringFigures(member, TODAY)).toEqual([
      // 433.33 + 50.00 + 100.00 = 583.33; 5 × 100.00 + 50.00 + 1,200.00 = 1,750.00 over 7 occurrences.
      { currency: "EUR", profiles: 3, perMonth: 58_333n, scheduledCount: 7, scheduledAmount: 175_000n },
      { currency: "USD", profiles: 1, perMonth: 4_333n, scheduledCount: 2, scheduledAmount: 2_000n },
    ]);
  });
});
