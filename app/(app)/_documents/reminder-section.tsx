import { ReminderControls } from "@/components/documents/reminder-controls";
import { isOpenInvoiceStatus } from "@/lib/data/documents/shared";
import { getInvoiceReminders } from "@/lib/data/reminders";
import { formatDate, todayIn } from "@/lib/dates";
import { catalogs } from "@/lib/i18n/catalogs/app/document-page";
import { nextReminder } from "@/lib/reminder-schedule";
import { getAppMessages, type MembershipContext } from "@/lib/session";

/**
 * An open invoice's reminders on its page: when the next one goes (computed the way the job decides,
 * lib/reminder-schedule.ts), with Pause and Send now. Nothing for drafts, paid or void invoices.
 */
export async function ReminderSection({
  membership,
  invoiceId,
  customerName,
  org,
}: {
  membership: MembershipContext;
  invoiceId: string;
  customerName: string;
  org: { locale: string; timeZone: string };
}) {
  const [state, t] = await Promise.all([getInvoiceReminders(membership, invoiceId), getAppMessages(catalogs)]);
  if (!isOpenInvoiceStatus(state.status) || !state.dueDate) return null;
  const today = todayIn(org.timeZone);
  const next = nextReminder({ dueDate: state.dueDate, steps: state.steps, sent: state.sent, today, promisedOn: state.promisedOn });
  const promiseHolds = state.promisedOn !== null && state.promisedOn >= today;
  // Worded to sit inside a sentence ("… (3 days after the due date)"), as lib/reminder-schedule.ts describeStep in English.
  const describe = (step: number) => (step === 0 ? t("reminders.onDueDate") : t(step < 0 ? "reminders.before" : "reminders.after", { days: Math.abs(step) }));
  return (
    <ReminderControls
      id={invoiceId}
      next={next ? { step: next.step, date: formatDate(next.date, org.locale), description: describe(next.step) } : null}
      enabled={state.enabled}
      paused={state.paused}
      promise={promiseHolds ? t("reminders.promise", { customer: customerName, date: formatDate(state.promisedOn, org.locale) }) : null}
    />
  );
}
