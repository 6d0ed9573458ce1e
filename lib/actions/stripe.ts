"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getOrganization } from "@/lib/data/organizations";
import { deleteStripeConnection } from "@/lib/data/stripe-connections";
import { connectStripe as connectStripeService, savePaymentOptions } from "@/lib/services/stripe-connect";
import { paymentOptionsSchema, stripeKeysSchema } from "@/lib/validation/stripe";
import { memberAction } from "./safe-action";

// settings.manage is checked by the DAL (admins and owners only).

export const connectStripe = memberAction(stripeKeysSchema, async (input, { member, meta }) => {
  const { livemode } = await connectStripeService(member, input, meta);
  revalidatePath("/settings/payments");
  return { data: undefined, message: `Stripe is connected (${livemode ? "live" : "test"} mode). Check that the webhook below is set up in Stripe.` };
});

export const disconnectStripe = memberAction(z.object({}), async (_input, { member, meta }) => {
  await deleteStripeConnection(member, meta);
  revalidatePath("/settings/payments");
  return { data: undefined, message: "Stripe is disconnected: clients no longer see a Pay button. Payments already recorded stay." };
});

export const saveStripePaymentOptions = memberAction(paymentOptionsSchema, async (input, { member, meta }) => {
  const org = await getOrganization(member);
  await savePaymentOptions(member, input, org.defaultCurrency, meta);
  revalidatePath("/settings/payments");
  return { data: undefined, message: "Payment options saved." };
});
