import { describe, expect, it } from "vitest";
import { describeSchedule, type Schedule } from "./recurrence";

const base = { startDate: "2027-01-01", endType: "never" } as const;
const weekly = (interval: number, weekday: number): Schedule => ({ ...base, frequency: "weekly", interval, weekday });
const monthly = (interval: number, dayOfMonth: number): Schedule => ({ ...base, frequency: "monthly", interval, dayOfMonth });
const yearly = (interval: number, monthOfYear: number, dayOfMonth: number): Schedule => ({ ...base, frequency: "yearly", interval, monthOfYear, dayOfMonth });

describe("a schedule in words", () => {
  it("reads in English as it always has", () => {
    expect(describeSchedule(weekly(1, 1))).toBe("Every week on Monday");
    expect(describeSchedule(weekly(2, 5), "en")).toBe("Every 2 weeks on Friday");
    expect(describeSchedule(monthly(1, 15))).toBe("Every month on day 15");
    expect(describeSchedule(monthly(3, 1))).toBe("Every 3 months on day 1");
    expect(describeSchedule(monthly(1, 31))).toBe("Every month on the last day");
    expect(describeSchedule(yearly(1, 6, 1))).toBe("Every year on June 1");
    expect(describeSchedule(yearly(2, 2, 29))).toBe("Every 2 years on February 29");
    expect(describeSchedule(yearly(1, 2, 31))).toBe("Every year on the last day of February");
  });

  it("reads in German, with German weekday and month names", () => {
    expect(describeSchedule(weekly(1, 1), "de")).toBe("Jede Woche am Montag");
    expect(describeSchedule(weekly(2, 5), "de")).toBe("Alle 2 Wochen am Freitag");
    expect(describeSchedule(weekly(1, 7), "de")).toBe("Jede Woche am Sonntag");
    expect(describeSchedule(monthly(1, 15), "de")).toBe("Jeden Monat am 15.");
    expect(describeSchedule(monthly(3, 1), "de")).toBe("Alle 3 Monate am 1.");
    expect(describeSchedule(monthly(1, 31), "de")).toBe("Jeden Monat am letzten Tag des Monats");
    expect(describeSchedule(monthly(2, 31), "de")).toBe("Alle 2 Monate am letzten Tag des Monats");
    expect(describeSchedule(yearly(1, 6, 1), "de")).toBe("Jedes Jahr am 1. Juni");
    expect(describeSchedule(yearly(2, 2, 29), "de")).toBe("Alle 2 Jahre am 29. Februar");
    expect(describeSchedule(yearly(1, 3, 31), "de")).toBe("Jedes Jahr am letzten Tag im März");
  });
});
