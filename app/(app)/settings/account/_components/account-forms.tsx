"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { changeEmail, changeName, changePassword } from "@/lib/actions/account";
import { changeEmailSchema, changeNameSchema, changePasswordSchema } from "@/lib/validation/auth";

function Status({ error, message }: { error: string | null; message: string | null }) {
  return <div aria-live="polite">{error ? <Alert tone="error">{error}</Alert> : message ? <Alert tone="success">{message}</Alert> : null}</div>;
}

export function NameForm({ name }: { name: string }) {
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(changeNameSchema, changeName, { defaultValues: { name } });
  const error = form.formState.errors.name?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Status error={formError} message={formMessage} />
      <Field id="account-name" label="Name" error={error}>
        <Input id="account-name" autoComplete="name" invalid={!!error} aria-describedby={describedBy("account-name", error)} {...form.register("name")} />
      </Field>
      <Button type="submit" pending={pending}>Save name</Button>
    </form>
  );
}

export function EmailForm({ email }: { email: string }) {
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(changeEmailSchema, changeEmail, {
    defaultValues: { newEmail: "", currentPassword: "" },
    onSuccess: () => form.reset({ newEmail: "", currentPassword: "" }),
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <p className="text-sm text-slate-700">Current email: <span className="font-medium">{email}</span></p>
      <Status error={formError} message={formMessage} />
      <Field id="newEmail" label="New email" error={errors.newEmail?.message}>
        <Input id="newEmail" type="email" autoComplete="email" invalid={!!errors.newEmail} aria-describedby={describedBy("newEmail", errors.newEmail?.message)} {...form.register("newEmail")} />
      </Field>
      <Field id="email-currentPassword" label="Current password" error={errors.currentPassword?.message}>
        <Input id="email-currentPassword" type="password" autoComplete="current-password" invalid={!!errors.currentPassword} aria-describedby={describedBy("email-currentPassword", errors.currentPassword?.message)} {...form.register("currentPassword")} />
      </Field>
      <Button type="submit" pending={pending}>Send confirmation link</Button>
    </form>
  );
}

export function PasswordForm() {
  const empty = { currentPassword: "", newPassword: "", confirmPassword: "" };
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(changePasswordSchema, changePassword, {
    defaultValues: empty,
    onSuccess: () => form.reset(empty),
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Status error={formError} message={formMessage} />
      <Field id="currentPassword" label="Current password" error={errors.currentPassword?.message}>
        <Input id="currentPassword" type="password" autoComplete="current-password" invalid={!!errors.currentPassword} aria-describedby={describedBy("currentPassword", errors.currentPassword?.message)} {...form.register("currentPassword")} />
      </Field>
      <Field id="newPassword" label="New password" error={errors.newPassword?.message} hint="At least 10 characters.">
        <Input id="newPassword" type="password" autoComplete="new-password" invalid={!!errors.newPassword} aria-describedby={describedBy("newPassword", errors.newPassword?.message, true)} {...form.register("newPassword")} />
      </Field>
      <Field id="confirmPassword" label="Repeat the new password" error={errors.confirmPassword?.message}>
        <Input id="confirmPassword" type="password" autoComplete="new-password" invalid={!!errors.confirmPassword} aria-describedby={describedBy("confirmPassword", errors.confirmPassword?.message)} {...form.register("confirmPassword")} />
      </Field>
      <Button type="submit" pending={pending}>Change password</Button>
    </form>
  );
}
