import { Suspense } from "react";
import { getDb } from "@/db";
import { ButtonLink } from "@/components/ui/button-link";
import { chooseCurrency, PeriodControls } from "@/components/reporting/period-controls";
import { dashboardCurrencies } from "@/lib/data/dashboard";
import { getOrganization } from "@/lib/data/organizations";
import { formatDate, todayIn } from "@/lib/dates";
import { parsePeriod } from "@/lib/reporting-period";
import { requireMembership } from "@/lib/session";
import { CashFlowSection } from "./_components/cash-flow";
import type { DashboardScope } from "./_components/context";
import { GetStarted } from "./_components/get-started";
import { KeyFiguresSection } from "./_components/key-figures";
import { ActivitySection, AgingSection, TopCustomersSection, UpcomingSection } from "./_components/lists";
import { FiguresSkeleton, SectionSkeleton } from "./_components/skeleton";

export const metadata = { title: "Dashboard" };

type Params = { period?: string; from?: string; to?: string; currency?: string };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Params> }) {
  const membership = await requireMembership();
  const params = await searchParams;
  const db = await getDb();
  const [org, currencies] = await Promise.all([getOrganization(db, membership), dashboardCurrencies(db, membership)]);

  if (currencies.length === 0) {
    return (
      <div className="space-y-8">
        <h1 className="text-2xl font-bold tracking-tight">{org.name}</h1>
        <GetStarted member={membership} />
      </div>
    );
  }

  const today = todayIn(org.timeZone);
  const currency = chooseCurrency(params.currency, currencies, org.defaultCurrency);
  const period = parsePeriod(params, today);
  const scope: DashboardScope = { member: { userId: membership.userId, orgId: membership.orgId, role: membership.role }, currency, period, today, locale: org.locale, timeZone: org.timeZone };
  // Each section streams on its own: a slow query never holds back the figures above it.
  const key = `${currency}:${period.from}:${period.to}`;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{org.name}</h1>
          <p className="text-sm text-slate-700">
            {period.label}: {formatDate(period.from, org.locale)} – {formatDate(period.to, org.locale)}, {currency}
          </p>
        </div>
        <ButtonLink href="/invoices/new">New invoice</ButtonLink>
      </div>
      <PeriodControls path="/dashboard" period={period} currency={currency} currencies={currencies} />
      <Suspense key={`figures:${key}`} fallback={<FiguresSkeleton />}>
        <KeyFiguresSection scope={scope} />
      </Suspense>
      <Suspense key={`cash:${key}`} fallback={<SectionSkeleton lines={8} />}>
        <CashFlowSection scope={scope} />
      </Suspense>
      <div className="grid gap-8 lg:grid-cols-2">
        <Suspense key={`aging:${key}`} fallback={<SectionSkeleton />}>
          <AgingSection scope={scope} />
        </Suspense>
        <Suspense key={`upcoming:${key}`} fallback={<SectionSkeleton />}>
          <UpcomingSection scope={scope} />
        </Suspense>
        <Suspense key={`top:${key}`} fallback={<><SectionSkeleton /><SectionSkeleton /></>}>
          <TopCustomersSection scope={scope} />
        </Suspense>
        <Suspense fallback={<SectionSkeleton className="lg:col-span-2" />}>
          <div className="lg:col-span-2">
            <ActivitySection scope={scope} />
          </div>
        </Suspense>
      </div>
    </div>
  );
}
