import { describe, expect, it } from "vitest";
import { monthsEnding, parsePeriod, periodDays, previousPeriod } from "./reporting-period";

describe("reporting periods", () => {
  it("turns presets into calendar ranges around today", () => {
    expect(parsePeriod({ period: "month" }, "2026-03-31")).toMatchObject({ from: "2026-03-01", to: "2026-03-31" });
    // The default: the 30 days ending today (not "this month", which on the 2nd holds two days).
    expect(parsePeriod({}, "2026-03-02")).toEqual({ preset: "30d", label: "Last 30 days", from: "2026-02-01", to: "2026-03-02" });
    expect(parsePeriod({ period: "30d" }, "2026-01-15")).toMatchObject({ from: "2025-12-17", to: "2026-01-15" });
    expect(parsePeriod({ period: "nonsense" }, "2026-02-10")).toMatchObject({ preset: "30d" });
    expect(parsePeriod({ period: "quarter" }, "2026-05-02")).toMatchObject({ from: "2026-04-01", to: "2026-06-30" });
    expect(parsePeriod({ period: "year" }, "2026-05-02")).toMatchObject({ from: "2026-01-01", to: "2026-12-31" });
    expect(parsePeriod({ period: "12m" }, "2026-03-15")).toMatchObject({ from: "2025-04-01", to: "2026-03-15" });
  });

  it("accepts a custom range, swaps a reversed one and ignores invalid dates", () => {
    expect(parsePeriod({ period: "custom", from: "2026-01-10", to: "2026-02-05" }, "2026-03-15")).toMatchObject({ preset: "custom", from: "2026-01-10", to: "2026-02-05" });
    expect(parsePeriod({ period: "custom", from: "2026-02-05", to: "2026-01-10" }, "2026-03-15")).toMatchObject({ from: "2026-01-10", to: "2026-02-05" });
    expect(parsePeriod({ period: "custom", from: "2026-02-30", to: "2026-03-01" }, "2026-03-15")).toMatchObject({ preset: "30d" });
    expect(parsePeriod({ period: "custom", from: "1990-01-01", to: "2026-03-01" }, "2026-03-15")).toMatchObject({ preset: "30d" });
  });

  it("compares with the previous period of equal length", () => {
    expect(previousPeriod({ from: "2026-02-01", to: "2026-03-02" })).toEqual({ from: "2026-01-02", to: "2026-01-31" });
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(previousPeriod({ from: "2026-04-01", to: "2026-06-30" })).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(previousPeriod({ from: "2026-01-01", to: "2026-12-31" })).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    // Not whole months: the same number of days just before.
    expect(previousPeriod({ from: "2025-04-01", to: "2026-03-15" })).toEqual({ from: "2024-04-17", to: "2025-03-31" });
    expect(periodDays({ from: "2024-04-17", to: "2025-03-31" })).toBe(periodDays({ from: "2025-04-01", to: "2026-03-15" }));
  });

  it("lists the twelve months ending with a date's month", () => {
    expect(monthsEnding("2026-02-28")).toEqual(["2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02"]);
  });
});
