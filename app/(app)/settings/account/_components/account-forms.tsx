"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useAppMessages } from "@/components/i18n/app-language";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { changeEmail, changeLanguage, changeName, changePassword } from "@/lib/actions/account";
import { APP_LANGUAGE_NAMES, APP_LANGUAGES, type AppLanguage } from "@/lib/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/account";
import { changeEmailSchema, changeLanguageSchema, changeNameSchema, changePasswordSchema } from "@/lib/validation/auth";

function Status({ error, message }: { error: string | null; message: string | null }) {
  return <div aria-live="polite">{error ? <Alert tone="error">{error}</Alert> : message ? <Alert tone="success">{message}</Alert> : null}</div>;
}

export function NameForm({ name }: { name: string }) {
  const t = useAppMessages(catalogs);
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(changeNameSchema, changeName, { defaultValues: { name } });
  const error = form.formState.errors.name?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Status error={formError} message={formMessage} />
      <Field id="account-name" label={t("name.label")} error={error}>
        <Input id="account-name" autoComplete="name" invalid={!!error} aria-describedby={describedBy("account-name", error)} {...form.register("name")} />
      </Field>
      <Button type="submit" pending={pending}>{t("name.save")}</Button>
    </form>
  );
}

export function EmailForm({ email }: { email: string }) {
  const t = useAppMessages(catalogs);
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(changeEmailSchema, changeEmail, {
    defaultValues: { newEmail: "", currentPassword: "" },
    onSuccess: () => form.reset({ newEmail: "", currentPassword: "" }),
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <p className="text-sm text-slate-700">{t("email.current")} <span className="font-medium">{email}</span></p>
      <Status error={formError} message={formMessage} />
      <Field id="newEmail" label={t("email.new")} error={errors.newEmail?.message}>
        <Input id="newEmail" type="email" autoComplete="email" invalid={!!errors.newEmail} aria-describedby={describedBy("newEmail", errors.newEmail?.message)} {...form.register("newEmail")} />
      </Field>
      <Field id="email-currentPassword" label={t("email.password")} error={errors.currentPassword?.message}>
        <Input id="email-currentPassword" type="password" autoComplete="current-password" invalid={!!errors.currentPassword} aria-describedby={describedBy("email-currentPassword", errors.currentPassword?.message)} {...form.register("currentPassword")} />
      </Field>
      <Button type="submit" pending={pending}>{t("email.send")}</Button>
    </form>
  );
}

export function PasswordForm() {
  const t = useAppMessages(catalogs);
  const empty = { currentPassword: "", newPassword: "", confirmPassword: "" };
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(changePasswordSchema, changePassword, {
    defaultValues: empty,
    onSuccess: () => form.reset(empty),
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Status error={formError} message={formMessage} />
      <Field id="currentPassword" label={t("password.current")} error={errors.currentPassword?.message}>
        <Input id="currentPassword" type="password" autoComplete="current-password" invalid={!!errors.currentPassword} aria-describedby={describedBy("currentPassword", errors.currentPassword?.message)} {...form.register("currentPassword")} />
      </Field>
      <Field id="newPassword" label={t("password.new")} error={errors.newPassword?.message} hint={t("password.hint")}>
        <Input id="newPassword" type="password" autoComplete="new-password" invalid={!!errors.newPassword} aria-describedby={describedBy("newPassword", errors.newPassword?.message, true)} {...form.register("newPassword")} />
      </Field>
      <Field id="confirmPassword" label={t("password.repeat")} error={errors.confirmPassword?.message}>
        <Input id="confirmPassword" type="password" autoComplete="new-password" invalid={!!errors.confirmPassword} aria-describedby={describedBy("confirmPassword", errors.confirmPassword?.message)} {...form.register("confirmPassword")} />
      </Field>
      <Button type="submit" pending={pending}>{t("password.change")}</Button>
    </form>
  );
}

/** "" follows the browser; the option says which language that currently gives. */
export function LanguageForm({ language, browserLanguage }: { language: AppLanguage | null; browserLanguage: AppLanguage }) {
  const t = useAppMessages(catalogs);
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(changeLanguageSchema, changeLanguage, { defaultValues: { language: language ?? "" } });
  const error = form.formState.errors.language?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <p className="text-sm text-slate-700">{t("language.intro")}</p>
      <Status error={formError} message={formMessage} />
      <Field id="account-language" label={t("language.label")} error={error}>
        <Select id="account-language" invalid={!!error} aria-describedby={describedBy("account-language", error)} {...form.register("language")}>
          <option value="">{t("language.browser", { language: APP_LANGUAGE_NAMES[browserLanguage] })}</option>
          {APP_LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {APP_LANGUAGE_NAMES[code]}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" pending={pending}>{t("language.save")}</Button>
    </form>
  );
}
