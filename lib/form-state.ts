import type { ActionResult } from "@/lib/actions/safe-action";

/**
 * What a form's server action hands back through React's `useActionState` (the sign-in, registration
 * and password forms): the outcome in words, each field's error, and the values to show again. Plain
 * data, so the same state reaches the page whether the form was sent by script or, before the page's
 * JavaScript has loaded, as an ordinary POST.
 */
export type FormState = {
  /** The form-level error (announced at the top of the form), or null. */
  error: string | null;
  /** A success message when the form stays on the page (e.g. "we've sent a link"), or null. */
  message: string | null;
  fieldErrors: Record<string, string>;
  /** What was typed, for the fields worth showing again (never a password). */
  values: Record<string, string>;
};

export const EMPTY_FORM: FormState = { error: null, message: null, fieldErrors: {}, values: {} };

/** The named text fields of a submission; absent or file fields are left out (undefined to the schema). */
export function fieldsOf(formData: FormData, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === "string") out[name] = value;
  }
  return out;
}

export function toFormState(result: ActionResult<unknown>, values: Record<string, string>): FormState {
  return result.ok
    ? { error: null, message: result.message ?? null, fieldErrors: {}, values }
    : { error: result.message, message: null, fieldErrors: result.fieldErrors ?? {}, values };
}
