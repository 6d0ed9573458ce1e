import type { EmailTemplateKind } from "@/db/schema/delivery";
import { EMAIL_ACTION_LABELS, fillTemplate, paragraphsOf, type TemplateText, type TemplateValues } from "@/lib/email-templates";
import { type EmailMessageContent, oneLine, renderEmail } from "./layout";

const WHAT: Record<EmailTemplateKind, string> = {
  invoice_sent: "an invoice",
  quote_sent: "a quote",
  reminder_before: "an invoice",
  reminder_after: "an invoice",
  payment_receipt: "an invoice",
  payment_notification: "an invoice",
};

export type DocumentEmailInput = {
  kind: EmailTemplateKind;
  /** The organisation's template or the default (lib/email-templates.ts). */
  template: TemplateText;
  /** Already formatted for the organisation's locale. `link` defaults to the `link` argument. */
  values: TemplateValues;
  /** `logoUrl`: absolute URL of the organisation's logo (/logos/<org id>), shown above the message. */
  org: { name: string; brandColor?: string | null; logoUrl?: string | null };
  /** The client's page for the document (/i/<token>): the button and the text version's link. */
  link: string;
  /** Replaces the default footer ("… sent you an invoice"), for messages to the organisation itself. */
  footer?: string;
};

/**
 * An email about a document (invoice, quote, reminder, receipt) in the organisation's wording.
 * The template and every value are plain text; renderEmail escapes all of it.
 */
export function documentEmail({ kind, template, values, org, link, footer }: DocumentEmailInput): EmailMessageContent {
  const filled: TemplateValues = { organization_name: org.name, ...values, link: values.link ?? link };
  const subject = oneLine(fillTemplate(template.subject, filled));
  const paragraphs = paragraphsOf(fillTemplate(template.body, filled));
  // The grey line after the subject: the first paragraph that says something beyond "Hi Jane,".
  const preheader = paragraphs.find((p, i) => i > 0 || paragraphs.length === 1 || !/^(hi|hello|dear)\b/i.test(p));
  return {
    subject,
    ...renderEmail({
      preheader: preheader ? clip(oneLine(preheader), 140) : undefined,
      heading: subject,
      paragraphs,
      action: { label: EMAIL_ACTION_LABELS[kind], url: link },
      footer: footer ?? `You are receiving this email because ${oneLine(org.name)} sent you ${WHAT[kind]} with Smart Invoice.`,
      brandColor: org.brandColor ?? undefined,
      sender: { name: org.name, logoUrl: org.logoUrl },
    }),
  };
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
