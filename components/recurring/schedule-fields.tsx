"use client";

import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { formatDate, isIsoDate } from "@/lib/dates";
import { LAST_DAY, type Schedule } from "@/lib/recurrence";
import { type RecurringFormValues, toSchedule } from "@/lib/validation/recurring";
import { type EditState, previewDates } from "./preview-dates";
import type { RecurringForm } from "./types";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const UNITS = { weekly: "weeks", monthly: "months", yearly: "years" } as const;

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
  const { register, formState } = form;
  const { errors } = formState;
  const schedule = typedSchedule(values);
  const dates = schedule ? previewDates(schedule, today, edit) : null;
  const field = (name: keyof RecurringFormValues, hint = false) => ({
    invalid: !!errors[name],
    "aria-describedby": describedBy(name, errors[name]?.message as string | undefined, hint),
  });
  const err = (name: keyof RecurringFormValues) => errors[name]?.message as string | undefined;

  return (
    <section aria-labelledby="schedule-heading" className="grid gap-6 rounded-lg border border-slate-200 bg-white p-6 lg:grid-cols-2">
      <h2 id="schedule-heading" className="text-base font-semibold lg:col-span-2">
        Schedule
      </h2>
      <div className="space-y-5">
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-semibold">How often</legend>
          <Field id="frequency" label="Repeats" error={err("frequency")}>
            <Select id="frequency" {...field("frequency")} {...register("frequency")}>
              <option value="weekly">Weekly</option>
              <option value="monthly">Monthly</option>
              <option value="yearly">Yearly</option>
            </Select>
          </Field>
          <Field id="interval" label={`Every how many ${UNITS[values.frequency]}`} error={err("interval")} hint={`1 = every ${UNITS[values.frequency].slice(0, -1)}, 2 = every other one.`}>
            <Input id="interval" inputMode="numeric" {...field("interval", true)} {...register("interval")} />
          </Field>
          {values.frequency === "weekly" ? (
            <Field id="weekday" label="Weekday" error={err("weekday")}>
              <Select id="weekday" {...field("weekday")} {...register("weekday")}>
                {WEEKDAYS.map((name, i) => (
                  <option key={name} value={String(i + 1)}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          {values.frequency === "yearly" ? (
            <Field id="monthOfYear" label="Month" error={err("monthOfYear")}>
              <Select id="monthOfYear" {...field("monthOfYear")} {...register("monthOfYear")}>
                {MONTHS.map((name, i) => (
                  <option key={name} value={String(i + 1)}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          {values.frequency !== "weekly" ? (
            <Field id="dayOfMonth" label="Day of the month" error={err("dayOfMonth")} hint="A day the month lacks is its last day (30 in February is 28 or 29).">
              <Select id="dayOfMonth" {...field("dayOfMonth", true)} {...register("dayOfMonth")}>
                {Array.from({ length: LAST_DAY - 1 }, (_, i) => (
                  <option key={i + 1} value={String(i + 1)}>
                    {i + 1}
                  </option>
                ))}
                <option value={String(LAST_DAY)}>Last day</option>
              </Select>
            </Field>
          ) : null}
          <Field id="startDate" label="Start date" error={err("startDate")} hint="The first invoice is on the first scheduled date from here (and not before today).">
            <Input id="startDate" type="date" {...field("startDate", true)} {...register("startDate")} />
          </Field>
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="mb-2 text-sm font-semibold">Ends</legend>
          <label className="flex items-center gap-2 text-sm max-sm:min-h-11">
            <input type="radio" value="never" {...register("endType")} /> Never
          </label>
          <label className="flex items-center gap-2 text-sm max-sm:min-h-11">
            <input type="radio" value="after" {...register("endType")} /> After a number of invoices
          </label>
          {values.endType === "after" ? (
            <div className="ml-6 max-w-48">
              <Field id="endAfterCount" label="Invoices in total" error={err("endAfterCount")}>
                <Input id="endAfterCount" inputMode="numeric" {...field("endAfterCount")} {...register("endAfterCount")} />
              </Field>
            </div>
          ) : null}
          <label className="flex items-center gap-2 text-sm max-sm:min-h-11">
            <input type="radio" value="on" {...register("endType")} /> On a date
          </label>
          {values.endType === "on" ? (
            <div className="ml-6 max-w-56">
              <Field id="endDate" label="End date" error={err("endDate")} hint="The last invoice is on or before this date.">
                <Input id="endDate" type="date" {...field("endDate", true)} {...register("endDate")} />
              </Field>
            </div>
          ) : null}
        </fieldset>
      </div>

      <div>
        <h3 className="text-sm font-semibold">Next 12 dates</h3>
        {/* Announce the first date as the schedule changes, not all twelve on every keystroke. */}
        <p aria-live="polite" className="sr-only">
          {dates?.[0] ? `First date: ${formatDate(dates[0], locale)}` : ""}
        </p>
        {!dates ? (
          <p className="mt-2 text-sm text-slate-700">The dates appear when the schedule is complete.</p>
        ) : dates.length === 0 ? (
          <p role="alert" className="mt-2 text-sm text-red-700">This schedule has no date from today on. Check the start and end.</p>
        ) : (
          <ol aria-label="Next dates" className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-sm tabular-nums">
            {dates.map((d) => (
              <li key={d}>{formatDate(d, locale)}</li>
            ))}
          </ol>
        )}
        {dates && dates.length > 0 && dates.length < 12 ? <p className="mt-2 text-xs text-slate-600">The schedule ends after these.</p> : null}
        <p className="mt-3 text-xs text-slate-600">Dates are calendar days in your organisation&apos;s time zone.</p>
      </div>
    </section>
  );
}
