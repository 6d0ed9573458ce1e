"use client";

import { useAppLanguage, useAppMessages } from "@/components/i18n/app-language";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { catalogs } from "@/lib/i18n/catalogs/app/recurring-editor";
import { formatDate, isIsoDate } from "@/lib/dates";
import { LAST_DAY, type Schedule } from "@/lib/recurrence";
import { type RecurringFormValues, toSchedule } from "@/lib/validation/recurring";
import { useHydrated } from "@/components/ui/use-hydrated";
import { type EditState, previewDates } from "./preview-dates";
import type { RecurringForm } from "./types";

// Names in the app's language (English exactly as before: en-US long names), not the organisation's date format.
const NAME_LOCALE = { en: "en-US", de: "de-DE" } as const;
const weekdayNames = (locale: string) => Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1 + i))));
const monthNames = (locale: string) => Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, i, 1))));

/** The schedule as typed so far, or null while a field that decides the dates is incomplete. */
export function typedSchedule(v: RecurringFormValues): Schedule | null {
  const whole = (text: string | undefined, min: number, max: number) => /^\d{1,6}$/.test((text ?? "").trim()) && Number(text) >= min && Number(text) <= max;
  if (!whole(v.interval, 1, 52) || !isIsoDate(v.startDate)) return null;
  if (v.endType === "after" && !whole(v.endAfterCount, 1, 1000)) return null;
  if (v.endType === "on" && !isIsoDate(v.endDate)) return null;
  return toSchedule(v);
}

/** Frequency, "every N", the day, the start and the end, with the next 12 dates as the server will create them. */
export function ScheduleFields({ form, values, today, edit, locale }: { form: RecurringForm; values: RecurringFormValues; today: string; edit: EditState | null; locale: string }) {
  const t = useAppMessages(catalogs);
  const nameLocale = NAME_LOCALE[useAppLanguage()];
  const { register, formState } = form;
  const { errors } = formState;
  const schedule = typedSchedule(values);
  // The dates are formatted in the browser only (components/ui/use-hydrated.ts): until then the list
  // keeps its place with a neutral line, so the server's HTML and the first client render agree.
  const hydrated = useHydrated();
  const dates = schedule ? previewDates(schedule, today, edit) : null;
  const field = (name: keyof RecurringFormValues, hint = false) => ({
    invalid: !!errors[name],
    "aria-describedby": describedBy(name, errors[name]?.message as string | undefined, hint),
  });
  const err = (name: keyof RecurringFormValues) => errors[name]?.message as string | undefined;

  return (
    <section aria-labelledby="schedule-heading" className="grid gap-6 rounded-lg border border-slate-200 bg-white p-6 lg:grid-cols-2">
      <h2 id="schedule-heading" className="text-base font-semibold lg:col-span-2">
        {t("schedule.heading")}
      </h2>
      <div className="space-y-5">
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-semibold">{t("schedule.howOften")}</legend>
          <Field id="frequency" label={t("schedule.repeats")} error={err("frequency")}>
            <Select id="frequency" {...field("frequency")} {...register("frequency")}>
              <option value="weekly">{t("schedule.weekly")}</option>
              <option value="monthly">{t("schedule.monthly")}</option>
              <option value="yearly">{t("schedule.yearly")}</option>
            </Select>
          </Field>
          <Field id="interval" label={t("schedule.interval", { unit: values.frequency })} error={err("interval")} hint={t("schedule.intervalHint", { unit: values.frequency })}>
            <Input id="interval" inputMode="numeric" {...field("interval", true)} {...register("interval")} />
          </Field>
          {values.frequency === "weekly" ? (
            <Field id="weekday" label={t("schedule.weekday")} error={err("weekday")}>
              <Select id="weekday" {...field("weekday")} {...register("weekday")}>
                {weekdayNames(nameLocale).map((name, i) => (
                  <option key={name} value={String(i + 1)}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          {values.frequency === "yearly" ? (
            <Field id="monthOfYear" label={t("schedule.month")} error={err("monthOfYear")}>
              <Select id="monthOfYear" {...field("monthOfYear")} {...register("monthOfYear")}>
                {monthNames(nameLocale).map((name, i) => (
                  <option key={name} value={String(i + 1)}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          {values.frequency !== "weekly" ? (
            <Field id="dayOfMonth" label={t("schedule.dayOfMonth")} error={err("dayOfMonth")} hint={t("schedule.dayOfMonthHint")}>
              <Select id="dayOfMonth" {...field("dayOfMonth", true)} {...register("dayOfMonth")}>
                {Array.from({ length: LAST_DAY - 1 }, (_, i) => (
                  <option key={i + 1} value={String(i + 1)}>
                    {i + 1}
                  </option>
                ))}
                <option value={String(LAST_DAY)}>{t("schedule.lastDay")}</option>
              </Select>
            </Field>
          ) : null}
          <Field id="startDate" label={t("schedule.startDate")} error={err("startDate")} hint={t("schedule.startDateHint")}>
            <Input id="startDate" type="date" {...field("startDate", true)} {...register("startDate")} />
          </Field>
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="mb-2 text-sm font-semibold">{t("schedule.ends")}</legend>
          <label className="flex items-center gap-2 text-sm max-sm:min-h-11">
            <input type="radio" value="never" {...register("endType")} /> {t("schedule.never")}
          </label>
          <label className="flex items-center gap-2 text-sm max-sm:min-h-11">
            <input type="radio" value="after" {...register("endType")} /> {t("schedule.after")}
          </label>
          {values.endType === "after" ? (
            <div className="ml-6 max-w-48">
              <Field id="endAfterCount" label={t("schedule.endAfterCount")} error={err("endAfterCount")}>
                <Input id="endAfterCount" inputMode="numeric" {...field("endAfterCount")} {...register("endAfterCount")} />
              </Field>
            </div>
          ) : null}
          <label className="flex items-center gap-2 text-sm max-sm:min-h-11">
            <input type="radio" value="on" {...register("endType")} /> {t("schedule.onDate")}
          </label>
          {values.endType === "on" ? (
            <div className="ml-6 max-w-56">
              <Field id="endDate" label={t("schedule.endDate")} error={err("endDate")} hint={t("schedule.endDateHint")}>
                <Input id="endDate" type="date" {...field("endDate", true)} {...register("endDate")} />
              </Field>
            </div>
          ) : null}
        </fieldset>
      </div>

      <div>
        <h3 className="text-sm font-semibold">{t("schedule.next12")}</h3>
        {/* Announce the first date as the schedule changes, not all twelve on every keystroke. */}
        <p aria-live="polite" className="sr-only">
          {hydrated && dates?.[0] ? t("schedule.firstDate", { date: formatDate(dates[0], locale) }) : ""}
        </p>
        {!hydrated ? (
          <p className="mt-2 text-sm text-slate-700" aria-hidden="true">…</p>
        ) : !dates ? (
          <p className="mt-2 text-sm text-slate-700">{t("schedule.incomplete")}</p>
        ) : dates.length === 0 ? (
          <p role="alert" className="mt-2 text-sm text-red-700">{t("schedule.noDates")}</p>
        ) : (
          <ol aria-label={t("schedule.nextDates")} className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-sm tabular-nums">
            {dates.map((d) => (
              <li key={d}>{formatDate(d, locale)}</li>
            ))}
          </ol>
        )}
        {dates && dates.length > 0 && dates.length < 12 ? <p className="mt-2 text-xs text-slate-600">{t("schedule.endsAfterThese")}</p> : null}
        <p className="mt-3 text-xs text-slate-600">{t("schedule.timeZone")}</p>
      </div>
    </section>
  );
}
