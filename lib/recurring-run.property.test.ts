/**
 * Property: in 20 time zones, ten years of job runs every 10 minutes create each occurrence
 * exactly once, on its own local date (never a day early or late), and none is ever missed.
 *
 * The engine's cursor (lib/recurring-run.ts: isDue, plannedOccurrences, advance) is driven exactly
 * as lib/services/recurring.ts drives it, with the organisation's local date taken from Intl at
 * every run. The expected dates are computed independently of lib/recurrence.ts, from the
 * calendar rules themselves. Speed: one cached Intl formatter per zone (what todayIn builds on
 * each call; checked equal to todayIn at every change of date), so the grid stays every 10 minutes.
 */
import { describe, expect, it } from "vitest";
import { addDays, todayIn } from "./dates";
import { occurrenceOnOrAfter, type Schedule } from "./recurrence";
import { advance, type Cursor, isDue, plannedOccurrences } from "./recurring-run";

const ZONES = [
  "Australia/Sydney",
  "America/New_York",
  "Asia/Kathmandu",
  "Pacific/Chatham",
  "Europe/London",
  "America/St_Johns",
  "Asia/Kolkata",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "America/Santiago",
  "Europe/Berlin",
  "Asia/Tokyo",
  "Africa/Cairo",
  "America/Los_Angeles",
  "Australia/Lord_Howe",
  "Asia/Tehran",
  "America/Sao_Paulo",
  "Europe/Dublin",
  "Pacific/Auckland",
  "UTC",
];

const TEN_MINUTES = 10 * 60 * 1000;
// 31 December 2024 00:00 UTC: still 2024 in every zone (Kiritimati, UTC+14, is at 14:00), so every
// profile below starts in the future, as one saved that day would.
const FIRST_RUN = Date.UTC(2024, 11, 31);
const LAST_RUN = Date.UTC(2034, 11, 31);
const START = "2025-01-01";

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** Days in month m (1–12) of year y, from the Gregorian rule rather than from Date. */
const monthLength = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/** Each profile's schedule and its dates from the rule written out by hand, up to the end of 2035. */
const PROFILES: { name: string; schedule: Schedule; expected: () => string[] }[] = [
  {
    name: "monthly on the last day",
    schedule: { frequency: "monthly", interval: 1, dayOfMonth: 31, startDate: START, endType: "never" },
    expected: () => {
      const dates: string[] = [];
      for (let y = 2025; y <= 2035; y++) for (let m = 1; m <= 12; m++) dates.push(ymd(y, m, monthLength(y, m)));
      return dates;
    },
  },
  {
    name: "yearly on 29 February",
    schedule: { frequency: "yearly", interval: 1, dayOfMonth: 29, monthOfYear: 2, startDate: START, endType: "never" },
    expected: () => Array.from({ length: 11 }, (_, i) => ymd(2025 + i, 2, monthLength(2025 + i, 2))),
  },
  {
    name: "every 2 weeks on Monday",
    schedule: { frequency: "weekly", interval: 2, weekday: 1, startDate: START, endType: "never" },
    expected: () => {
      // 1 January 2025 is a Wednesday: the first Monday is the 6th, then every 14 days.
      const dates: string[] = [];
      let y = 2025, m = 1, d = 6;
      while (y <= 2035) {
        dates.push(ymd(y, m, d));
        d += 14;
        while (d > monthLength(y, m)) {
          d -= monthLength(y, m);
          m++;
          if (m > 12) [m, y] = [1, y + 1];
        }
      }
      return dates;
    },
  },
  {
    name: "every 3 months on the 30th, 15 times",
    schedule: { frequency: "monthly", interval: 3, dayOfMonth: 30, startDate: START, endType: "after", endAfterCount: 15 },
    expected: () => Array.from({ length: 15 }, (_, i) => {
      const month = i * 3;
      const y = 2025 + Math.floor(month / 12), m = (month % 12) + 1;
      return ymd(y, m, Math.min(30, monthLength(y, m)));
    }),
  },
];

describe("recurring cursor, every 10 minutes for 10 years", () => {
  it.each(ZONES)("%s: each occurrence once, on its local date", (zone) => {
    const format = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
    // As saveProfile leaves a new profile: the first date on or after the start, nothing created yet.
    const cursors: Cursor[] = PROFILES.map((p) => ({ nextDate: occurrenceOnOrAfter(p.schedule, START, 0), occurrenceCount: 0 }));
    const created: string[][] = PROFILES.map(() => []);
    const wrongDay: string[] = [];
    let today = "";
    let days = 0;
    for (let at = FIRST_RUN; at <= LAST_RUN; at += TEN_MINUTES) {
      const local = format.format(at);
      if (local !== today) {
        // The engine's own function agrees with the cached formatter, and the grid sees every local date.
        if (local !== todayIn(zone, new Date(at))) throw new Error(`${zone}: formatter ${local} differs from todayIn`);
        if (today && local !== addDays(today, 1)) throw new Error(`${zone}: local date went from ${today} to ${local}`);
        today = local;
        days++;
      }
      for (let i = 0; i < PROFILES.length; i++) {
        const cursor = cursors[i]!;
        if (!isDue(cursor, today)) continue;
        for (const { date, missed } of plannedOccurrences(PROFILES[i]!.schedule, cursor, today)) {
          if (date !== today || missed) wrongDay.push(`${PROFILES[i]!.name}: ${date} created on ${today}`);
          created[i]!.push(date);
          cursors[i] = advance(PROFILES[i]!.schedule, date, cursors[i]!.occurrenceCount);
        }
      }
    }
    expect(wrongDay).toEqual([]);
    // Ten years of local dates, one after another (2025–2034 has 3,652 days; plus 31 December 2024).
    expect(days).toBeGreaterThanOrEqual(3653);
    PROFILES.forEach((p, i) => {
      const expected = p.expected().filter((d) => d <= today);
      expect(created[i], p.name).toEqual(expected);
      expect(new Set(created[i]).size, p.name).toBe(created[i]!.length);
    });
  });
});
