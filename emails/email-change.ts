import type { AppLanguage } from "@/lib/i18n/app-language";
import { appTranslator } from "@/lib/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/account-email";
import { type EmailMessageContent, oneLine, renderEmail } from "./layout";

/**
 * Sent to the NEW address when someone changes their sign-in email: the change only takes
 * effect once the owner of that address follows the link (valid for 24 hours).
 */
export function emailChangeEmail({ name, newEmail, url, language = "en" }: { name: string; newEmail: string; url: string; language?: AppLanguage }): EmailMessageContent {
  const t = appTranslator(catalogs, language);
  const greeting = oneLine(name) ? t("hi.named", { name: oneLine(name) }) : t("hi.anonymous");
  return {
    subject: t("change.subject"),
    ...renderEmail({
      preheader: t("change.preheader"),
      heading: t("change.heading"),
      paragraphs: [greeting, t("change.body", { email: oneLine(newEmail) }), t("change.validity")],
      action: { label: t("change.action"), url },
      footer: t("change.footer"),
      language,
    }),
  };
}
