"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { useAppMessages } from "@/components/i18n/app-language";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { saveAddressStep } from "@/lib/actions/onboarding";
import { catalogs } from "@/lib/i18n/catalogs/app/onboarding";
import { addressStepSchema, type AddressStepInput } from "@/lib/validation/onboarding";

/** Step 2: the address printed on every invoice, and the tax ID. */
export function AddressStep({ defaults, onBack, onSaved }: { defaults: AddressStepInput; onBack: () => void; onSaved: () => void }) {
  const { form, onSubmit, formError, pending } = useActionForm(addressStepSchema, saveAddressStep, { defaultValues: defaults, onSuccess: onSaved });
  const t = useAppMessages(catalogs);
  const { errors } = form.formState;

  const text = (name: keyof AddressStepInput & string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
    const error = errors[name]?.message;
    return (
      <Field id={name} label={label} error={error}>
        <Input id={name} invalid={!!error} aria-describedby={describedBy(name, error)} {...props} {...form.register(name)} />
      </Field>
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : null}</div>
      <div className="grid gap-5 sm:grid-cols-2">
        {text("addressLine1", t("address.street"), { autoComplete: "address-line1" })}
        {text("addressLine2", t("address.line2"), { autoComplete: "address-line2" })}
        {text("postalCode", t("address.postalCode"), { autoComplete: "postal-code" })}
        {text("city", t("address.city"), { autoComplete: "address-level2" })}
        {text("region", t("address.region"), { autoComplete: "address-level1" })}
        {text("taxId", t("address.taxId"), { placeholder: "FR40303265045", spellCheck: false })}
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="secondary" onClick={onBack}>
          {t("back")}
        </Button>
        <Button type="submit" pending={pending}>
          {pending ? t("saving") : t("saveAndContinue")}
        </Button>
      </div>
    </form>
  );
}
