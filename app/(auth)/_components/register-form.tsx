"use client";

import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { register } from "@/lib/actions/auth";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-limits";
import { EMPTY_FORM } from "@/lib/form-state";
import { FormAlerts } from "./form-alerts";

/** Words come from the page (translated on the server), so this page ships no catalog. */
export type RegisterFormText = {
  name: string;
  email: string;
  password: string;
  passwordHint: string;
  organizationName: string;
  invitationHint: string;
  submit: string;
  submitting: string;
};

export function RegisterForm({ email, invitation, text }: { email?: string; invitation?: string; text: RegisterFormText }) {
  const { state, pending, formProps } = useFormAction(register, { ...EMPTY_FORM, values: email ? { email } : {} });
  const errors = state.fieldErrors;
  return (
    <form {...formProps} className="space-y-5">
      <FormAlerts error={state.error} />
      {invitation ? <input type="hidden" name="invitation" value={invitation} /> : null}
      <Field id="name" label={text.name} error={errors.name}>
        <Input id="name" name="name" required maxLength={100} autoComplete="name" autoFocus defaultValue={state.values.name} invalid={!!errors.name} aria-describedby={describedBy("name", errors.name)} />
      </Field>
      <Field id="email" label={text.email} error={errors.email}>
        <Input id="email" name="email" type="email" required maxLength={254} autoComplete="email" defaultValue={state.values.email} invalid={!!errors.email} aria-describedby={describedBy("email", errors.email)} />
      </Field>
      <Field id="password" label={text.password} error={errors.password} hint={text.passwordHint}>
        <Input id="password" name="password" type="password" required minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} autoComplete="new-password" invalid={!!errors.password} aria-describedby={describedBy("password", errors.password, true)} />
      </Field>
      <Field id="organizationName" label={text.organizationName} error={errors.organizationName} hint={invitation ? text.invitationHint : undefined}>
        <Input id="organizationName" name="organizationName" required maxLength={200} autoComplete="organization" defaultValue={state.values.organizationName} invalid={!!errors.organizationName} aria-describedby={describedBy("organizationName", errors.organizationName, !!invitation)} />
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        {pending ? text.submitting : text.submit}
      </Button>
    </form>
  );
}
