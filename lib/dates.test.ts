import { describe, expect, it } from "vitest";
import { isCalendarDate, isIsoDate, MAX_DATE, MIN_DATE } from "./dates";

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
