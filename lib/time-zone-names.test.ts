import { describe, expect, it } from "vitest";
import { timeZoneLabel, timeZoneNames } from "./time-zone-names";

const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Not/A_Zone"];

describe("time zone labels", () => {
  it("name each zone in the app language after its id", () => {
    const de = timeZoneNames(ZONES, "de");
    expect(timeZoneLabel("Europe/Berlin", de)).toBe("Europe/Berlin · Mitteleuropäische Zeit");
    expect(timeZoneLabel("America/New_York", de)).toBe("America/New York · Nordamerikanische Ostküstenzeit");
    const en = timeZoneNames(ZONES, "en");
    expect(timeZoneLabel("Europe/Berlin", en)).toBe("Europe/Berlin · Central European Time");
    expect(timeZoneLabel("Asia/Kolkata", en)).toBe("Asia/Kolkata · India Standard Time");
  });

  it("show UTC and zones without a name by their id alone", () => {
    const en = timeZoneNames(ZONES, "en");
    expect(timeZoneLabel("UTC", en)).toBe("UTC");
    expect(timeZoneLabel("Not/A_Zone", en)).toBe("Not/A Zone");
    expect(timeZoneLabel("Europe/Berlin", undefined)).toBe("Europe/Berlin");
  });
});
