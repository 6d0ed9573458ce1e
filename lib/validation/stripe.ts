import { z } from "zod";
import { safeString } from "./common";

/**
 * Settings → Payments, shared by the forms and the server actions. The key checks only catch the
 * wrong kind of value pasted into a field; whether Stripe accepts the key is asked on save.
 */

export const SECRET_KEY_PATTERN = /^(rk|sk)_(test|live)_[A-Za-z0-9]{8,247}$/;
const WEBHOOK_SECRET_PATTERN = /^whsec_[A-Za-z0-9_+/=]{8,200}$/;

export const stripeKeysSchema = z.object({
  secretKey: safeString({ required: "Paste the restricted key from Stripe." })
    .min(1, { error: "Paste the restricted key from Stripe." })
    .refine((v) => !/^pk_/.test(v), { error: "This is a publishable key (pk_…), which cannot create payments. Paste a restricted key (rk_…) or a secret key (sk_…)." })
    .refine((v) => !/^whsec_/.test(v), { error: "This is the webhook signing secret; it goes in the field below. Paste the restricted key (rk_…) here." })
    .refine((v) => SECRET_KEY_PATTERN.test(v), { error: "A Stripe restricted key starts with rk_live_ or rk_test_ (a secret key with sk_), followed by letters and digits." }),
  webhookSecret: safeString({ required: "Paste the webhook signing secret from Stripe." })
    .min(1, { error: "Paste the webhook signing secret from Stripe." })
    .refine((v) => WEBHOOK_SECRET_PATTERN.test(v), { error: "The signing secret starts with whsec_ (Stripe → Developers → Webhooks → your endpoint → Signing secret)." }),
});
export type StripeKeysInput = z.input<typeof stripeKeysSchema>;

/** Amounts and the rate stay text here: they are parsed in the organisation's currency on the server (lib/money.ts). */
export const paymentOptionsSchema = z
  .object({
    partPaymentsEnabled: z.boolean(),
    partPaymentMinimum: safeString().max(30),
    feeEnabled: z.boolean(),
    feeRate: safeString().max(12),
    feeFixed: safeString().max(30),
    feeTaxRateId: z.union([z.uuid({ error: "Choose a tax rate from the list." }), z.literal("")]),
  })
  .superRefine((v, ctx) => {
    if (v.partPaymentsEnabled && !v.partPaymentMinimum) ctx.addIssue({ code: "custom", path: ["partPaymentMinimum"], message: "Enter the smallest amount a client may pay." });
    if (v.feeEnabled && !v.feeRate && !v.feeFixed) ctx.addIssue({ code: "custom", path: ["feeRate"], message: "Enter the rate, the fixed amount, or both." });
  });
export type PaymentOptionsInput = z.input<typeof paymentOptionsSchema>;
