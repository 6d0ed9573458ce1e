"use server";

import { revalidatePath } from "next/cache";
import { createOrganization, updateOrganization } from "@/lib/data/organizations";
import { AppError } from "@/lib/errors";
import { consumeAll, tooManyMessage } from "@/lib/rate-limit";
import { setActiveOrganization } from "@/lib/session";
import { addressStepSchema, businessStepSchema, paymentStepSchema } from "@/lib/validation/onboarding";
import { z } from "zod";
import { memberAction, userAction } from "./safe-action";

/**
 * The onboarding's steps. Each saves its slice of the profile at once, so leaving after any step
 * keeps what was done and a later visit resumes at the first step not done (lib/onboarding-progress.ts).
 * Steps 1 and 2 answer with data and the wizard moves on in the browser (Back keeps what was typed);
 * the last step and "Skip" go to the dashboard.
 */
export const saveBusinessStep = memberAction(businessStepSchema, async (profile, { member, meta }) => {
  await updateOrganization(member, profile, meta);
  revalidatePath("/", "layout");
  return { data: undefined };
});

export const saveAddressStep = memberAction(addressStepSchema, async (profile, { member, meta }) => {
  await updateOrganization(member, profile, meta);
  revalidatePath("/", "layout");
  return { data: undefined };
});

export const savePaymentStep = memberAction(paymentStepSchema, async (profile, { member, meta }) => {
  await updateOrganization(member, profile, { markOnboarded: true, ...meta });
  revalidatePath("/", "layout");
  return { data: undefined, redirectTo: "/dashboard" };
});

/** Step 3 can wait: the organisation already works without bank details or a logo. */
export const skipPaymentStep = memberAction(z.object({}), async (_input, { member, meta }) => {
  await updateOrganization(member, {}, { markOnboarded: true, ...meta });
  revalidatePath("/", "layout");
  return { data: undefined, redirectTo: "/dashboard" };
});

/** Organisations → New: the same first step, creating the organisation with it; the onboarding then resumes at step 2. */
export const createOrganizationWithBusiness = userAction(businessStepSchema, async ({ name, ...profile }, { user, meta }) => {
  // Each organisation is a new sending budget (lib/rate-limit.ts `newOrganization`).
  const decision = await consumeAll([["newOrganization", user.id]]);
  if (!decision.ok) throw new AppError("RATE_LIMITED", tooManyMessage(decision.retryAfterS));
  const org = await createOrganization(user.id, name, meta, undefined, profile);
  await setActiveOrganization(org.id);
  revalidatePath("/", "layout");
  return { data: undefined, redirectTo: "/onboarding" };
});
