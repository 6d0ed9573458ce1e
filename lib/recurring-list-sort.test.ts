import { describe, expect, it } from "vitest";
import { type SortableProfile, sortProfiles } from "./recurring-list-sort";

const profiles: SortableProfile[] = [
  { name: "Hosting", status: "active", nextDate: "2026-03-01", total: 4_900 },
  { name: "audit", status: "paused", nextDate: null, total: 120_000 },
  { name: "Retainer", status: "active", nextDate: "2026-02-15", total: 250_000 },
  { name: "Backups", status: "ended", nextDate: null, total: 1_000 },
];
const names = (sort: Parameters<typeof sortProfiles>[2], dir: "asc" | "desc") => sortProfiles(profiles, (p) => p, sort, dir, "en").map((p) => p.name);

describe("sortProfiles", () => {
  it("next date: active schedules first either way, soonest or latest among them", () => {
    expect(names("next", "asc")).toEqual(["Retainer", "Hosting", "audit", "Backups"]);
    expect(names("next", "desc")).toEqual(["Hosting", "Retainer", "audit", "Backups"]);
  });

  it("name ignores case; amount compares totals", () => {
    expect(names("name", "asc")).toEqual(["audit", "Backups", "Hosting", "Retainer"]);
    expect(names("amount", "desc")).toEqual(["Retainer", "audit", "Hosting", "Backups"]);
    expect(names("amount", "asc")).toEqual(["Backups", "Hosting", "audit", "Retainer"]);
  });
});
