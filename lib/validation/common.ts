import { z } from "zod";

// Every form schema imports this module, so this runs before any parse, in the browser too. Zod 4
// probes for eval with `new Function("")` on first use; under our CSP (no 'unsafe-eval') that probe
// is reported as a policy violation in the console (Lighthouse's best practices counts it), though
// zod catches it. Without JIT, zod parses the same way, a little slower, on these small forms.
z.config({ jitless: true });

// Control characters (other than tab/newline in multi-line fields) are never legitimate in names.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, { error: `Enter ${label}.` })
    .max(max, { error: `Use at most ${max} characters.` })
    .refine((v) => !CONTROL.test(v) && !/[\n\r\t]/.test(v), { error: "Remove control characters." });

export const optionalText = (max: number, multiline = false) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters.` })
    .refine((v) => !CONTROL.test(v) && (multiline || !/[\n\r\t]/.test(v)), { error: "Remove control characters." })
    .optional()
    .transform((v) => (v ? v : null));

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
