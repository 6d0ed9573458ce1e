"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { useAppMessages } from "@/components/i18n/app-language";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { saveMissedPolicy } from "@/lib/actions/recurring";
import { catalogs } from "@/lib/i18n/catalogs/app/recurring";
import { z } from "zod";

const schema = z.object({ missedPolicy: z.enum(["draft", "as_scheduled"], { error: "Choose one." }) });

/** Owners and admins: what the jobs do with an occurrence whose date passed while they did not run. */
export function MissedPolicyForm({ missedPolicy }: { missedPolicy: "draft" | "as_scheduled" }) {
  const t = useAppMessages(catalogs);
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(schema, saveMissedPolicy, { defaultValues: { missedPolicy } });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={t("missed.heading")}>
      <div aria-live="polite">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {formMessage ? <Alert tone="success">{formMessage}</Alert> : null}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t("missed.legend")}</legend>
        <label className="flex items-center gap-2 text-sm max-sm:min-h-11">
          <input type="radio" value="draft" {...form.register("missedPolicy")} /> {t("missed.draft")}
        </label>
        <label className="flex items-center gap-2 text-sm max-sm:min-h-11">
          <input type="radio" value="as_scheduled" {...form.register("missedPolicy")} /> {t("missed.asScheduled")}
        </label>
      </fieldset>
      <p className="text-xs text-slate-600">{t("missed.hint")}</p>
      <Button type="submit" variant="secondary" pending={pending}>
        {t("missed.save")}
      </Button>
    </form>
  );
}
