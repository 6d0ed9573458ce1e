"use client";

import { useTransition, useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { LogoForm } from "@/components/organization/logo-form";
import { useAppMessages } from "@/components/i18n/app-language";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Textarea } from "@/components/ui/field";
import { savePaymentStep, skipPaymentStep } from "@/lib/actions/onboarding";
import { catalogs } from "@/lib/i18n/catalogs/app/onboarding";
import { paymentStepSchema, type PaymentStepInput } from "@/lib/validation/onboarding";

const FORM_ID = "onboarding-payment";

/** Step 3, skippable: how clients pay (IBAN and BIC checked as in Settings) and the logo (its own upload, as in Settings). */
export function PaymentStep({ defaults, orgId, logoVersion, onBack }: { defaults: PaymentStepInput; orgId: string; logoVersion: number | null; onBack: () => void }) {
  const { form, onSubmit, formError, pending } = useActionForm(paymentStepSchema, savePaymentStep, { defaultValues: defaults });
  const t = useAppMessages(catalogs);
  const { errors } = form.formState;
  const [skipping, startSkip] = useTransition();
  const [skipError, setSkipError] = useState<string | null>(null);

  const skip = () =>
    startSkip(async () => {
      setSkipError(null);
      // On success the action redirects to the dashboard; only a failure comes back.
      const result = await skipPaymentStep({});
      if (result && !result.ok) setSkipError(result.message);
    });

  const text = (name: "iban" | "bic", label: string, placeholder: string) => {
    const error = errors[name]?.message;
    return (
      <Field id={name} label={label} error={error}>
        <Input id={name} autoComplete="off" spellCheck={false} placeholder={placeholder} invalid={!!error} aria-describedby={describedBy(name, error)} {...form.register(name)} />
      </Field>
    );
  };
  const detailsError = errors.bankDetails?.message;

  return (
    <div className="space-y-6">
      <form id={FORM_ID} onSubmit={onSubmit} noValidate className="space-y-5">
        <div aria-live="polite">{formError || skipError ? <Alert tone="error">{formError ?? skipError}</Alert> : null}</div>
        <div className="grid gap-5 sm:grid-cols-2">
          {text("iban", "IBAN", "FR76 3000 6000 0112 3456 7890 189")}
          {text("bic", "BIC", "AGRIFRPP")}
        </div>
        <Field id="bankDetails" label={t("payment.details")} error={detailsError} hint={t("payment.detailsHint")}>
          <Textarea id="bankDetails" rows={3} invalid={!!detailsError} aria-describedby={describedBy("bankDetails", detailsError, true)} {...form.register("bankDetails")} />
        </Field>
      </form>
      <section aria-labelledby="onboarding-logo-heading" className="border-t border-slate-200 pt-5">
        <h3 id="onboarding-logo-heading" className="mb-3 text-sm font-semibold">{t("payment.logo")}</h3>
        <LogoForm orgId={orgId} logoVersion={logoVersion} />
      </section>
      <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-5">
        <Button type="button" variant="secondary" onClick={onBack}>
          {t("back")}
        </Button>
        <Button type="submit" form={FORM_ID} pending={pending}>
          {pending ? t("saving") : t("payment.finish")}
        </Button>
        <Button type="button" variant="ghost" pending={skipping} onClick={skip}>
          {t("payment.skip")}
        </Button>
      </div>
    </div>
  );
}
