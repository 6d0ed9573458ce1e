"use server";

import { revalidatePath } from "next/cache";
import { resetEmailTemplate as resetEmailTemplateInDb, saveEmailTemplate as saveEmailTemplateInDb } from "@/lib/data/email-templates";
import { emailTemplateKindSchema, emailTemplateSchema, type TemplateText } from "@/lib/email-templates";
import { LANGUAGE_NAMES } from "@/lib/i18n/languages";
import { catalogs } from "@/lib/i18n/catalogs/app/settings";
import { getAppMessages } from "@/lib/session";
import { memberAction } from "./safe-action";

// Role: settings.manage, checked by the DAL (which also re-checks the placeholders).

export const saveEmailTemplate = memberAction(emailTemplateSchema, async (input, { member, meta }) => {
  const saved = await saveEmailTemplateInDb(member, input, meta);
  revalidatePath("/settings/emails");
  const t = await getAppMessages(catalogs);
  const message = t("emails.msg.saved", { title: t(`emails.kind.${saved.kind}.title`), language: LANGUAGE_NAMES[saved.language] });
  return { data: { subject: saved.subject, body: saved.body } satisfies TemplateText, message };
});

/** Returns the default wording so the form can show it without a reload. */
export const resetEmailTemplate = memberAction(emailTemplateKindSchema, async ({ kind, language }, { member, meta }) => {
  const reset = await resetEmailTemplateInDb(member, kind, language, meta);
  revalidatePath("/settings/emails");
  const t = await getAppMessages(catalogs);
  const message = t("emails.msg.reset", { title: t(`emails.kind.${kind}.title`), language: LANGUAGE_NAMES[language] });
  return { data: { subject: reset.subject, body: reset.body } satisfies TemplateText, message };
});
