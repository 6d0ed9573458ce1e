import type { AppLanguage } from "@/lib/i18n/app-language";
import { appTranslator } from "@/lib/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/account-email";
import { type EmailMessageContent, oneLine, renderEmail } from "./layout";

/** Sent on request from the sign-in page; the link holds a one-time token valid for one hour. */
export function passwordResetEmail({ name, url, language = "en" }: { name: string; url: string; language?: AppLanguage }): EmailMessageContent {
  const t = appTranslator(catalogs, language);
  const greeting = oneLine(name) ? t("hi.named", { name: oneLine(name) }) : t("hi.anonymous");
  return {
    subject: t("reset.subject"),
    ...renderEmail({
      preheader: t("reset.preheader"),
      heading: t("reset.heading"),
      paragraphs: [greeting, t("reset.body"), t("reset.validity")],
      action: { label: t("reset.action"), url },
      footer: t("reset.footer"),
      language,
    }),
  };
}
