import { describe, expect, it } from "vitest";
import type { Schedule } from "./recurrence";
import { advance, isDue, occurrenceAction, OCCURRENCES_PER_RUN, plannedOccurrences } from "./recurring-run";

const weekly: Schedule = { frequency: "weekly", interval: 1, weekday: 1, startDate: "2027-03-01", endType: "never" };

describe("the recurring job's cursor", () => {
  it("is due once the local date reaches the next date, never before; an ended profile never", () => {
    expect(isDue({ nextDate: "2027-03-15", occurrenceCount: 0 }, "2027-03-14")).toBe(false);
    expect(isDue({ nextDate: "2027-03-15", occurrenceCount: 0 }, "2027-03-15")).toBe(true);
    expect(isDue({ nextDate: "2027-03-15", occurrenceCount: 0 }, "2027-04-02")).toBe(true);
    expect(isDue({ nextDate: null, occurrenceCount: 12 }, "2027-04-02")).toBe(false);
  });

  it("plans the due dates in order; those before today were missed", () => {
    // Mondays from 1 March; the job runs again on Tuesday 23 March.
    expect(plannedOccurrences(weekly, { nextDate: "2027-03-08", occurrenceCount: 1 }, "2027-03-23")).toEqual([
      { date: "2027-03-08", missed: true },
      { date: "2027-03-15", missed: true },
      { date: "2027-03-22", missed: true },
    ]);
    expect(plannedOccurrences(weekly, { nextDate: "2027-03-22", occurrenceCount: 3 }, "2027-03-22")).toEqual([{ date: "2027-03-22", missed: false }]);
  });

  it("plans at most 100 per run after a long outage; the rest come in the next runs", () => {
    // Three years of Mondays (156) were missed: the first 100, from 1 March 2027, 7 days apart.
    const planned = plannedOccurrences(weekly, { nextDate: "2027-03-01", occurrenceCount: 0 }, "2030-03-01");
    expect(OCCURRENCES_PER_RUN).toBe(100);
    expect(planned).toHaveLength(100);
    expect(planned[0]).toEqual({ date: "2027-03-01", missed: true });
    // 99 weeks after 1 March 2027 (693 days): 22 January 2029.
    expect(planned[99]).toEqual({ date: "2029-01-22", missed: true });
  });

  it("advances to the next date and counts; 'end after N' ends on the N-th", () => {
    expect(advance(weekly, "2027-03-01", 0)).toEqual({ nextDate: "2027-03-08", occurrenceCount: 1 });
    const twice: Schedule = { ...weekly, endType: "after", endAfterCount: 2 };
    expect(advance(twice, "2027-03-01", 0)).toEqual({ nextDate: "2027-03-08", occurrenceCount: 1 });
    expect(advance(twice, "2027-03-08", 1)).toEqual({ nextDate: null, occurrenceCount: 2 });
    const until: Schedule = { ...weekly, endType: "on", endDate: "2027-03-10" };
    expect(advance(until, "2027-03-08", 1)).toEqual({ nextDate: null, occurrenceCount: 2 });
  });

  it("a missed occurrence is a draft for review unless the organisation chose 'as scheduled'", () => {
    expect(occurrenceAction("send", true, "draft")).toBe("draft");
    expect(occurrenceAction("send", true, "as_scheduled")).toBe("send");
    expect(occurrenceAction("send", false, "draft")).toBe("send");
    expect(occurrenceAction("issue", false, "draft")).toBe("issue");
  });
});
