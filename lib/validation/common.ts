import { z } from "zod";
import { isLanguage, LANGUAGE_ERROR } from "@/lib/i18n/languages";
import { DATE_RANGE_MESSAGE, isCalendarDate, isDateInRange } from "@/lib/dates";
import { hasControlCharacters } from "@/lib/text";

// Every form schema imports this module, so this runs before any parse, in the browser too. Zod 4
// probes for eval with `new Function("")` on first use; under our CSP (no 'unsafe-eval') that probe
// is reported as a policy violation in the console (Lighthouse's best practices counts it), though
// zod catches it. Without JIT, zod parses the same way, a little slower, on these small forms.
z.config({ jitless: true });

export const CONTROL_MESSAGE = "Remove control characters.";

/**
 * The base of every text field a person fills in: trimmed, and refused with a field error when it
 * holds NUL or another control character (tab and line breaks only where `multiline`). Postgres
 * cannot store NUL, so without this a pasted NUL came back as "Something went wrong".
 */
export const safeString = ({ multiline = false, required }: { multiline?: boolean; required?: string } = {}) =>
  z
    .string(required ? { error: required } : undefined)
    .trim()
    .refine((v) => !hasControlCharacters(v, multiline), { error: CONTROL_MESSAGE });

export const text = (label: string, max: number, { multiline = false } = {}) =>
  safeString({ multiline, required: `Enter ${label}.` })
    .min(1, { error: `Enter ${label}.` })
    .max(max, { error: `Use at most ${max} characters.` });

export const optionalText = (max: number, multiline = false) =>
  safeString({ multiline })
    .max(max, { error: `Use at most ${max} characters.` })
    .optional()
    .transform((v) => (v ? v : null));

/** A date as a date input sends it (YYYY-MM-DD), a real day, within the years the app accepts. */
export const isoDate = (label: string) =>
  z
    .string({ error: `Enter ${label}.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `Enter ${label} as a date.`, abort: true })
    .refine(isCalendarDate, { error: `Enter a real date for ${label}.`, abort: true })
    .refine(isDateInRange, { error: DATE_RANGE_MESSAGE });

export const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, { error: "Enter your email address." })
  .max(254, { error: "Use at most 254 characters." })
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

/** A postal address, as organisations and customers both keep it. */
export const addressFields = {
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  city: optionalText(100),
  postalCode: optionalText(20),
  region: optionalText(100),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === "" || /^[A-Z]{2}$/.test(v), { error: "Use a two-letter country code, like US or DE." })
    .optional()
    .transform((v) => (v ? v : null)),
};

/** A document language (lib/i18n launch code); empty = the fallback (the customer's, then the organisation's). */
export const languageField = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || isLanguage(v), { error: LANGUAGE_ERROR })
  .transform((v) => v || null);
