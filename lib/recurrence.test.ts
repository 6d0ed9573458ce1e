import { describe, expect, it } from "vitest";
import { monthlyEquivalent } from "./money";
import { describeSchedule, dueOccurrences, nextOccurrence, occurrencePeriod, resolvePlaceholders, type Schedule, upcomingDates } from "./recurrence";

const monthly = (dayOfMonth: number, startDate: string, extra: Partial<Schedule> = {}): Schedule => ({ frequency: "monthly", interval: 1, dayOfMonth, startDate, endType: "never", ...extra });

describe("recurring schedules (calendar dates)", () => {
  it("monthly on the 31st falls on each month's last day without drifting", () => {
    expect(upcomingDates(monthly(31, "2027-01-01"), "2027-01-31", 0, 4)).toEqual(["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"]);
    expect(upcomingDates(monthly(31, "2028-01-01"), "2028-01-31", 0, 3)).toEqual(["2028-01-31", "2028-02-29", "2028-03-31"]);
  });

  it("monthly on the 30th keeps the 30th after February", () => {
    expect(upcomingDates(monthly(30, "2027-01-30"), "2027-01-30", 0, 3)).toEqual(["2027-01-30", "2027-02-28", "2027-03-30"]);
  });

  it("starts the month after when the day has passed in the start month", () => {
    expect(nextOccurrence(monthly(15, "2026-12-20"), null, 0)).toBe("2027-01-15");
    expect(nextOccurrence(monthly(15, "2026-12-15"), null, 0)).toBe("2026-12-15");
  });

  it("every 3 months counts from the first occurrence", () => {
    const s = monthly(1, "2026-11-02", { interval: 3 });
    expect(upcomingDates(s, nextOccurrence(s, null, 0), 0, 3)).toEqual(["2026-12-01", "2027-03-01", "2027-06-01"]);
  });

  it("yearly on 29 February gives 28 February in other years", () => {
    const s: Schedule = { frequency: "yearly", interval: 1, dayOfMonth: 29, monthOfYear: 2, startDate: "2028-02-29", endType: "never" };
    expect(upcomingDates(s, "2028-02-29", 0, 5)).toEqual(["2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29"]);
  });

  it("yearly from June runs in June, not on 1 January", () => {
    const s: Schedule = { frequency: "yearly", interval: 1, dayOfMonth: 15, monthOfYear: 6, startDate: "2026-12-02", endType: "never" };
    expect(upcomingDates(s, nextOccurrence(s, null, 0), 0, 2)).toEqual(["2027-06-15", "2028-06-15"]);
  });

  it("every 2 weeks on Monday starts on the first Monday on or after the start (2026-12-02 is a Wednesday)", () => {
    const s: Schedule = { frequency: "weekly", interval: 2, weekday: 1, startDate: "2026-12-02", endType: "never" };
    expect(upcomingDates(s, nextOccurrence(s, null, 0), 0, 3)).toEqual(["2026-12-07", "2026-12-21", "2027-01-04"]);
  });

  it("ends after N occurrences or on a date", () => {
    const after = monthly(1, "2027-01-01", { endType: "after", endAfterCount: 2 });
    expect(upcomingDates(after, "2027-01-01", 0, 12)).toEqual(["2027-01-01", "2027-02-01"]);
    expect(nextOccurrence(after, "2027-02-01", 2)).toBeNull();
    const on = monthly(1, "2027-01-01", { endType: "on", endDate: "2027-03-01" });
    expect(upcomingDates(on, "2027-01-01", 0, 12)).toEqual(["2027-01-01", "2027-02-01", "2027-03-01"]);
  });

  it("due occurrences are those on or before today, in date order", () => {
    const s: Schedule = { frequency: "weekly", interval: 1, weekday: 3, startDate: "2026-11-04", endType: "never" };
    expect(dueOccurrences(s, "2026-11-11", 1, "2026-12-02")).toEqual(["2026-11-11", "2026-11-18", "2026-11-25", "2026-12-02"]);
    expect(dueOccurrences(s, "2026-12-09", 5, "2026-12-02")).toEqual([]);
  });

  it("resolves placeholders against the occurrence's period, in the document's language", () => {
    const s = monthly(1, "2027-03-01");
    const period = occurrencePeriod(s, "2027-03-01");
    expect(period).toEqual({ start: "2027-03-01", end: "2027-03-31" });
    expect(resolvePlaceholders("Hosting {month} {year} ({period_start} to {period_end})", period, "en-US")).toBe("Hosting March 2027 (Mar 1, 2027 to Mar 31, 2027)");
    expect(resolvePlaceholders("Hébergement {month}", period, "fr-FR")).toBe("Hébergement mars");
    // ICU separates a range with thin spaces.
    expect(resolvePlaceholders("{period}", period, "en-GB").replace(/\s/gu, " ")).toBe("1 – 31 Mar 2027");
  });

  it("describes a schedule in words", () => {
    expect(describeSchedule(monthly(31, "2027-01-01"))).toBe("Every month on the last day");
    expect(describeSchedule({ frequency: "weekly", interval: 2, weekday: 5, startDate: "2027-01-01", endType: "never" })).toBe("Every 2 weeks on Friday");
  });
});

describe("monthlyEquivalent", () => {
  it("normalises weekly, monthly and yearly amounts to a month (half away from zero)", () => {
    // 100.00 weekly: 10000 × 52 / 12 = 43333.33… → 43333
    expect(monthlyEquivalent(10000, "weekly", 1)).toBe(43333);
    // 1,200.00 every 2 weeks: 120000 × 52 / 24 = 260000
    expect(monthlyEquivalent(120000, "weekly", 2)).toBe(260000);
    // 99.99 every 3 months: 9999 / 3 = 3333
    expect(monthlyEquivalent(9999, "monthly", 3)).toBe(3333);
    // 1,000.00 yearly: 100000 / 12 = 8333.33… → 8333; 0.18 yearly: 18 / 12 = 1.5 → 2
    expect(monthlyEquivalent(100000, "yearly", 1)).toBe(8333);
    expect(monthlyEquivalent(18, "yearly", 1)).toBe(2);
  });
});
