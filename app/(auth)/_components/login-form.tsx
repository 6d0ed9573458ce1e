"use client";

import Link from "next/link";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { login } from "@/lib/actions/auth";
import { EMPTY_FORM } from "@/lib/form-state";
import { FormAlerts } from "./form-alerts";

/** Words come from the page (translated on the server), so this page ships no catalog. */
export type LoginFormText = { email: string; password: string; forgot: string; submit: string; submitting: string };

export function LoginForm({ next, text }: { next?: string; text: LoginFormText }) {
  const { state, pending, formProps } = useFormAction(login, EMPTY_FORM);
  const errors = state.fieldErrors;
  return (
    <form {...formProps} className="space-y-5">
      <FormAlerts error={state.error} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field id="email" label={text.email} error={errors.email}>
        <Input id="email" name="email" type="email" required maxLength={254} autoComplete="email" autoFocus defaultValue={state.values.email} invalid={!!errors.email} aria-describedby={describedBy("email", errors.email)} />
      </Field>
      <Field id="password" label={text.password} error={errors.password}>
        <Input id="password" name="password" type="password" required autoComplete="current-password" invalid={!!errors.password} aria-describedby={describedBy("password", errors.password)} />
      </Field>
      <div className="flex items-center justify-between">
        <Link href="/forgot-password" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {text.forgot}
        </Link>
      </div>
      <Button type="submit" pending={pending} className="w-full">
        {pending ? text.submitting : text.submit}
      </Button>
    </form>
  );
}
