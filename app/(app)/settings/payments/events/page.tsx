import Link from "next/link";
import { NoAccess } from "@/components/ui/no-access";
import { can } from "@/lib/auth/roles";
import { getOrganization } from "@/lib/data/organizations";
import { formatDateTime } from "@/lib/dates";
import { listStripeEvents, STRIPE_EVENTS_PAGE } from "@/lib/data/stripe-ledger";
import { requireMembership } from "@/lib/session";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata = { title: "Stripe events" };

/** What each Stripe event did, newest first: where an owner looks when a payment is not where they expect it. */
export default async function StripeEventsPage() {
  const membership = await requireMembership();
  if (!can(membership.role, "settings.manage")) return <NoAccess what="the Stripe events" />;
  const [rows, org] = await Promise.all([listStripeEvents(membership), getOrganization(membership)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Stripe events</h1>
        <p className="mt-1 text-sm text-slate-700">The last {STRIPE_EVENTS_PAGE} events Stripe sent to this organisation&apos;s webhook, and what each one did.</p>
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">No events received yet.</p>
      ) : (
        <ScrollRegion label="Payment events" className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Stripe events, newest first</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Received</th>
                <th scope="col" className="px-4 py-2 font-medium">Event</th>
                <th scope="col" className="px-4 py-2 font-medium">Outcome</th>
                <th scope="col" className="px-4 py-2 font-medium">Invoice</th>
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
                      <Link href={`/invoices/${r.documentId}`} className="text-brand-700 underline-offset-2 hover:underline">{r.documentNumber ?? "Invoice"}</Link>
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
