"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idField } from "@/lib/ids";
import { regenerateDocumentLink, revokeDocumentLink } from "@/lib/data/links";
import { retryEmail } from "@/lib/data/sending";
import { sendDocument } from "@/lib/services/send-document";
import { memberAction } from "./safe-action";
import { deliverAfterResponse } from "./send-later";

const idSchema = z.object({ id: idField("Unknown document.") });

export const send = memberAction(idSchema, async ({ id }, { member }) => {
  const email = await sendDocument(member, id);
  deliverAfterResponse(email.id);
  revalidatePath("/", "layout");
  return { data: undefined, message: `Queued for ${email.toAddress}; it goes out in a moment.` };
});

export const retry = memberAction(z.object({ emailId: idField("Unknown email.") }), async ({ emailId }, { member }) => {
  const email = await retryEmail(member, emailId);
  deliverAfterResponse(email.id);
  revalidatePath("/", "layout");
  return { data: undefined, message: "Sending again." };
});

export const regenerateLink = memberAction(idSchema, async ({ id }, { member }) => {
  await regenerateDocumentLink(member, id);
  revalidatePath("/", "layout");
  return { data: undefined, message: "A new link was created; the old one no longer works." };
});

export const revokeLink = memberAction(idSchema, async ({ id }, { member }) => {
  await revokeDocumentLink(member, id);
  revalidatePath("/", "layout");
  return { data: undefined, message: "The client link was revoked." };
});
