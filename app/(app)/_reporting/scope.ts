import type { Member } from "@/lib/data/context";
import { dashboardCurrencies } from "@/lib/data/dashboard";
import { getOrganization } from "@/lib/data/organizations";
import { todayIn } from "@/lib/dates";
import { type NamedPeriod, parsePeriod } from "@/lib/reporting-period";
import { requireMembership } from "@/lib/session";
import { chooseCurrency } from "@/components/reporting/period-controls";

/** What every dashboard section and report needs: the scope (member, currency, period) and how to display it. */
export type ReportingScope = { member: Member; currency: string; period: NamedPeriod; today: string; locale: string; timeZone: string };

export type ReportingParams = { period?: string; from?: string; to?: string; currency?: string };

/**
 * The signed-in member's organisation and, once it has issued something, the scope the dashboard
 * and reports show: the currency asked for (if the organisation uses it) and the period, in the
 * organisation's time zone. `scope` is null for an organisation with nothing issued yet (the
 * pages then guide it to its first invoice).
 */
export async function loadReportingScope(params: ReportingParams) {
  const membership = await requireMembership();
  const [org, currencies] = await Promise.all([getOrganization(membership), dashboardCurrencies(membership)]);
  if (currencies.length === 0) return { membership, org, currencies, scope: null };
  const today = todayIn(org.timeZone);
  const scope: ReportingScope = {
    member: { userId: membership.userId, orgId: membership.orgId, role: membership.role },
    currency: chooseCurrency(params.currency, currencies, org.defaultCurrency),
    period: parsePeriod(params, today),
    today,
    locale: org.locale,
    timeZone: org.timeZone,
  };
  return { membership, org, currencies, scope };
}
