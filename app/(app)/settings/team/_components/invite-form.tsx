"use client";

import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { useAppMessages } from "@/components/i18n/app-language";
import { inviteMember } from "@/lib/actions/team";
import { catalogs } from "@/lib/i18n/catalogs/app/team";
import { inviteSchema } from "@/lib/validation/team";

export function InviteForm({ canInviteOwners }: { canInviteOwners: boolean }) {
  const t = useAppMessages(catalogs);
  // Set when email is not set up: the invitation exists, and its link is passed on by hand.
  const [link, setLink] = useState<string | null>(null);
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(inviteSchema, inviteMember, {
    defaultValues: { email: "", role: "member" },
    onSuccess: (result) => {
      setLink(result.data.link);
      form.reset({ email: "", role: "member" });
    },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : formMessage ? <Alert tone={link ? "info" : "success"}>{formMessage}</Alert> : null}</div>
      {link && !formError ? (
        <div className="space-y-2 text-sm">
          <label htmlFor="invitation-link" className="block font-medium">{t("form.link")}</label>
          <input id="invitation-link" readOnly value={link} className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs" onFocus={(e) => e.target.select()} />
          <Button type="button" variant="secondary" onClick={() => void navigator.clipboard?.writeText(link).catch(() => undefined)}>{t("form.copyLink")}</Button>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <Field id="invite-email" label={t("form.email")} error={errors.email?.message}>
          <Input id="invite-email" type="email" autoComplete="off" invalid={!!errors.email} aria-describedby={describedBy("invite-email", errors.email?.message)} {...form.register("email")} />
        </Field>
        <Field id="invite-role" label={t("form.role")} error={errors.role?.message}>
          <Select id="invite-role" {...form.register("role")}>
            <option value="member">{t("form.member")}</option>
            <option value="admin">{t("form.admin")}</option>
            {canInviteOwners ? <option value="owner">{t("form.owner")}</option> : null}
          </Select>
        </Field>
        <Button type="submit" pending={pending}>
          {pending ? t("form.sending") : t("form.send")}
        </Button>
      </div>
    </form>
  );
}
