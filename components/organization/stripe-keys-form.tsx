"use client";

import { useAppMessages } from "@/components/i18n/app-language";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { connectStripe } from "@/lib/actions/stripe";
import { catalogs } from "@/lib/i18n/catalogs/app/payments-settings";
import { stripeKeysSchema } from "@/lib/validation/stripe";

/**
 * Connect Stripe, or replace the keys. The fields are emptied once Stripe has accepted them (the
 * secrets are not kept in the page); on any refusal what was typed stays, with the reason.
 */
export function StripeKeysForm({ replacing }: { replacing: boolean }) {
  const t = useAppMessages(catalogs);
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(stripeKeysSchema, connectStripe, {
    defaultValues: { secretKey: "", webhookSecret: "" },
    onSuccess: () => form.reset({ secretKey: "", webhookSecret: "" }),
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : formMessage ? <Alert tone="success">{formMessage}</Alert> : null}</div>
      <Field id="stripe-secret-key" label={t("keys.secretKey")} error={errors.secretKey?.message} hint={t("keys.secretKeyHint")}>
        <Input
          id="stripe-secret-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          invalid={!!errors.secretKey}
          aria-describedby={describedBy("stripe-secret-key", errors.secretKey?.message, true)}
          {...form.register("secretKey")}
        />
      </Field>
      <Field id="stripe-webhook-secret" label={t("keys.webhookSecret")} error={errors.webhookSecret?.message} hint={t("keys.webhookSecretHint")}>
        <Input
          id="stripe-webhook-secret"
          type="password"
          autoComplete="off"
          spellCheck={false}
          invalid={!!errors.webhookSecret}
          aria-describedby={describedBy("stripe-webhook-secret", errors.webhookSecret?.message, true)}
          {...form.register("webhookSecret")}
        />
      </Field>
      <Button type="submit" pending={pending} onMouseDown={(e) => e.preventDefault()}>
        {pending ? t("keys.checking") : replacing ? t("replaceKeys") : t("connect")}
      </Button>
    </form>
  );
}
