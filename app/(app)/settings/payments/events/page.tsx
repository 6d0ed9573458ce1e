import Link from "next/link";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { can } from "@/lib/auth/roles";
import { getOrganization } from "@/lib/data/organizations";
import { formatDateTime } from "@/lib/dates";
import { listStripeEvents, STRIPE_EVENTS_PAGE } from "@/lib/data/stripe-ledger";
import { catalogs } from "@/lib/i18n/catalogs/app/payments-settings";
import { getAppMessages, requireMembership } from "@/lib/session";
import { ScrollRegion } from "@/components/ui/scroll-region";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("events.title") };
}

/** What each Stripe event did, newest first: where an owner looks when a payment is not where they expect it. */
export default async function StripeEventsPage() {
  const membership = await requireMembership();
  if (!can(membership.role, "settings.manage")) return <NoAccess area="stripeEvents" />;
  const [rows, org, t] = await Promise.all([listStripeEvents(membership), getOrganization(membership), getAppMessages(catalogs)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("events.title")}</h1>
        <p className="mt-1 text-sm text-slate-700">{t("events.intro", { count: STRIPE_EVENTS_PAGE })}</p>
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t("events.none")}</p>
      ) : (
        <ScrollRegion label={t("events.table")} className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("events.caption")}</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t("events.col.received")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("events.col.event")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("events.col.outcome")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("invoice")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="whitespace-nowrap px-4 py-2">
                    <time dateTime={r.receivedAt.toISOString()}>{formatDateTime(r.receivedAt, org)}</time>
                  </td>
                  <td className="px-4 py-2">
                    <span className="font-mono text-xs">{r.type}</span>
                    <span className="block font-mono text-xs text-slate-700">{r.id}</span>
                  </td>
                  <td className="px-4 py-2" data-testid="stripe-event-outcome">{r.outcome}</td>
                  <td className="px-4 py-2">
                    {r.documentId ? (
                      <Link href={`/invoices/${r.documentId}`} className="text-brand-700 underline-offset-2 hover:underline">{r.documentNumber ?? t("invoice")}</Link>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
