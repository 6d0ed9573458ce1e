"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idField } from "@/lib/ids";
import { documentPaths } from "@/lib/document-labels";
import { deleteDraft, duplicateDocument, saveDraft } from "@/lib/data/documents/drafts";
import { createCreditNote as createCreditNoteInDb, voidAndCopy, voidDocument } from "@/lib/data/documents/lifecycle";
import { deletePayment as deletePaymentInDb } from "@/lib/data/documents/payments";
import { convertQuote, setQuoteOutcome } from "@/lib/data/documents/quotes";
import { getDocument } from "@/lib/data/documents/read";
import { badRequest, conflict } from "@/lib/errors";
import { lastInvoiceOf } from "@/lib/data/customer-balances";
import { MoneyError, parseMoney } from "@/lib/money";
import { documentSchema, paymentSchema, toDraftInput, voidSchema } from "@/lib/validation/documents";
import { saveAndIssueDraft } from "@/lib/services/issue-draft";
import { einvoiceForDepositOf, issueWithEInvoice } from "@/lib/services/einvoice";
import { emailDelivery } from "@/lib/mail/delivery";
import { recordPaymentWithReceipt } from "@/lib/services/payment-emails";
import { withFlash } from "@/lib/flash";
import { getAppMessages } from "@/lib/session";
import { catalogs as actionCatalogs } from "@/lib/i18n/catalogs/app/document-actions";
import { memberAction } from "./safe-action";
import { deliverAfterResponse } from "./send-later";

const documentId = idField("Unknown document.");
const idSchema = z.object({ id: documentId });

export const saveDocument = memberAction(documentSchema, async (values, { member }) => {
  let input;
  try {
    input = toDraftInput(values);
  } catch (error) {
    if (error instanceof MoneyError) throw badRequest(error.message);
    throw error;
  }
  const doc = await saveDraft(member, { ...input, id: values.id });
  revalidatePath(documentPaths[doc.kind]);
  return { data: { id: doc.id }, redirectTo: withFlash(`${documentPaths[doc.kind]}/${doc.id}`, "draft-saved") };
});

/** The editor's "Save and issue": the draft as typed, saved and issued at once (lib/services/issue-draft.ts). */
export const saveAndIssueDocument = memberAction(documentSchema, async (values, { member, meta }) => {
  let input;
  try {
    input = toDraftInput(values);
  } catch (error) {
    if (error instanceof MoneyError) throw badRequest(error.message);
    throw error;
  }
  const outcome = await saveAndIssueDraft(member, { ...input, id: values.id }, meta);
  const doc = outcome.document;
  revalidatePath(documentPaths[doc.kind], "layout");
  // Saved but not issued (the e-invoice misses fields): the draft's page says so and lists them.
  const notice = outcome.issued ? "" : "?notice=einvoice";
  return { data: { id: doc.id }, redirectTo: `${documentPaths[doc.kind]}/${doc.id}${notice}` };
});

export const issue = memberAction(idSchema, async ({ id }, { member, meta }) => {
  const doc = await issueWithEInvoice(member, id, meta);
  revalidatePath(documentPaths[doc.kind], "layout");
  return { data: undefined, message: (await getAppMessages(actionCatalogs))("issued", { number: String(doc.number) }) };
});

export const recordPayment = memberAction(paymentSchema, async (values, { member, meta }) => {
  const doc = await getDocument(member, values.documentId);
  let amount: number;
  try {
    amount = parseMoney(values.amount, doc.currency);
  } catch (error) {
    if (error instanceof MoneyError) throw badRequest(error.message, { amount: error.message });
    throw error;
  }
  const { payment, receipt } = await recordPaymentWithReceipt(
    member,
    doc.id,
    { paidOn: values.paidOn, amount, method: values.method, reference: values.reference },
    { idempotencyKey: values.idempotencyKey, confirmDuplicate: values.confirmDuplicate, emailReceipt: values.emailReceipt },
    meta,
  );
  if (receipt) deliverAfterResponse(receipt);
  revalidatePath("/invoices", "layout");
  const t = await getAppMessages(actionCatalogs);
  let message = t("paymentRecorded");
  if (values.emailReceipt) {
    message = receipt ? t("paymentRecordedReceipt") : emailDelivery() === "none" ? t("paymentRecordedNoEmail") : t("paymentRecordedNoAddress");
  }
  return { data: { paymentId: payment.id }, message };
});

export const deletePayment = memberAction(z.object({ paymentId: idField("Unknown payment.") }), async ({ paymentId }, { member, meta }) => {
  await deletePaymentInDb(member, paymentId, meta);
  revalidatePath("/invoices", "layout");
  return { data: undefined, message: (await getAppMessages(actionCatalogs))("paymentDeleted") };
});

export const voidOrCopy = memberAction(voidSchema, async ({ id, reason, copy }, { member, meta }) => {
  if (copy) {
    const draft = await voidAndCopy(member, id, reason, meta);
    revalidatePath(documentPaths[draft.kind], "layout");
    return { data: undefined, redirectTo: withFlash(`${documentPaths[draft.kind]}/${draft.id}/edit`, "voided-copied") };
  }
  const doc = await voidDocument(member, id, reason, meta);
  revalidatePath(documentPaths[doc.kind], "layout");
  return { data: undefined, message: (await getAppMessages(actionCatalogs))("markedVoid") };
});

export const duplicate = memberAction(idSchema, async ({ id }, { member }) => {
  const draft = await duplicateDocument(member, id);
  return { data: undefined, redirectTo: withFlash(`${documentPaths[draft.kind]}/${draft.id}/edit`, "draft-created") };
});

/** "Invoice again" on a customer's page: their last invoice copied to a draft, dated today, due after the same term. */
export const invoiceAgain = memberAction(z.object({ customerId: idField("Unknown customer.") }), async ({ customerId }, { member }) => {
  const last = await lastInvoiceOf(member, customerId);
  if (!last) throw conflict((await getAppMessages(actionCatalogs))("noInvoiceToCopy"));
  const draft = await duplicateDocument(member, last.id, undefined, { rollDates: true });
  revalidatePath("/invoices");
  return { data: undefined, redirectTo: withFlash(`/invoices/${draft.id}/edit`, "draft-created") };
});

export const createCreditNote = memberAction(
  z.object({ id: documentId, lineIds: z.array(idField("Choose lines from the list.")).min(1, { error: "Choose at least one line to credit." }).optional() }),
  async ({ id, lineIds }, { member }) => {
    const draft = await createCreditNoteInDb(member, id, lineIds);
    return { data: undefined, redirectTo: withFlash(`/credit-notes/${draft.id}`, "credit-note-created") };
  },
);

export const quoteOutcome = memberAction(z.object({ id: documentId, outcome: z.enum(["accepted", "declined"]) }), async ({ id, outcome }, { member }) => {
  await setQuoteOutcome(member, id, outcome);
  // The deposit invoice an acceptance issued gets its e-invoice, best effort.
  if (outcome === "accepted") await einvoiceForDepositOf(member.orgId, id);
  revalidatePath("/quotes", "layout");
  return { data: undefined, message: (await getAppMessages(actionCatalogs))(outcome === "accepted" ? "quoteAccepted" : "quoteDeclined") };
});

export const convertToInvoice = memberAction(idSchema, async ({ id }, { member }) => {
  const invoice = await convertQuote(member, id);
  revalidatePath("/quotes", "layout");
  return { data: undefined, redirectTo: withFlash(`/invoices/${invoice.id}`, "converted") };
});

export const removeDraft = memberAction(z.object({ id: documentId, kind: z.enum(["invoice", "quote", "credit_note"]) }), async ({ id, kind }, { member, meta }) => {
  await deleteDraft(member, id, meta);
  revalidatePath(documentPaths[kind]);
  return { data: undefined, redirectTo: withFlash(documentPaths[kind], "draft-deleted") };
});
