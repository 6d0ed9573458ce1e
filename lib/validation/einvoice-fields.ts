/**
 * Form fields for the e-invoice business terms that organisations, customers and documents share:
 * an electronic address with its scheme (BT-34 / BT-49), an e-invoice format, IBAN and BIC.
 */
import { z } from "zod";
import { EAS_SCHEMES, EINVOICE_FORMATS } from "@/lib/einvoice/codes";
import { isValidBic, isValidIban, normalizeIban } from "@/lib/iban";
import { optionalText } from "./common";

export const IBAN_ERROR = "Enter a valid IBAN, like DE89 3704 0044 0532 0130 00 (check for a typo: its check digits do not match).";
export const BIC_ERROR = "Enter a valid BIC: 8 or 11 letters and digits, like COBADEFFXXX.";
export const SCHEME_ERROR = "Choose the scheme of the electronic address.";
export const ADDRESS_ERROR = "Enter the electronic address for this scheme, or choose no scheme.";

/** "DE89 3704 …" → "DE89370400440532013000"; empty → null. */
export const ibanField = z
  .string()
  .optional()
  .transform((v) => (v ? normalizeIban(v) : ""))
  .refine((v) => v === "" || isValidIban(v), { error: IBAN_ERROR })
  .transform((v) => v || null);

export const bicField = z
  .string()
  .optional()
  .transform((v) => (v ? v.replace(/\s+/g, "").toUpperCase() : ""))
  .refine((v) => v === "" || isValidBic(v), { error: BIC_ERROR })
  .transform((v) => v || null);

export const schemeField = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || Object.hasOwn(EAS_SCHEMES, v), { error: SCHEME_ERROR })
  .transform((v) => v || null);

export const electronicAddressFields = { electronicAddress: optionalText(200), electronicAddressScheme: schemeField };

/** An electronic address needs its scheme and a scheme needs an address (BR-62, BR-63). */
export function refineElectronicAddress(value: { electronicAddress: string | null; electronicAddressScheme: string | null }, ctx: z.RefinementCtx) {
  if (value.electronicAddress && !value.electronicAddressScheme) ctx.addIssue({ code: "custom", path: ["electronicAddressScheme"], message: SCHEME_ERROR });
  if (!value.electronicAddress && value.electronicAddressScheme) ctx.addIssue({ code: "custom", path: ["electronicAddress"], message: ADDRESS_ERROR });
}

const FORMAT_ERROR = "Choose an e-invoice format from the list.";
/** An organisation's default format: "none" or one of the formats. */
export const orgFormatField = z
  .string()
  .optional()
  .refine((v) => !v || v === "none" || (EINVOICE_FORMATS as readonly string[]).includes(v), { error: FORMAT_ERROR })
  .transform((v) => v || "none");
/** A customer's format: empty = the organisation's default (null), "none", or a format. */
export const customerFormatField = z
  .string()
  .optional()
  .refine((v) => !v || v === "none" || (EINVOICE_FORMATS as readonly string[]).includes(v), { error: FORMAT_ERROR })
  .transform((v) => v || null);
