import { describe, expect, it } from "vitest";
import { appTranslator } from "@/lib/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/jobs";
import { catalogs as settingsCatalogs } from "@/lib/i18n/catalogs/app/settings";
import type { ForecastInvoice } from "@/lib/data/job-ledger";
import { mergeForecast, reminderForecast } from "@/lib/services/job-ledger";
import { type ForecastItem, forecastWhat } from "./forecast-words";

// The step as the jobs page words it (app/(app)/settings/jobs/page.tsx), in each language.
const stepIn = (language: "en" | "de") => {
  const ts = appTranslator(settingsCatalogs, language);
  return (step: number) => (step === 0 ? ts("reminders.form.onDueDate") : ts(step < 0 ? "reminders.form.before" : "reminders.form.after", { days: Math.abs(step) }));
};

const invoice = (over: Partial<ForecastInvoice>): ForecastInvoice => ({
  id: "inv-1",
  number: "RE-2026-0042",
  dueDate: "2026-03-10",
  currency: "EUR",
  balance: 119_00,
  enabled: true,
  steps: [-3, 0, 7],
  paused: false,
  overrideSteps: null,
  promisedOn: null,
  sent: [],
  ...over,
});

describe("the job ledger's forecast lines", () => {
  it("gives each reminder its invoice number and step as data, not English words", () => {
    const items = reminderForecast([invoice({})], "2026-03-01", "2026-03-31");
    expect(items).toEqual([
      { date: "2026-03-07", kind: "reminder", number: "RE-2026-0042", step: -3, amount: 119_00, currency: "EUR", id: "inv-1" },
      { date: "2026-03-10", kind: "reminder", number: "RE-2026-0042", step: 0, amount: 119_00, currency: "EUR", id: "inv-1" },
      { date: "2026-03-17", kind: "reminder", number: "RE-2026-0042", step: 7, amount: 119_00, currency: "EUR", id: "inv-1" },
    ]);
  });

  it("words a reminder in German, and in English", () => {
    const de = appTranslator(catalogs, "de");
    const en = appTranslator(catalogs, "en");
    const item = (step: number, number: string | null = "RE-2026-0042"): ForecastItem => ({ date: "2026-03-17", kind: "reminder", number, step, amount: 1, currency: "EUR", id: "x" });
    expect(forecastWhat(de, stepIn("de"), item(7))).toBe("RE-2026-0042: 7 Tage nach dem Fälligkeitsdatum");
    expect(forecastWhat(de, stepIn("de"), item(-1))).toBe("RE-2026-0042: 1 Tag vor dem Fälligkeitsdatum");
    expect(forecastWhat(de, stepIn("de"), item(0))).toBe("RE-2026-0042: Am Fälligkeitsdatum");
    expect(forecastWhat(de, stepIn("de"), item(14, null))).toBe("Rechnung: 14 Tage nach dem Fälligkeitsdatum");
    expect(forecastWhat(en, stepIn("en"), item(7))).toBe("RE-2026-0042: 7 days after the due date");
    expect(forecastWhat(en, stepIn("en"), item(-1, null))).toBe("Invoice: 1 day before the due date");
  });

  it("shows a recurring profile by the name its owner gave it, in any language", () => {
    const de = appTranslator(catalogs, "de");
    const item: ForecastItem = { date: "2026-03-01", kind: "recurring", name: "Monthly retainer", amount: 1, currency: "EUR", id: "p" };
    expect(forecastWhat(de, stepIn("de"), item)).toBe("Monthly retainer");
  });

  it("orders a day's rows recurring first, then by name or invoice number and step", () => {
    const r = (id: string, number: string, step: number): ForecastItem => ({ date: "2026-03-10", kind: "reminder", number, step, amount: 1, currency: "EUR", id });
    const p: ForecastItem = { date: "2026-03-10", kind: "recurring", name: "Zeta hosting", amount: 1, currency: "EUR", id: "p" };
    const merged = mergeForecast([r("b", "RE-2", 0), r("a", "RE-1", 7)], [p]);
    expect(merged.map((m) => m.id)).toEqual(["p", "a", "b"]);
  });
});
