import { z } from "zod";
import { addressFields, optionalText, text } from "./common";
import { bicField, electronicAddressFields, ibanField, orgFormatField, refineElectronicAddress } from "./einvoice-fields";

const currencies = Intl.supportedValuesOf("currency");
const timeZones = new Set(Intl.supportedValuesOf("timeZone").concat("UTC"));

export const organizationSchema = z
  .object({
    name: text("your business name", 200),
    legalName: optionalText(200),
    ...addressFields,
    email: z
      .string()
      .trim()
      .max(254)
      .refine((v) => v === "" || z.email().safeParse(v).success, { error: "Enter a valid email address." })
      .optional()
      .transform((v) => (v ? v.toLowerCase() : null)),
    phone: optionalText(50),
    website: optionalText(200),
    taxId: optionalText(50),
    bankDetails: optionalText(1000, true),
    defaultCurrency: z
      .string()
      .trim()
      .toUpperCase()
      .refine((v) => currencies.includes(v), { error: "Choose a currency from the list." }),
    locale: z
      .string()
      .trim()
      .min(2)
      .max(35)
      .refine((v) => {
        try {
          return Intl.NumberFormat.supportedLocalesOf([v]).length > 0;
        } catch {
          return false;
        }
      }, { error: "Choose a language and region from the list." }),
    timeZone: z.string().refine((v) => timeZones.has(v), { error: "Choose a time zone from the list." }),
    paymentTermsDays: z.coerce
      .number({ error: "Enter a number of days." })
      .int({ error: "Enter a whole number of days." })
      .min(0, { error: "Use 0 or more days." })
      .max(365, { error: "Use at most 365 days." }),
    brandColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, { error: "Use a colour like #1d4ed8." })
      .optional(),
    // E-invoicing (EN 16931): BT-32 tax registration, BT-34 electronic address, BG-6 contact, BT-84/BT-86 account.
    taxRegistrationId: optionalText(50),
    legalRegistrationId: optionalText(50),
    ...electronicAddressFields,
    contactName: optionalText(200),
    iban: ibanField,
    bic: bicField,
    einvoiceFormat: orgFormatField,
  })
  .superRefine(refineElectronicAddress);

export type OrganizationInput = z.input<typeof organizationSchema>;
