"use server";

import { revalidatePath } from "next/cache";
import { resetEmailTemplate as resetEmailTemplateInDb, saveEmailTemplate as saveEmailTemplateInDb } from "@/lib/data/email-templates";
import { EMAIL_TEMPLATE_LABELS, emailTemplateKindSchema, emailTemplateSchema, type TemplateText } from "@/lib/email-templates";
import { LANGUAGE_NAMES } from "@/lib/i18n/languages";
import { memberAction } from "./safe-action";

// Role: settings.manage, checked by the DAL (which also re-checks the placeholders).

export const saveEmailTemplate = memberAction(emailTemplateSchema, async (input, { member, meta }) => {
  const saved = await saveEmailTemplateInDb(member, input, meta);
  revalidatePath("/settings/emails");
  return { data: { subject: saved.subject, body: saved.body } satisfies TemplateText, message: `${EMAIL_TEMPLATE_LABELS[saved.kind].title} email in ${LANGUAGE_NAMES[saved.language]} saved.` };
});

/** Returns the default wording so the form can show it without a reload. */
export const resetEmailTemplate = memberAction(emailTemplateKindSchema, async ({ kind, language }, { member, meta }) => {
  const reset = await resetEmailTemplateInDb(member, kind, language, meta);
  revalidatePath("/settings/emails");
  return { data: { subject: reset.subject, body: reset.body } satisfies TemplateText, message: `${EMAIL_TEMPLATE_LABELS[kind].title} email in ${LANGUAGE_NAMES[language]} reset to the default.` };
});
