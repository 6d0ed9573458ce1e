"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { quickCreateCustomer } from "@/lib/actions/customers";
import type { EditorCustomer } from "./editor-types";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs as editorCatalogs } from "@/lib/i18n/catalogs/app/editor";

/** Inline "new customer" (not a nested form: its button calls the action directly). */
export function NewCustomer({ onCreated }: { onCreated: (c: EditorCustomer) => void }) {
  const t = useAppMessages(editorCatalogs);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="mt-1 text-sm font-medium text-brand-700 underline-offset-2 hover:underline max-sm:min-h-11">
        {t("newCustomerOpen")}
      </button>
    );
  }
  const create = () =>
    startTransition(async () => {
      const r = await quickCreateCustomer({ name, email });
      if (r.ok) {
        onCreated(r.data);
        setOpen(false);
        setName("");
        setEmail("");
        setErrors({});
      } else {
        setErrors({ ...(r.fieldErrors ?? {}), form: r.message });
      }
    });
  return (
    <div role="group" aria-label={t("newCustomer")} className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <Field id="new-customer-name" label={t("newCustomerName")} error={errors.name}>
        <Input id="new-customer-name" value={name} onChange={(e) => setName(e.target.value)} invalid={!!errors.name} aria-describedby={describedBy("new-customer-name", errors.name)} autoFocus />
      </Field>
      <Field id="new-customer-email" label={t("emailOptional")} error={errors.email}>
        <Input id="new-customer-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} invalid={!!errors.email} aria-describedby={describedBy("new-customer-email", errors.email)} />
      </Field>
      {errors.form && !errors.name && !errors.email ? <p role="alert" className="text-sm text-red-700">{errors.form}</p> : null}
      <div className="flex gap-2">
        <Button type="button" pending={pending} onClick={create}>{t("addCustomer")}</Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>{t("cancel")}</Button>
      </div>
    </div>
  );
}
