"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { createOrganization } from "@/lib/actions/team";
import { newOrganizationSchema } from "@/lib/validation/organization";

export function NewOrganizationForm() {
  const { form, onSubmit, formError, pending } = useActionForm(newOrganizationSchema, createOrganization, { defaultValues: { name: "" } });
  const error = form.formState.errors.name?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : null}</div>
      <Field id="org-name" label="Organisation name" error={error}>
        <Input id="org-name" autoComplete="organization" invalid={!!error} aria-describedby={describedBy("org-name", error)} {...form.register("name")} />
      </Field>
      <Button type="submit" pending={pending}>Create organisation</Button>
    </form>
  );
}
