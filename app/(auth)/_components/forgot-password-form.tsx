"use client";

import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { forgotPassword } from "@/lib/actions/auth";
import { EMPTY_FORM } from "@/lib/form-state";
import { FormAlerts } from "./form-alerts";

/** Words come from the page (translated on the server), so this page ships no catalog. */
export type ForgotPasswordFormText = { email: string; submit: string; submitting: string };

export function ForgotPasswordForm({ text }: { text: ForgotPasswordFormText }) {
  const { state, pending, formProps } = useFormAction(forgotPassword, EMPTY_FORM);
  const errors = state.fieldErrors;
  return (
    <form {...formProps} className="space-y-5">
      <FormAlerts error={state.error} message={state.message} />
      <Field id="email" label={text.email} error={errors.email}>
        <Input id="email" name="email" type="email" required maxLength={254} autoComplete="email" autoFocus defaultValue={state.values.email} invalid={!!errors.email} aria-describedby={describedBy("email", errors.email)} />
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        {pending ? text.submitting : text.submit}
      </Button>
    </form>
  );
}
