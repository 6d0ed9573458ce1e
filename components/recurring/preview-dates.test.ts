/** The form's 12-date preview, worked by hand from the calendar. */
import { describe, expect, it } from "vitest";
import type { Schedule } from "@/lib/recurrence";
import { previewDates } from "./preview-dates";

const monthly = (dayOfMonth: number, startDate: string, end: Partial<Schedule> = {}): Schedule => ({ frequency: "monthly", interval: 1, dayOfMonth, startDate, endType: "never", ...end });

describe("previewDates", () => {
  it("a new profile on the last day, from 10 January 2028 (a leap year): 31 Jan, 29 Feb, 31 Mar …", () => {
    expect(previewDates(monthly(31, "2028-01-10"), "2028-01-10", null)).toEqual([
      "2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30", "2028-05-31", "2028-06-30",
      "2028-07-31", "2028-08-31", "2028-09-30", "2028-10-31", "2028-11-30", "2028-12-31",
    ]);
  });

  it("a new profile whose start date has passed starts today when today is its day, not on the start date", () => {
    expect(previewDates(monthly(15, "2027-01-01"), "2027-03-15", null, 3)).toEqual(["2027-03-15", "2027-04-15", "2027-05-15"]);
    expect(previewDates(monthly(15, "2027-01-01"), "2027-03-16", null, 2)).toEqual(["2027-04-15", "2027-05-15"]);
  });

  it("stops at the end: after 3 invoices, or on 20 February", () => {
    expect(previewDates(monthly(1, "2027-01-01", { endType: "after", endAfterCount: 3 }), "2027-01-01", null)).toEqual(["2027-01-01", "2027-02-01", "2027-03-01"]);
    expect(previewDates(monthly(1, "2027-01-01", { endType: "on", endDate: "2027-02-20" }), "2026-12-20", null)).toEqual(["2027-01-01", "2027-02-01"]);
  });

  it("every 2 weeks on Friday from Wednesday 6 January 2027: 8 Jan, 22 Jan, 5 Feb", () => {
    expect(previewDates({ frequency: "weekly", interval: 2, weekday: 5, startDate: "2027-01-06", endType: "never" }, "2027-01-06", null, 3)).toEqual(["2027-01-08", "2027-01-22", "2027-02-05"]);
  });

  it("yearly on 29 February gives 28 February outside leap years", () => {
    expect(previewDates({ frequency: "yearly", interval: 1, dayOfMonth: 29, monthOfYear: 2, startDate: "2027-01-01", endType: "never" }, "2027-01-01", null, 2)).toEqual(["2027-02-28", "2028-02-29"]);
  });

  it("an edit continues after the last invoice created, and counts it towards the end", () => {
    // Created 1 January and 1 February; edited on 10 February to the 15th, ending after 4.
    const s = monthly(15, "2027-01-01", { endType: "after", endAfterCount: 4 });
    expect(previewDates(s, "2027-02-10", { lastCreated: "2027-02-01", pending: "2027-03-01", created: 2 })).toEqual(["2027-02-15", "2027-03-15"]);
  });

  it("an edit keeps an occurrence that is due and not yet created (the jobs were down)", () => {
    expect(previewDates(monthly(1, "2027-01-01"), "2027-02-10", { lastCreated: "2027-01-01", pending: "2027-02-01", created: 1 }, 2)).toEqual(["2027-02-01", "2027-03-01"]);
  });
});
