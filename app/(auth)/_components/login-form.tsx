"use client";

import Link from "next/link";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { login } from "@/lib/actions/auth";
import { loginSchema } from "@/lib/validation/auth";
import { FormAlerts } from "./form-alerts";

export function LoginForm({ next }: { next?: string }) {
  const { form, onSubmit, formError, pending } = useActionForm(loginSchema, login, { defaultValues: { email: "", password: "", next } });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <FormAlerts error={formError} />
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input id="email" type="email" autoComplete="email" autoFocus invalid={!!errors.email} aria-describedby={describedBy("email", errors.email?.message)} {...form.register("email")} />
      </Field>
      <Field id="password" label="Password" error={errors.password?.message}>
        <Input id="password" type="password" autoComplete="current-password" invalid={!!errors.password} aria-describedby={describedBy("password", errors.password?.message)} {...form.register("password")} />
      </Field>
      <div className="flex items-center justify-between">
        <Link href="/forgot-password" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          Forgot your password?
        </Link>
      </div>
      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
