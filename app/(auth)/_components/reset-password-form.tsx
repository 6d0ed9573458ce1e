"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { resetPassword } from "@/lib/actions/auth";
import { resetPasswordSchema } from "@/lib/validation/auth";
import { FormAlerts } from "./form-alerts";

export function ResetPasswordForm({ token }: { token: string }) {
  const { form, onSubmit, formError, pending } = useActionForm(resetPasswordSchema, resetPassword, { defaultValues: { token, password: "", confirmPassword: "" } });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <FormAlerts error={formError} />
      <Field id="password" label="New password" error={errors.password?.message} hint="At least 10 characters.">
        <Input id="password" type="password" autoComplete="new-password" autoFocus invalid={!!errors.password} aria-describedby={describedBy("password", errors.password?.message, true)} {...form.register("password")} />
      </Field>
      <Field id="confirmPassword" label="Repeat the new password" error={errors.confirmPassword?.message}>
        <Input id="confirmPassword" type="password" autoComplete="new-password" invalid={!!errors.confirmPassword} aria-describedby={describedBy("confirmPassword", errors.confirmPassword?.message)} {...form.register("confirmPassword")} />
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
