import type { Member } from "@/lib/data/context";
import type { NamedPeriod } from "@/lib/reporting-period";

/** What every dashboard section needs: the scope (member, currency, period) and how to display it. */
export type DashboardScope = { member: Member; currency: string; period: NamedPeriod; today: string; locale: string; timeZone: string };

export const card = "rounded-lg border border-slate-200 bg-white p-5";
export const link = "font-semibold text-brand-700 underline-offset-2 hover:underline";
