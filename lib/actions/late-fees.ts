"use server";

import { revalidatePath } from "next/cache";
import { getOrganization } from "@/lib/data/organizations";
import { saveLateFeeForm } from "@/lib/services/late-fees";
import { lateFeeFormValues, lateFeeSchema } from "@/lib/validation/late-fees";
import { memberAction } from "./safe-action";

// settings.manage is checked by the DAL (owners and admins).

export const saveLateFee = memberAction(lateFeeSchema, async (input, { member, meta }) => {
  const saved = await saveLateFeeForm(member, input, meta);
  const org = await getOrganization(member);
  revalidatePath("/settings/reminders");
  const message = saved?.enabled ? "Late fees are on: a fee is added at each reminder after the due date." : "Late fees are off.";
  return { data: lateFeeFormValues(saved, org.defaultCurrency), message };
});
