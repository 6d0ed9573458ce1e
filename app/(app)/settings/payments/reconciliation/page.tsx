import Link from "next/link";
import { CheckNowButton } from "@/components/payments/check-now";
import { RecordMissingPayment } from "@/components/payments/record-missing";
import { Alert } from "@/components/ui/alert";
import { NoAccess } from "@/components/ui/no-access";
import type { StoredMismatch } from "@/db/schema";
import { can } from "@/lib/auth/roles";
import { getOrganization } from "@/lib/data/organizations";
import { formatDateTime } from "@/lib/dates";
import { getReconciliationResult } from "@/lib/data/stripe-reconciliation";
import { formatMoney } from "@/lib/money";
import { RECONCILE_DAYS } from "@/lib/services/stripe-reconcile";
import { requireMembership } from "@/lib/session";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata = { title: "Stripe reconciliation" };

const PROBLEMS: Record<StoredMismatch["kind"], string> = {
  missing: "Paid at Stripe, not recorded here",
  amount: "Amounts differ",
  not_succeeded: "Recorded here, not succeeded at Stripe",
};

const link = "text-brand-700 underline underline-offset-2";

export default async function ReconciliationPage() {
  const membership = await requireMembership();
  if (!can(membership.role, "settings.manage")) return <NoAccess what="the Stripe reconciliation" />;
  const [{ connected, result }, org] = await Promise.all([getReconciliationResult(membership), getOrganization(membership)]);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, org.locale);
  const when = (iso: string) => formatDateTime(iso, org);

  return (
    <div className="max-w-5xl space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">Stripe reconciliation</h1>
        <Link href="/settings" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          Organisation settings
        </Link>
      </div>
      <p className="text-sm text-slate-700">
        Compares the payments that succeeded in your Stripe account in the last {RECONCILE_DAYS} days with the payments recorded here. It runs by itself about
        every hour and never records anything on its own: a payment Stripe has and this app does not is listed with a <strong>Record</strong> button, so you decide.
      </p>
      {!connected ? (
        <Alert tone="info">Stripe is not connected. Connect your Stripe account in Settings → Payments first.</Alert>
      ) : (
        <section aria-labelledby="result-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div>
              <h2 id="result-heading" className="text-base font-semibold">
                Last check
              </h2>
              <p className="text-sm text-slate-700" data-testid="reconciliation-summary">
                {result
                  ? `${when(result.checkedAt)}: ${result.stripeSucceeded} succeeded at Stripe, ${result.matched} matched, ${result.mismatches.length} to look at.`
                  : "Not checked yet."}
              </p>
            </div>
            <CheckNowButton />
          </div>
          {result?.error ? <Alert tone="error">{result.error}</Alert> : null}
          {result && !result.error && result.mismatches.length === 0 ? <Alert tone="success">Everything matches: every Stripe payment is recorded.</Alert> : null}
          {result && result.mismatches.length > 0 ? (
            <ScrollRegion label="Payments to reconcile">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Mismatches between Stripe and the payments recorded here</caption>
                <thead className="border-b border-slate-200 text-slate-700">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">Problem</th>
                    <th scope="col" className="py-2 pr-4 font-medium">Stripe payment</th>
                    <th scope="col" className="py-2 pr-4 font-medium">Invoice</th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium">At Stripe</th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium">Here</th>
                    <th scope="col" className="py-2 font-medium"><span className="sr-only">Action</span></th>
                  </tr>
                </thead>
                <tbody>
                  {result.mismatches.map((m) => (
                    <tr key={`${m.kind}:${m.paymentIntentId}`} className="border-b border-slate-100 align-top">
                      <th scope="row" className="py-3 pr-4 font-medium">{PROBLEMS[m.kind]}</th>
                      <td className="py-3 pr-4">
                        <code className="text-xs">{m.paymentIntentId}</code>
                        {m.kind === "missing" ? <div className="text-xs text-slate-600">{when(m.created)}</div> : null}
                      </td>
                      <td className="py-3 pr-4">
                        {m.documentId ? <Link className={link} href={`/invoices/${m.documentId}`}>{m.number ?? "Invoice"}</Link> : "Not an invoice of this app"}
                      </td>
                      <td className="py-3 pr-4 text-right tabular-nums">
                        {m.kind === "missing" ? money(m.amount, m.currency) : m.kind === "amount" ? money(m.stripeAmount, m.stripeCurrency) : m.stripeStatus}
                      </td>
                      <td className="py-3 pr-4 text-right tabular-nums">{m.kind === "missing" ? "Nothing" : money(m.ourAmount, m.ourCurrency)}</td>
                      <td className="py-3">
                        {m.kind === "missing" && m.documentId ? (
                          <RecordMissingPayment paymentIntentId={m.paymentIntentId} label={`Record ${money(m.amount, m.currency)} on ${m.number ?? "the invoice"}`} />
                        ) : m.kind === "missing" ? (
                          <span className="text-xs text-slate-600">Not made through an invoice link: record it by hand if it belongs to one.</span>
                        ) : (
                          <span className="text-xs text-slate-600">Check it in your Stripe Dashboard.</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          ) : null}
        </section>
      )}
    </div>
  );
}
