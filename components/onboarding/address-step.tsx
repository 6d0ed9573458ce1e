"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { saveAddressStep } from "@/lib/actions/onboarding";
import { addressStepSchema, type AddressStepInput } from "@/lib/validation/onboarding";

/** Step 2: the address printed on every invoice, and the tax ID. */
export function AddressStep({ defaults, onBack, onSaved }: { defaults: AddressStepInput; onBack: () => void; onSaved: () => void }) {
  const { form, onSubmit, formError, pending } = useActionForm(addressStepSchema, saveAddressStep, { defaultValues: defaults, onSuccess: onSaved });
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
        {text("addressLine1", "Street address", { autoComplete: "address-line1" })}
        {text("addressLine2", "Address line 2 (optional)", { autoComplete: "address-line2" })}
        {text("postalCode", "Postal code", { autoComplete: "postal-code" })}
        {text("city", "City", { autoComplete: "address-level2" })}
        {text("region", "State / region (optional)", { autoComplete: "address-level1" })}
        {text("taxId", "Tax ID (VAT number, optional)", { placeholder: "FR40303265045", spellCheck: false })}
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="secondary" onClick={onBack}>
          Back
        </Button>
        <Button type="submit" pending={pending}>
          {pending ? "Saving…" : "Save and continue"}
        </Button>
      </div>
    </form>
  );
}
