import { describe, expect, it } from "vitest";
import { daysBetween, isCalendarDate, isIsoDate, MAX_DATE, MIN_DATE, rolledDates } from "./dates";

describe("isIsoDate", () => {
  it("accepts real days from 1900-01-01 to 2199-12-31", () => {
    expect([MIN_DATE, MAX_DATE]).toEqual(["1900-01-01", "2199-12-31"]);
    for (const d of ["1900-01-01", "2026-02-28", "2028-02-29", "2199-12-31"]) expect(isIsoDate(d), d).toBe(true);
  });

  it("refuses impossible days, other shapes and years outside the range", () => {
    for (const d of ["2026-99-99", "2026-02-29", "2026-13-01", "2026-1-1", "20260101", "2026-01-01T00:00", " 2026-01-01", "0000-01-01", "0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31", ""]) {
      expect(isIsoDate(d), d).toBe(false);
    }
    expect(isIsoDate(undefined)).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
  });

  it("tells a real but out-of-range day (a range error) from an impossible one", () => {
    expect(isCalendarDate("0000-01-01")).toBe(true);
    expect(isCalendarDate("2026-99-99")).toBe(false);
  });
});

describe("rolledDates", () => {
  it("dates a copy today and keeps the original's term", () => {
    // Issued March 1, due March 31: 30 days. Copied on 2026-12-20 → due 2027-01-19.
    expect(rolledDates({ issueDate: "2026-03-01", dueDate: "2026-03-31" }, "2026-12-20")).toEqual({ issueDate: "2026-12-20", dueDate: "2027-01-19" });
    // Due on issue stays due on issue; no due date stays none.
    expect(rolledDates({ issueDate: "2026-03-01", dueDate: "2026-03-01" }, "2026-05-05")).toEqual({ issueDate: "2026-05-05", dueDate: "2026-05-05" });
    expect(rolledDates({ issueDate: "2026-03-01", dueDate: null }, "2026-05-05")).toEqual({ issueDate: "2026-05-05", dueDate: null });
  });

  it("counts days across a leap day", () => {
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2026-03-31", "2026-03-01")).toBe(-30);
  });
});
