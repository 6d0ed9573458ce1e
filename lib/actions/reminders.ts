"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { catalogs } from "@/lib/i18n/catalogs/app/documents";
import { idField } from "@/lib/ids";
import { getAppMessages } from "@/lib/session";
import { saveReminderSettings as saveReminderSettingsInDb, setCustomerPaymentPromise, setInvoiceRemindersPaused } from "@/lib/data/reminders";
import { reminderSettingsSchema } from "@/lib/reminder-schedule";
import { sendReminderNow } from "@/lib/services/reminders";
import { isoDate } from "@/lib/validation/common";
import { memberAction } from "./safe-action";
import { deliverAfterResponse } from "./send-later";

// Roles are checked by the DAL: settings.manage for the schedule, documents.manage for an invoice,
// customers.manage for a customer's promise.

export const saveReminderSettings = memberAction(reminderSettingsSchema, async (input, { member, meta }) => {
  const saved = await saveReminderSettingsInDb(member, input, meta);
  revalidatePath("/", "layout");
  const t = await getAppMessages(catalogs);
  return { data: saved, message: saved.enabled ? t("reminders.on") : t("reminders.off") };
});

const invoiceSchema = z.object({ id: idField("Unknown invoice.") });

export const pauseInvoiceReminders = memberAction(invoiceSchema, async ({ id }, { member }) => {
  await setInvoiceRemindersPaused(member, id, true);
  revalidatePath("/", "layout");
  return { data: undefined, message: (await getAppMessages(catalogs))("reminders.paused") };
});

export const resumeInvoiceReminders = memberAction(invoiceSchema, async ({ id }, { member }) => {
  await setInvoiceRemindersPaused(member, id, false);
  revalidatePath("/", "layout");
  return { data: undefined, message: (await getAppMessages(catalogs))("reminders.resumed") };
});

/** The step comes from the page: two clicks on the same "Send now" name the same step, and the second sends nothing. */
export const sendInvoiceReminder = memberAction(
  invoiceSchema.extend({ step: z.number().int() }),
  async ({ id, step }, { member }) => {
    const sent = await sendReminderNow(member, id, step);
    deliverAfterResponse(sent.emailId);
    revalidatePath("/", "layout");
    return { data: undefined, message: (await getAppMessages(catalogs))("reminders.queued", { to: sent.to }) };
  },
);

export const promiseToPay = memberAction(
  z.object({ id: idField("Unknown customer."), promisedOn: isoDate("the promised date") }),
  async ({ id, promisedOn }, { member, meta }) => {
    await setCustomerPaymentPromise(member, id, promisedOn, meta);
    revalidatePath("/", "layout");
    return { data: undefined, message: (await getAppMessages(catalogs))("reminders.promised") };
  },
);

export const clearPromiseToPay = memberAction(z.object({ id: idField("Unknown customer.") }), async ({ id }, { member, meta }) => {
  await setCustomerPaymentPromise(member, id, null, meta);
  revalidatePath("/", "layout");
  return { data: undefined, message: (await getAppMessages(catalogs))("reminders.promiseCleared") };
});
