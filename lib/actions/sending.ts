"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idField } from "@/lib/ids";
import { ensureDocumentLink, regenerateDocumentLink, revokeDocumentLink } from "@/lib/data/links";
import { getDocument } from "@/lib/data/documents/read";
import { markDocumentSent, retryEmail } from "@/lib/data/sending";
import type { Email } from "@/db/schema/mail";
import { AppError, conflict } from "@/lib/errors";
import type { Member } from "@/lib/data/context";
import { consumeAll, type LimitName, refundAll, tooManyMessage } from "@/lib/rate-limit";
import { issueWithEInvoice } from "@/lib/services/einvoice";
import { sendSchema, splitAddresses } from "@/lib/validation/send";
import { emailDelivery, SEND_WITHOUT_EMAIL_MESSAGE } from "@/lib/mail/delivery";
import { absoluteUrl } from "@/lib/urls";
import { queuedSubmission, type QueuedSend, sendDocument } from "@/lib/services/send-document";
import { memberAction } from "./safe-action";
import { getAppLanguage, getAppMessages } from "@/lib/session";
import { localizeAppMessage } from "@/lib/i18n/app-messages";
import { catalogs as sendCatalogs, type SendKey } from "@/lib/i18n/catalogs/app/send";
import type { Translate } from "@/lib/i18n/messages";
import { deliverAfterResponse } from "./send-later";

const idSchema = z.object({ id: idField("Unknown document.") });

/** The organisation's and the person's sends by hand (lib/rate-limit.ts `send`, `sendUser`). */
const sendBudgets = (member: Member): [LimitName, string][] => [
  ["send", member.orgId],
  ["sendUser", member.userId],
];

/** Spends one send of each budget, before anything is issued or queued. */
async function limitSends(member: Member): Promise<void> {
  const decision = await consumeAll(sendBudgets(member));
  if (!decision.ok) throw new AppError("RATE_LIMITED", tooManyMessage(decision.retryAfterS));
}

/** The outbox answered with a message it had already queued: that send costs nothing. */
async function refundRepeat(member: Member, email: QueuedSend): Promise<void> {
  if (email.repeat) await refundAll(sendBudgets(member));
}

export const send = memberAction(idSchema, async ({ id }, { member }) => {
  await limitSends(member);
  const email = await sendDocument(member, id);
  deliverAfterResponse(email.id);
  revalidatePath("/", "layout");
  const t = await getAppMessages(sendCatalogs);
  return { data: undefined, message: t("queued", { to: email.toAddress }) };
});

/**
 * The Review & send dialog: a draft is issued first (its number, e-invoice and PDF), then the
 * message goes out as the sender worded it, through the same send as everywhere (queued once).
 */
export const reviewAndSend = memberAction(sendSchema, async ({ id, to, cc, subject, body, attachPdf, submissionKey }, { member, meta }) => {
  const t = await getAppMessages(sendCatalogs);
  if (emailDelivery() === "none") throw conflict(SEND_WITHOUT_EMAIL_MESSAGE);
  const doc = await getDocument(member, id);
  // A repeat of a submission already queued gets that message back without spending a send (or
  // being refused one at the limit): it queues nothing. Two requests racing past this check are
  // settled by sendDocument under the document's lock; the repeat's point is given back below.
  const repeat = await queuedSubmission(member, id, doc.kind, submissionKey);
  if (repeat) return answer(repeat, false, t);
  await limitSends(member);
  const wasDraft = doc.status === "draft";
  if (wasDraft) {
    try {
      await issueWithEInvoice(member, id, meta);
    } catch (error) {
      // The same submission's other request issued it a moment ago: carry on to its one message.
      if (!(error instanceof AppError) || (await getDocument(member, id)).status === "draft") throw error;
    }
  }
  let email;
  try {
    email = await sendDocument(member, id, undefined, { to, cc: splitAddresses(cc), template: { subject, body }, attachPdf, submissionKey });
  } catch (error) {
    // Issued but not sent: say so, or the sender would think nothing happened.
    if (wasDraft && error instanceof AppError) {
      const reason = localizeAppMessage(error.message, await getAppLanguage());
      throw new AppError(error.code, t("issuedNotSent", { reason }), error.fieldErrors);
    }
    throw error;
  }
  await refundRepeat(member, email);
  return answer(email, wasDraft, t);
});

function answer(email: Email, wasDraft: boolean, t: Translate<SendKey>) {
  deliverAfterResponse(email.id);
  revalidatePath("/", "layout");
  const to = email.toAddress;
  const message = email.ccAddresses?.length
    ? t(wasDraft ? "issuedAndQueuedWithCopies" : "queuedWithCopies", { to, cc: email.ccAddresses.join(", ") })
    : t(wasDraft ? "issuedAndQueued" : "queued", { to });
  return { data: undefined, message };
}

export const markSent = memberAction(idSchema, async ({ id }, { member }) => {
  await markDocumentSent(member, id);
  revalidatePath("/", "layout");
  return { data: undefined, message: (await getAppMessages(sendCatalogs))("markedSent") };
});

/** The client link to copy and share by hand (created on first use), for an issued document. */
export const clientLink = memberAction(idSchema, async ({ id }, { member }) => {
  const doc = await getDocument(member, id);
  if (doc.status === "draft") throw conflict((await getAppMessages(sendCatalogs))("issueBeforeSharing"));
  const link = absoluteUrl(`/i/${await ensureDocumentLink(member, id)}`);
  revalidatePath("/", "layout");
  return { data: { link }, message: (await getAppMessages(sendCatalogs))("linkCopied") };
});

export const retry = memberAction(z.object({ emailId: idField("Unknown email.") }), async ({ emailId }, { member }) => {
  if (emailDelivery() === "none") throw conflict(SEND_WITHOUT_EMAIL_MESSAGE);
  const email = await retryEmail(member, emailId);
  deliverAfterResponse(email.id);
  revalidatePath("/", "layout");
  return { data: undefined, message: (await getAppMessages(sendCatalogs))("sendingAgain") };
});

export const regenerateLink = memberAction(idSchema, async ({ id }, { member }) => {
  await regenerateDocumentLink(member, id);
  revalidatePath("/", "layout");
  return { data: undefined, message: (await getAppMessages(sendCatalogs))("linkRegenerated") };
});

export const revokeLink = memberAction(idSchema, async ({ id }, { member }) => {
  await revokeDocumentLink(member, id);
  revalidatePath("/", "layout");
  return { data: undefined, message: (await getAppMessages(sendCatalogs))("linkRevoked") };
});
