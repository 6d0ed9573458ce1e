"use client";

import { useAppMessages } from "@/components/i18n/app-language";
import { describedBy, Field, Input } from "@/components/ui/field";
import { catalogs } from "@/lib/i18n/catalogs/app/recurring-editor";
import type { RecurringFormValues } from "@/lib/validation/recurring";
import type { RecurringForm } from "./types";

/** What each occurrence does (draft, issue, or issue and email, with or without the PDF) and its payment terms. */
export function ActionFields({ form, values, emailOff }: { form: RecurringForm; values: RecurringFormValues; emailOff: boolean }) {
  const t = useAppMessages(catalogs);
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <section aria-labelledby="each-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="each-heading" className="text-base font-semibold">
        {t("action.heading")}
      </h2>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-semibold">{t("action.legend")}</legend>
        <label className="flex items-center gap-2 text-sm max-sm:min-h-11">
          <input type="radio" value="draft" {...register("action")} /> {t("action.draft")}
        </label>
        <label className="flex items-center gap-2 text-sm max-sm:min-h-11">
          <input type="radio" value="issue" {...register("action")} /> {t("action.issue")}
        </label>
        <label className="flex items-center gap-2 text-sm max-sm:min-h-11">
          <input type="radio" value="send" aria-describedby={emailOff ? "send-without-email" : undefined} {...register("action")} /> {t("action.send")}
        </label>
        {/* Saving still works; the run refuses to create an invoice nobody would receive (lib/services/recurring.ts assertCanBill). */}
        {emailOff ? (
          <p id="send-without-email" className="ml-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("action.sendWithoutEmail")}
          </p>
        ) : null}
        {values.action === "send" ? (
          <label className="ml-6 flex items-center gap-2 text-sm max-sm:min-h-11">
            <input type="checkbox" {...register("attachPdf")} /> {t("action.attachPdf")}
          </label>
        ) : null}
        {errors.action?.message ? (
          <p role="alert" className="text-sm text-red-700">
            {errors.action.message}
          </p>
        ) : null}
      </fieldset>
      <div className="max-w-56">
        <Field id="paymentTermsDays" label={t("action.paymentTerms")} error={errors.paymentTermsDays?.message} hint={t("action.paymentTermsHint")}>
          <Input
            id="paymentTermsDays"
            inputMode="numeric"
            invalid={!!errors.paymentTermsDays}
            aria-describedby={describedBy("paymentTermsDays", errors.paymentTermsDays?.message, true)}
            {...register("paymentTermsDays")}
          />
        </Field>
      </div>
    </section>
  );
}
