"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { saveProfile, setProfileStatus } from "@/lib/data/recurring-profiles";
import { saveMissedPolicy as saveMissedPolicyInDb } from "@/lib/data/recurring-settings";
import { badRequest } from "@/lib/errors";
import { idField } from "@/lib/ids";
import { catalogs as recurringCatalogs } from "@/lib/i18n/catalogs/app/recurring";
import { catalogs as editorCatalogs } from "@/lib/i18n/catalogs/app/recurring-editor";
import { getAppMessages } from "@/lib/session";
import { MoneyError } from "@/lib/money";
import { recurringSchema, toProfileInput } from "@/lib/validation/recurring";
import { memberAction } from "./safe-action";

// Roles are checked by the DAL: documents.manage for profiles, settings.manage for the missed policy.

export const saveRecurringProfile = memberAction(recurringSchema, async (values, { member, meta }) => {
  // A total beyond what the money module allows is the user's to fix, not a server error.
  let profile;
  try {
    profile = await saveProfile(member, { ...toProfileInput(values), id: values.id }, meta);
  } catch (error) {
    if (error instanceof MoneyError) throw badRequest(error.message);
    throw error;
  }
  revalidatePath("/recurring", "layout");
  return { data: { id: profile.id }, redirectTo: `/recurring/${profile.id}` };
});

const statusSchema = z.object({ id: idField("Unknown recurring profile."), status: z.enum(["active", "paused", "ended"]) });

const statusMessages = { active: "controls.resumed", paused: "controls.paused", ended: "controls.ended" } as const;

export const setRecurringStatus = memberAction(statusSchema, async ({ id, status }, { member, meta }) => {
  const profile = await setProfileStatus(member, id, status, meta);
  revalidatePath("/recurring", "layout");
  // Resuming a profile whose schedule has no date left ends it: say what happened.
  const t = await getAppMessages(editorCatalogs);
  const message = t(status === "active" && profile.status === "ended" ? "controls.noDateLeft" : statusMessages[status]);
  return { data: { status: profile.status }, message };
});

export const saveMissedPolicy = memberAction(z.object({ missedPolicy: z.enum(["draft", "as_scheduled"], { error: "Choose one." }) }), async ({ missedPolicy }, { member, meta }) => {
  const saved = await saveMissedPolicyInDb(member, missedPolicy, meta);
  revalidatePath("/recurring", "layout");
  return {
    data: saved,
    message: (await getAppMessages(recurringCatalogs))(saved === "draft" ? "missed.savedDraft" : "missed.savedAsScheduled"),
  };
});
