import { emailActionLabel, type EmailTemplateKind, fillTemplate, paragraphsOf, type TemplateValues } from "@/lib/email-templates";
import { type Language, textDirection } from "@/lib/i18n/languages";

/**
 * An email as its recipient reads it: the subject and the text with the placeholders filled in and
 * the document's button as a line. Settings → Emails (sample values) and the Review & send dialog
 * (the document's own values) both show this.
 */
export function EmailPreview({
  kind,
  language = "en",
  subject,
  body,
  values,
  caption,
}: {
  kind: EmailTemplateKind;
  /** The email's language: its button label, and the text's lang and direction. */
  language?: Language;
  subject: string;
  body: string;
  values: TemplateValues;
  caption: string;
}) {
  const previewSubject = fillTemplate(subject, values).replace(/\s+/g, " ").trim();
  const previewText = [...paragraphsOf(fillTemplate(body, values)), `${emailActionLabel(kind, language)}:\n${values.link ?? ""}`].join("\n\n");
  return (
    <figure className="min-w-0 rounded-md border border-slate-200 bg-slate-50 p-4">
      <figcaption className="mb-3 text-xs font-semibold tracking-wide text-slate-600 uppercase">{caption}</figcaption>
      <p className="text-sm">
        <span className="font-medium text-slate-700">Subject: </span>
        <span className="break-words" data-testid="preview-subject" lang={language} dir={textDirection(language)}>{previewSubject}</span>
      </p>
      <pre lang={language} dir={textDirection(language)} className="mt-3 font-sans text-sm leading-6 break-words whitespace-pre-wrap text-slate-900">{previewText}</pre>
    </figure>
  );
}
