import type { EmailTemplateKind } from "@/db/schema/delivery";
import { emailActionLabel, fillTemplate, paragraphsOf, type TemplateText, type TemplateValues } from "@/lib/email-templates";
import { emailMessages } from "@/lib/i18n/catalogs/email";
import type { Language } from "@/lib/i18n/languages";
import { type EmailMessageContent, oneLine, renderEmail } from "./layout";

export type DocumentEmailInput = {
  kind: EmailTemplateKind;
  /** The organisation's template or the default (lib/email-templates.ts), in `language`. */
  template: TemplateText;
  /**
   * The language the email is written in (default English): the document's language for its
   * customer (lib/i18n documentLanguage), the organisation's for its team. Sets the button, the
   * footer and the HTML's lang and direction.
   */
  language?: Language;
  /** Already formatted for that language (money, dates). `link` defaults to the `link` argument. */
  values: TemplateValues;
  /** `logoUrl`: absolute URL of the organisation's logo (/logos/<org id>), shown above the message. */
  org: { name: string; brandColor?: string | null; logoUrl?: string | null };
  /** The client's page for the document (/i/<token>): the button and the text version's link. */
  link: string;
  /** Messages to the organisation itself say why its team gets them instead of "… sent you an invoice". */
  toTeam?: boolean;
};

/**
 * The first paragraph is a greeting ("Hi Jane,", "Bonjour Jane,", "مرحبًا Jane،") in every default
 * wording: the preheader skips it. A greeting is short and ends in a comma (or a colon, in Spanish).
 */
const GREETING = /^[^\n]{1,60}[,،:]$/u;

/**
 * An email about a document (invoice, quote, reminder, receipt) in the organisation's wording.
 * The template and every value are plain text; renderEmail escapes all of it.
 */
export function documentEmail({ kind, template, language = "en", values, org, link, toTeam = false }: DocumentEmailInput): EmailMessageContent {
  const t = emailMessages(language);
  const filled: TemplateValues = { organization_name: org.name, ...values, link: values.link ?? link };
  const subject = oneLine(fillTemplate(template.subject, filled));
  const paragraphs = paragraphsOf(fillTemplate(template.body, filled));
  // The grey line after the subject: the first paragraph that says something beyond "Hi Jane,".
  const preheader = paragraphs.find((p, i) => i > 0 || paragraphs.length === 1 || !GREETING.test(p));
  const orgName = oneLine(org.name);
  const footer = toTeam ? t("footer.team", { org: orgName }) : t(kind === "quote_sent" ? "footer.quote" : "footer.invoice", { org: orgName });
  return {
    subject,
    ...renderEmail({
      preheader: preheader ? clip(oneLine(preheader), 140) : undefined,
      heading: subject,
      paragraphs,
      action: { label: emailActionLabel(kind, language), url: link },
      footer,
      brandColor: org.brandColor ?? undefined,
      sender: { name: org.name, logoUrl: org.logoUrl },
      language,
    }),
  };
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
