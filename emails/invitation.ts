import type { MemberRole } from "@/db/schema";
import type { AppLanguage } from "@/lib/i18n/app-language";
import { appTranslator } from "@/lib/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/account-email";
import { type EmailMessageContent, oneLine, renderEmail } from "./layout";

/** An invitation to join an organisation; the link is valid for 7 days. */
export function invitationEmail({
  inviterName,
  orgName,
  role,
  url,
  language = "en",
}: {
  inviterName: string;
  orgName: string;
  role: MemberRole;
  url: string;
  language?: AppLanguage;
}): EmailMessageContent {
  const t = appTranslator(catalogs, language);
  const inviter = oneLine(inviterName) || t("invite.someone");
  const org = oneLine(orgName);
  return {
    subject: t("invite.subject", { inviter, org }),
    ...renderEmail({
      preheader: t("invite.preheader", { org }),
      heading: t("invite.heading", { org }),
      paragraphs: [t("invite.body", { inviter, org, role }), t("invite.about"), t("invite.validity")],
      action: { label: t("invite.action"), url },
      footer: t("invite.footer"),
      language,
    }),
  };
}
