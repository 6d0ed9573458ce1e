/**
 * The onboarding's three steps, each a slice of the organisation's profile validated by the same
 * field rules as Settings (lib/validation/organization.ts), plus what a step cannot do without.
 */
import { z } from "zod";
import { optionalText, text } from "./common";
import { bicField, ibanField } from "./einvoice-fields";
import { organizationSchema } from "./organization";

const profile = organizationSchema.shape;

/** Step 1: enough for a usable organisation (invoices need a currency, dates a zone). */
export const businessStepSchema = z.object({
  name: profile.name,
  country: z
    .string({ error: "Choose your country." })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: "Choose your country." }),
  defaultCurrency: profile.defaultCurrency,
  locale: profile.locale,
  timeZone: profile.timeZone,
});

/** Step 2: where the business is (printed on every invoice) and its tax ID, which not every business has. */
export const addressStepSchema = z.object({
  addressLine1: text("the street address", 200),
  addressLine2: profile.addressLine2,
  city: text("the city", 100),
  postalCode: profile.postalCode,
  region: profile.region,
  taxId: profile.taxId,
});

/** Step 3: how clients pay. IBAN and BIC as Settings checks them; other details for banks without IBAN. */
export const paymentStepSchema = z.object({
  iban: ibanField,
  bic: bicField,
  bankDetails: optionalText(1000, true),
});

export type BusinessStepInput = z.input<typeof businessStepSchema>;
export type AddressStepInput = z.input<typeof addressStepSchema>;
export type PaymentStepInput = z.input<typeof paymentStepSchema>;
