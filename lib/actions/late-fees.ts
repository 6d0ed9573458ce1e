"use server";

import { revalidatePath } from "next/cache";
import { getOrganization } from "@/lib/data/organizations";
import { catalogs } from "@/lib/i18n/catalogs/app/documents";
import { getAppMessages } from "@/lib/session";
import { saveLateFeeForm } from "@/lib/services/late-fees";
import { lateFeeFormValues, lateFeeSchema } from "@/lib/validation/late-fees";
import { memberAction } from "./safe-action";

// settings.manage is checked by the DAL (owners and admins).

export const saveLateFee = memberAction(lateFeeSchema, async (input, { member, meta }) => {
  const saved = await saveLateFeeForm(member, input, meta);
  const org = await getOrganization(member);
  revalidatePath("/settings/reminders");
  const t = await getAppMessages(catalogs);
  const message = saved?.enabled ? t("lateFees.on") : t("lateFees.off");
  return { data: lateFeeFormValues(saved, org.defaultCurrency), message };
});
