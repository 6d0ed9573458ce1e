import { describe, expect, it } from "vitest";
import { daysBetween, formatDate, formatDateOf, formatDateTime, isCalendarDate, isIsoDate, MAX_DATE, MIN_DATE, rolledDates } from "./dates";

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

// Expected values worked by hand from the zones' rules: the EU changes clocks at 01:00 UTC on the
// last Sunday of March (29 March 2026: CET +1 → CEST +2) and of October (25 October 2026: back to
// +1); New York moves from EST −5 to EDT −4 at 07:00 UTC on 8 March 2026; Sydney is +10 in July.
describe("formatDateTime: a moment as the organisation's wall clock shows it", () => {
  const berlin = { locale: "en-GB", timeZone: "Europe/Berlin" };

  it("is 03:30 in Berlin at 01:30 UTC once summer time has begun, 01:30 half an hour before the change", () => {
    expect(formatDateTime("2026-03-29T01:30:00Z", berlin)).toBe("29 Mar 2026, 03:30");
    expect(formatDateTime("2026-03-29T00:30:00Z", berlin)).toBe("29 Mar 2026, 01:30");
  });

  it("shows the repeated hour twice when summer time ends (00:30 and 01:30 UTC are both 02:30)", () => {
    const de = { locale: "de-DE", timeZone: "Europe/Berlin" };
    expect(formatDateTime("2026-10-25T00:30:00Z", de)).toBe("25.10.2026, 02:30");
    expect(formatDateTime("2026-10-25T01:30:00Z", de)).toBe("25.10.2026, 02:30");
  });

  it("follows the locale's own format and takes a Date as well as an ISO string", () => {
    // 10:05 UTC is 06:05 EDT (it would be 05:05 EST the day before).
    expect(formatDateTime(new Date("2026-03-08T10:05:00Z"), { locale: "en-US", timeZone: "America/New_York" })).toMatch(/^Mar 8, 2026, 6:05\sAM$/);
    expect(formatDateTime("2026-03-12T14:00:00Z", { locale: "fr-FR", timeZone: "UTC" })).toBe("12 mars 2026, 14:00");
  });

  it("prints nothing for no moment", () => {
    expect(formatDateTime(null, berlin)).toBe("");
    expect(formatDateTime(undefined, berlin)).toBe("");
  });

  it("keeps formats apart by zone (the cache key includes it)", () => {
    expect(formatDateTime("2026-01-15T12:00:00Z", { locale: "en-GB", timeZone: "UTC" })).toBe("15 Jan 2026, 12:00");
    expect(formatDateTime("2026-01-15T12:00:00Z", { locale: "en-GB", timeZone: "Asia/Tokyo" })).toBe("15 Jan 2026, 21:00");
  });
});

describe("formatDateOf and formatDate", () => {
  it("dates a moment by the organisation's calendar: 23:30 UTC on 30 June is 1 July in Sydney", () => {
    expect(formatDateOf("2026-06-30T23:30:00Z", { locale: "en-GB", timeZone: "Australia/Sydney" })).toBe("1 Jul 2026");
    expect(formatDateOf("2026-06-30T23:30:00Z", { locale: "en-GB", timeZone: "UTC" })).toBe("30 Jun 2026");
  });

  it("prints a calendar date as stored, in the same style as the moments", () => {
    expect(formatDate("2026-03-29", "en-GB")).toBe("29 Mar 2026");
    expect(formatDate("2026-03-29", "de-DE")).toBe("29.03.2026");
    expect(formatDate(null, "en-GB")).toBe("");
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
