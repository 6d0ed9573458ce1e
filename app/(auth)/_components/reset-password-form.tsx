"use client";

import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { resetPassword } from "@/lib/actions/auth";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-limits";
import { EMPTY_FORM } from "@/lib/form-state";
import { FormAlerts } from "./form-alerts";

/** Words come from the page (translated on the server), so this page ships no catalog. */
export type ResetPasswordFormText = { password: string; passwordHint: string; repeat: string; submit: string; submitting: string };

export function ResetPasswordForm({ token, text }: { token: string; text: ResetPasswordFormText }) {
  const { state, pending, formProps } = useFormAction(resetPassword, EMPTY_FORM);
  const errors = state.fieldErrors;
  return (
    <form {...formProps} className="space-y-5">
      <FormAlerts error={state.error} />
      <input type="hidden" name="token" value={token} />
      <Field id="password" label={text.password} error={errors.password} hint={text.passwordHint}>
        <Input id="password" name="password" type="password" required minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} autoComplete="new-password" autoFocus invalid={!!errors.password} aria-describedby={describedBy("password", errors.password, true)} />
      </Field>
      <Field id="confirmPassword" label={text.repeat} error={errors.confirmPassword}>
        <Input id="confirmPassword" name="confirmPassword" type="password" required autoComplete="new-password" invalid={!!errors.confirmPassword} aria-describedby={describedBy("confirmPassword", errors.confirmPassword)} />
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        {pending ? text.submitting : text.submit}
      </Button>
    </form>
  );
}
