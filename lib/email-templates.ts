/**
 * The wording of the emails an organisation sends its customers: invoice and quote delivery,
 * payment reminders and receipts. Pure and safe to import on the client (the settings form uses
 * the same schema, placeholders and preview as the server).
 *
 * A template is plain text with placeholders such as {customer_name}. It is never HTML: the
 * filled text goes through emails/layout.ts, which escapes everything, so neither a template nor
 * a value (a customer called `<script>`) can inject markup.
 */
import { z } from "zod";
import type { EmailTemplateKind } from "@/db/schema/delivery";
import { emailCatalogs } from "@/lib/i18n/catalogs/email";
import { LANGUAGE_ERROR, LANGUAGES, type Language } from "@/lib/i18n/languages";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { hasControlCharacters } from "@/lib/text";
import { CONTROL_MESSAGE } from "@/lib/validation/common";

export type { EmailTemplateKind };

export const EMAIL_TEMPLATE_KINDS = [
  "invoice_sent",
  "quote_sent",
  "reminder_before",
  "reminder_after",
  "payment_receipt",
  "payment_notification",
] as const satisfies readonly EmailTemplateKind[];

export const EMAIL_TEMPLATE_LABELS: Record<EmailTemplateKind, { title: string; description: string }> = {
  invoice_sent: { title: "Invoice", description: "Sent with a new invoice." },
  quote_sent: { title: "Quote", description: "Sent with a new quote." },
  reminder_before: { title: "Reminder before the due date", description: "Sent a few days before an invoice is due." },
  reminder_after: { title: "Overdue reminder", description: "Sent when an invoice is past its due date and still unpaid." },
  payment_receipt: { title: "Payment receipt", description: "Sent to the client when a payment is received online (Stripe)." },
  payment_notification: { title: "Payment received (to your team)", description: "Sent to the organisation's owners and admins when a client pays online." },
};

/** The button under every document email, linking to the client's page for the document, in `language`. */
export const emailActionLabel = (kind: EmailTemplateKind, language: Language = "en") => emailCatalogs[language][`action.${kind}`];

export const PLACEHOLDERS = ["customer_name", "number", "amount_due", "due_date", "link", "organization_name", "total", "amount_paid"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
/** Already formatted for the email's language (money, dates): this module only substitutes. */
export type TemplateValues = Partial<Record<Placeholder, string>>;

export const PLACEHOLDER_DESCRIPTIONS: Record<Placeholder, string> = {
  customer_name: "The customer's name",
  number: "The document number, like INV-2026-0001",
  amount_due: "What is still to be paid",
  due_date: "The due date (for a quote: valid until)",
  link: "The link to view the document online",
  organization_name: "Your organisation's name",
  total: "The document total",
  amount_paid: "The payment just received (payment emails only)",
};

export type TemplateText = { subject: string; body: string };

/**
 * The default wording of a template in a language (lib/i18n/catalogs/email): what an organisation
 * that never edited that kind and language sends, so improving a default reaches all of them.
 */
export function defaultTemplate(kind: EmailTemplateKind, language: Language = "en"): TemplateText {
  const catalog = emailCatalogs[language];
  return { subject: catalog[`${kind}.subject`], body: catalog[`${kind}.body`] };
}

/** What the settings preview is filled with: sample values formatted as a reader of `locale` writes them. */
export function sampleValues(locale: string, currency = "USD"): Required<TemplateValues> {
  return {
    customer_name: "Jane Doe",
    number: "INV-2026-0042",
    amount_due: formatMoney(125_000, currency, locale),
    due_date: formatDate("2026-04-30", locale),
    link: "https://invoices.example.com/i/sample",
    organization_name: "Your organisation",
    total: formatMoney(125_000, currency, locale),
    amount_paid: formatMoney(50_000, currency, locale),
  };
}

export const SAMPLE_VALUES: Required<TemplateValues> = sampleValues("en-US");

const KNOWN = new Set<string>(PLACEHOLDERS);

/**
 * Every brace in the text that is not part of a known placeholder, in order, without repeats:
 * unknown names (`{foo}`), spaced or misspelt ones (`{ number }`, `{Number}`), and broken ones
 * (`{number` with no closing brace, `number}` with no opening one). Any of these would reach the
 * customer as literal text, so the form refuses them.
 */
export function findUnknownPlaceholders(text: string): string[] {
  // A brace pair on one line; else an opening brace with no closing one (plus the word after it);
  // else a closing brace with no opening one (plus the word before it). That last one starts only
  // at the start of a word (the lookbehind): tried from each of its letters, it read the rest of
  // the word every time, quadratic in the word's length (minutes for 100 KB of one word).
  const pattern = /\{([^{}\n]*)\}|\{[^{}\s]*|(?<![^{}\s])[^{}\s]*\}/g;
  const found = new Set<string>();
  for (const match of text.matchAll(pattern)) {
    const inner = match[1];
    if (inner !== undefined && KNOWN.has(inner)) continue;
    found.add(match[0]);
  }
  return [...found];
}

/**
 * Substitutes the placeholders in one pass: a value that itself looks like a placeholder (a
 * customer called "{total}") stays literal. Missing values become empty; unknown placeholders
 * (refused when saving, so only in old data) are left as they are.
 */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(/\{([a-z_]+)\}/g, (whole, name: string) => (KNOWN.has(name) ? (values[name as Placeholder] ?? "") : whole));
}

export const placeholderList = PLACEHOLDERS.map((p) => `{${p}}`).join(", ");

export function unknownPlaceholderMessage(unknown: string[]): string {
  const quoted = unknown.join(", ");
  return `${unknown.length === 1 ? "Unknown placeholder" : "Unknown placeholders"} ${quoted}. Use one of: ${placeholderList}.`;
}


export const SUBJECT_MAX = 200;
export const BODY_MAX = 5000;

export const emailTemplateSchema = z
  .object({
    kind: z.enum(EMAIL_TEMPLATE_KINDS, { error: "Choose a template." }),
    /** Which language's wording this is: each kind is edited per language. */
    language: z.enum(LANGUAGES, { error: LANGUAGE_ERROR }),
    subject: z
      .string({ error: "Enter a subject." })
      .trim()
      .min(1, { error: "Enter a subject." })
      .max(SUBJECT_MAX, { error: `Use at most ${SUBJECT_MAX} characters.` })
      .refine((v) => !/[\r\n]/.test(v), { error: "Keep the subject on one line." })
      .refine((v) => !hasControlCharacters(v), { error: CONTROL_MESSAGE }),
    body: z
      .string({ error: "Enter the message." })
      // Browsers submit textarea line breaks as CRLF; store one kind.
      .transform((v) => v.replace(/\r\n?/g, "\n").trim())
      .pipe(
        z
          .string()
          .min(1, { error: "Enter the message." })
          .max(BODY_MAX, { error: `Use at most ${BODY_MAX} characters.` })
          .refine((v) => !hasControlCharacters(v, true), { error: CONTROL_MESSAGE }),
      ),
  })
  .superRefine((value, ctx) => {
    for (const field of ["subject", "body"] as const) {
      // Over its length the field is refused already; its placeholders can wait for a text that fits.
      if (value[field].length > (field === "subject" ? SUBJECT_MAX : BODY_MAX)) continue;
      const unknown = findUnknownPlaceholders(value[field]);
      if (unknown.length) ctx.addIssue({ code: "custom", path: [field], message: unknownPlaceholderMessage(unknown) });
    }
  });

export type EmailTemplateInput = z.output<typeof emailTemplateSchema>;
export type EmailTemplateFormInput = z.input<typeof emailTemplateSchema>;

export const emailTemplateKindSchema = z.object({ kind: z.enum(EMAIL_TEMPLATE_KINDS), language: z.enum(LANGUAGES, { error: LANGUAGE_ERROR }) });

/** The body as the email shows it: paragraphs separated by blank lines. */
export function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
