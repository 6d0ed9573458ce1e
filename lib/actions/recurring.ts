"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { saveProfile, setProfileStatus } from "@/lib/data/recurring-profiles";
import { saveMissedPolicy as saveMissedPolicyInDb } from "@/lib/data/recurring-settings";
import { badRequest } from "@/lib/errors";
import { idField } from "@/lib/ids";
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

const statusMessages = {
  active: "Resumed: the next invoice is on the date shown.",
  paused: "Paused: no invoices are created until you resume it.",
  ended: "Ended: no more invoices will be created from this profile.",
} as const;

export const setRecurringStatus = memberAction(statusSchema, async ({ id, status }, { member, meta }) => {
  const profile = await setProfileStatus(member, id, status, meta);
  revalidatePath("/recurring", "layout");
  // Resuming a profile whose schedule has no date left ends it: say what happened.
  const message = status === "active" && profile.status === "ended" ? "This schedule has no date left, so the profile has ended." : statusMessages[status];
  return { data: { status: profile.status }, message };
});

export const saveMissedPolicy = memberAction(z.object({ missedPolicy: z.enum(["draft", "as_scheduled"], { error: "Choose one." }) }), async ({ missedPolicy }, { member, meta }) => {
  const saved = await saveMissedPolicyInDb(member, missedPolicy, meta);
  revalidatePath("/recurring", "layout");
  return {
    data: saved,
    message: saved === "draft" ? "Saved: missed occurrences are created as drafts for review." : "Saved: missed occurrences are issued and sent as each profile says.",
  };
});
