import { z } from "zod";
import { isCurrency } from "@/lib/money";
import { idField } from "@/lib/ids";
import { addressFields, email, languageField, optionalText, text } from "./common";
import { customerFormatField, electronicAddressFields, refineElectronicAddress } from "./einvoice-fields";

export const MAX_CONTACTS = 20;
export const TWO_PRIMARIES = "Choose one primary contact.";

const optionalEmail = z
  .string()
  .trim()
  .max(254, { error: "Use at most 254 characters." })
  .refine((v) => v === "" || z.email().safeParse(v).success, { error: "Enter a valid email address, like name@example.com." })
  .optional()
  .transform((v) => (v ? v.toLowerCase() : null));

export const contactSchema = z.object({
  id: idField("Unknown contact.").optional().nullable(),
  name: optionalText(200),
  email: email.transform((v) => v.toLowerCase()),
  isPrimary: z.boolean(),
});

const fields = {
  name: text("the customer's name", 200),
  email: optionalEmail,
  phone: optionalText(50),
  ...addressFields,
  taxId: optionalText(50),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === "" || isCurrency(v), { error: "Choose a currency from the list." })
    .optional()
    .transform((v) => (v ? v : null)),
  /** Empty = the organisation's default terms. A string because that is what a text input holds. */
  paymentTermsDays: z
    .string()
    .trim()
    .refine((v) => v === "" || /^\d{1,3}$/.test(v), { error: "Enter a whole number of days from 0 to 365." })
    .refine((v) => v === "" || Number(v) <= 365, { error: "Use at most 365 days." })
    .optional()
    .transform((v) => (v ? Number(v) : null)),
  /** The language of this customer's documents; empty = the organisation's. */
  language: languageField,
  notes: optionalText(5000, true),
  // E-invoicing: BT-10 buyer reference (the Leitweg-ID for German public buyers), BT-49 electronic address.
  buyerReference: optionalText(200),
  ...electronicAddressFields,
  /** Empty = the organisation's default format; "none" = PDF only for this customer. */
  einvoiceFormat: customerFormatField,
  contacts: z
    .array(contactSchema)
    .max(MAX_CONTACTS, { error: `Add at most ${MAX_CONTACTS} contacts.` })
    .refine((list) => list.filter((c) => c.isPrimary).length <= 1, { error: TWO_PRIMARIES }),
};

export const customerSchema = z.object(fields).superRefine(refineElectronicAddress);
/** The editor's inline "new customer": name and email only (zod refuses .pick on a refined schema). */
export const quickCustomerSchema = z.object({ name: fields.name, email: fields.email });
const customerId = idField("Unknown customer.");
export const updateCustomerSchema = z.object({ id: customerId, ...fields }).superRefine(refineElectronicAddress);
export const customerIdSchema = z.object({ id: customerId });

export type CustomerFormInput = z.input<typeof customerSchema>;
