import { z } from "zod";
import { emailTemplateSchema } from "@/lib/email-templates";
import { idField } from "@/lib/ids";

export const CC_MAX = 5;

const address = z.email({ error: "Enter a valid email address, like name@example.com." });

/** "a@x.test, b@y.test" (commas, semicolons or spaces) → its addresses; "" → none. */
export function splitAddresses(value: string): string[] {
  return value
    .split(/[,;\s]+/)
    .map((a) => a.trim())
    .filter(Boolean);
}

/**
 * The Review & send dialog. Subject and message follow the template rules (Settings → Emails:
 * placeholders, one-line subject, lengths), checked by that schema so both say the same.
 */
export const sendSchema = z
  .object({
    id: idField("Unknown document."),
    to: z.string().trim().min(1, { error: "Enter the recipient's email address." }).pipe(address),
    cc: z
      .string()
      .max(1000, { error: "Too many addresses." })
      .default("")
      .superRefine((value, ctx) => {
        const list = splitAddresses(value);
        const bad = list.find((a) => !address.safeParse(a).success);
        if (bad) ctx.addIssue({ code: "custom", message: `“${bad}” is not an email address. Separate addresses with commas.` });
        else if (list.length > CC_MAX) ctx.addIssue({ code: "custom", message: `Copy at most ${CC_MAX} addresses.` });
      }),
    subject: z.string(),
    body: z.string(),
    attachPdf: z.boolean().default(true),
    /** Made when the dialog opens (lib/services/send-document.ts `submissionKey`). */
    submissionKey: z.uuid({ error: "Reload the page and send again." }),
  })
  .superRefine((value, ctx) => {
    // Only the subject and text are checked here: the kind and language are fixed ones the schema accepts.
    const template = emailTemplateSchema.safeParse({ kind: "invoice_sent", language: "en", subject: value.subject, body: value.body });
    for (const issue of template.error?.issues ?? []) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  });

export type SendFormInput = z.input<typeof sendSchema>;
