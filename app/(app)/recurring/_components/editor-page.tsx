import Link from "next/link";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { ProfileEditor } from "@/components/recurring/profile-editor";
import { can } from "@/lib/auth/roles";
import { discountFromColumns } from "@/lib/data/documents/shared";
import { loadEditorOptions } from "@/lib/data/editor-options";
import { customerNames, occurrenceSummary } from "@/lib/data/recurring-history";
import { getProfile } from "@/lib/data/recurring-profiles";
import { daysInMonth, isoWeekday, LAST_DAY } from "@/lib/recurrence";
import { todayIn } from "@/lib/dates";
import { emailDelivery } from "@/lib/mail/delivery";
import { quantityToString, rateToString, toDecimalString } from "@/lib/money";
import { catalogs } from "@/lib/i18n/catalogs/app/recurring-editor";
import { getAppMessages, type MembershipContext } from "@/lib/session";
import type { RecurringFormValues } from "@/lib/validation/recurring";
import { notFound } from "next/navigation";

/** The form's values for a new profile (monthly on today's day, from today) or the saved one as typed text. */
export async function RecurringEditorPage({ id, membership }: { id?: string; membership: MembershipContext }) {
  if (!can(membership.role, "documents.manage")) return <NoAccess area="editingRecurring" />;
  const [options, t] = await Promise.all([loadEditorOptions(membership), getAppMessages(catalogs)]);
  const { org } = options;
  const today = todayIn(org.timeZone);
  let defaults: RecurringFormValues;
  let edit = null;
  let customers = options.customers;
  if (id) {
    const profile = await getProfile(membership, id);
    if (!profile) notFound();
    if (profile.status === "ended") {
      return (
        <div className="rounded-lg border border-slate-200 bg-white p-8">
          <h1 className="text-2xl font-bold">{t("page.ended")}</h1>
          <p className="mt-3 text-slate-700">{t("page.endedHint")}</p>
          <Link href={`/recurring/${id}`} className="mt-6 inline-block text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">{t("page.back")}</Link>
        </div>
      );
    }
    const summary = await occurrenceSummary(membership, id);
    // An archived customer is not offered for new work, but the profile still names it: show it
    // (the job records each occurrence as failed until the owner restores it or picks another).
    if (!customers.some((c) => c.id === profile.customerId)) {
      const name = (await customerNames(membership, [profile.customerId])).get(profile.customerId) ?? t("page.unknownCustomer");
      customers = [...customers, { id: profile.customerId, name: t("page.archived", { name }), currency: null, paymentTermsDays: null, buyerReference: null, language: null }];
    }
    edit = { lastCreated: summary.lastCreated, pending: profile.nextDate, created: profile.occurrenceCount };
    const discount = (type: "percent" | "amount" | null, value: number | null) => {
      const d = discountFromColumns(type, value);
      if (!d) return { discountType: "none" as const, discountValue: "" };
      return d.type === "percent" ? { discountType: "percent" as const, discountValue: rateToString(d.rateE4) } : { discountType: "amount" as const, discountValue: toDecimalString(d.amount, profile.currency) };
    };
    defaults = {
      id: profile.id,
      name: profile.name,
      customerId: profile.customerId,
      currency: profile.currency,
      ...discount(profile.discountType, profile.discountValue),
      notes: profile.notes ?? "",
      terms: profile.terms ?? "",
      footer: profile.footer ?? "",
      language: profile.language ?? "",
      paymentTermsDays: String(profile.paymentTermsDays),
      action: profile.action,
      attachPdf: profile.attachPdf,
      frequency: profile.frequency,
      interval: String(profile.interval),
      weekday: String(profile.weekday ?? isoWeekday(profile.startDate)),
      dayOfMonth: String(profile.dayOfMonth ?? Number(profile.startDate.slice(8, 10))),
      monthOfYear: String(profile.monthOfYear ?? Number(profile.startDate.slice(5, 7))),
      startDate: profile.startDate,
      endType: profile.endType,
      endAfterCount: profile.endAfterCount === null ? "" : String(profile.endAfterCount),
      endDate: profile.endDate ?? "",
      lines: profile.lines.map((l) => ({
        itemId: l.itemId,
        description: l.description,
        unit: l.unit ?? "",
        quantity: quantityToString(l.quantityE4),
        unitPrice: toDecimalString(l.unitPrice, profile.currency),
        ...discount(l.discountType, l.discountValue),
        taxRateIds: l.taxRateIds,
      })),
    };
  } else {
    const [year, month, day] = today.split("-").map(Number) as [number, number, number];
    defaults = {
      name: "",
      customerId: "",
      currency: org.defaultCurrency,
      discountType: "none",
      discountValue: "",
      notes: org.defaultNotes ?? "",
      terms: org.defaultTerms ?? "",
      footer: org.defaultFooter ?? "",
      language: "",
      paymentTermsDays: String(org.paymentTermsDays),
      action: "draft",
      attachPdf: true,
      frequency: "monthly",
      interval: "1",
      weekday: String(isoWeekday(today)),
      // Today's day, or "Last day" when today is the month's last (30 April bills on 31 May too).
      dayOfMonth: String(day === daysInMonth(year, month) ? LAST_DAY : day),
      monthOfYear: String(month),
      startDate: today,
      endType: "never",
      endAfterCount: "",
      endDate: "",
      lines: [{ itemId: null, description: "", unit: "", quantity: "1", unitPrice: "", discountType: "none", discountValue: "", taxRateIds: [] }],
    };
  }
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{id ? t("page.edit") : t("page.new")}</h1>
        {id ? <p className="mt-1 text-sm text-slate-700">{t("page.editHint")}</p> : null}
      </div>
      <ProfileEditor defaults={defaults} customers={customers} items={options.items} taxRates={options.taxRates} locale={org.locale} rounding={org.rounding} today={today} edit={edit} emailOff={emailDelivery() === "none"} />
    </div>
  );
}
