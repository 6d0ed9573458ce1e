"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { conflict } from "@/lib/errors";
import { countLabel } from "@/lib/plural";
import { checkStripeNow, recordMissingStripePayment } from "@/lib/services/stripe-reconcile";
import { memberAction } from "./safe-action";

// Roles are checked by the service: settings.manage (owners and admins).

const PAGE = "/settings/payments/reconciliation";

export const checkStripeReconciliation = memberAction(z.object({}), async (_input, { member }) => {
  const result = await checkStripeNow(member);
  revalidatePath(PAGE);
  // The result (with Stripe's refusal) is stored and shown; the button answers with the error too.
  if (result.error) throw conflict(result.error);
  const n = result.mismatches.length;
  return { data: undefined, message: n ? `Checked: ${countLabel(n, { one: "mismatch", other: "mismatches" }, "en")} to look at.` : "Checked: every Stripe payment of the last 30 days is recorded." };
});

/** The id comes from the page; the service reads the payment again from Stripe before recording it. */
export const recordStripePayment = memberAction(z.object({ paymentIntentId: z.string().trim().min(1).max(255) }), async ({ paymentIntentId }, { member }) => {
  const message = await recordMissingStripePayment(member, paymentIntentId);
  revalidatePath(PAGE);
  return { data: undefined, message };
});
