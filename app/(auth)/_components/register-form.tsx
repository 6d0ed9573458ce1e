"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { register } from "@/lib/actions/auth";
import { PASSWORD_MIN } from "@/lib/auth/password-rules";
import { registerSchema } from "@/lib/validation/auth";
import { FormAlerts } from "./form-alerts";

export function RegisterForm({ email, invitation }: { email?: string; invitation?: string }) {
  const { form, onSubmit, formError, pending } = useActionForm(registerSchema, register, {
    defaultValues: { name: "", email: email ?? "", password: "", organizationName: "", invitation },
  });
  const { errors } = form.formState;
  const passwordHint = `At least ${PASSWORD_MIN} characters. A few unrelated words work well.`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <FormAlerts error={formError} />
      <Field id="name" label="Your name" error={errors.name?.message}>
        <Input id="name" autoComplete="name" autoFocus invalid={!!errors.name} aria-describedby={describedBy("name", errors.name?.message)} {...form.register("name")} />
      </Field>
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input id="email" type="email" autoComplete="email" invalid={!!errors.email} aria-describedby={describedBy("email", errors.email?.message)} {...form.register("email")} />
      </Field>
      <Field id="password" label="Password" error={errors.password?.message} hint={passwordHint}>
        <Input id="password" type="password" autoComplete="new-password" invalid={!!errors.password} aria-describedby={describedBy("password", errors.password?.message, true)} {...form.register("password")} />
      </Field>
      <Field id="organizationName" label="Business name" error={errors.organizationName?.message} hint={invitation ? "You can also create your own organisation; you'll join the one that invited you." : undefined}>
        <Input id="organizationName" autoComplete="organization" invalid={!!errors.organizationName} aria-describedby={describedBy("organizationName", errors.organizationName?.message, !!invitation)} {...form.register("organizationName")} />
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
