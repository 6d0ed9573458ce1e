import Link from "next/link";
import { CheckNowButton } from "@/components/payments/check-now";
import { RecordMissingPayment } from "@/components/payments/record-missing";
import { Alert } from "@/components/ui/alert";
import { NoAccess } from "@/app/(app)/_components/no-access";
import type { StoredMismatch } from "@/db/schema";
import { can } from "@/lib/auth/roles";
import { getOrganization } from "@/lib/data/organizations";
import { formatDateTime } from "@/lib/dates";
import { getReconciliationResult } from "@/lib/data/stripe-reconciliation";
import { formatMoney } from "@/lib/money";
import { RECONCILE_DAYS } from "@/lib/services/stripe-reconcile";
import { catalogs, type PaymentsSettingsKey } from "@/lib/i18n/catalogs/app/payments-settings";
import { localizeAppMessage } from "@/lib/i18n/app-messages";
import { getAppLanguage, getAppMessages, requireMembership } from "@/lib/session";
import { ScrollRegion } from "@/components/ui/scroll-region";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("recon.title") };
}

const PROBLEMS = {
  missing: "recon.problem.missing",
  amount: "recon.problem.amount",
  not_succeeded: "recon.problem.not_succeeded",
} as const satisfies Record<StoredMismatch["kind"], PaymentsSettingsKey>;

const link = "text-brand-700 underline underline-offset-2";

export default async function ReconciliationPage() {
  const membership = await requireMembership();
  if (!can(membership.role, "settings.manage")) return <NoAccess area="stripeReconciliation" />;
  const [{ connected, result }, org, t, language] = await Promise.all([getReconciliationResult(membership), getOrganization(membership), getAppMessages(catalogs), getAppLanguage()]);
  // The button's name is set in bold inside the sentence, wherever the language puts it.
  const [introBefore, introAfter] = t("recon.intro", { days: RECONCILE_DAYS, record: "\u0000" }).split("\u0000");
  const money = (minor: number, currency: string) => formatMoney(minor, currency, org.locale);
  const when = (iso: string) => formatDateTime(iso, org);

  return (
    <div className="max-w-5xl space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">{t("recon.title")}</h1>
        <Link href="/settings" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("backToSettings")}
        </Link>
      </div>
      <p className="text-sm text-slate-700">
        {introBefore}
        <strong>{t("recon.record")}</strong>
        {introAfter}
      </p>
      {!connected ? (
        <Alert tone="info">{t("recon.notConnected")}</Alert>
      ) : (
        <section aria-labelledby="result-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div>
              <h2 id="result-heading" className="text-base font-semibold">
                {t("recon.lastCheck")}
              </h2>
              <p className="text-sm text-slate-700" data-testid="reconciliation-summary">
                {result
                  ? t("recon.summary", { when: when(result.checkedAt), succeeded: result.stripeSucceeded, matched: result.matched, toLook: result.mismatches.length })
                  : t("recon.notChecked")}
              </p>
            </div>
            <CheckNowButton />
          </div>
          {/* Stored as the service wrote it (English); read in the app language. */}
          {result?.error ? <Alert tone="error">{localizeAppMessage(result.error, language)}</Alert> : null}
          {result && !result.error && result.mismatches.length === 0 ? <Alert tone="success">{t("recon.allMatch")}</Alert> : null}
          {result && result.mismatches.length > 0 ? (
            <ScrollRegion label={t("recon.table")}>
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("recon.caption")}</caption>
                <thead className="border-b border-slate-200 text-slate-700">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">{t("recon.col.problem")}</th>
                    <th scope="col" className="py-2 pr-4 font-medium">{t("recon.col.payment")}</th>
                    <th scope="col" className="py-2 pr-4 font-medium">{t("invoice")}</th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium">{t("recon.col.atStripe")}</th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium">{t("recon.col.here")}</th>
                    <th scope="col" className="py-2 font-medium"><span className="sr-only">{t("recon.col.action")}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {result.mismatches.map((m) => (
                    <tr key={`${m.kind}:${m.paymentIntentId}`} className="border-b border-slate-100 align-top">
                      <th scope="row" className="py-3 pr-4 font-medium">{t(PROBLEMS[m.kind])}</th>
                      <td className="py-3 pr-4">
                        <code className="text-xs">{m.paymentIntentId}</code>
                        {m.kind === "missing" ? <div className="text-xs text-slate-600">{when(m.created)}</div> : null}
                      </td>
                      <td className="py-3 pr-4">
                        {m.documentId ? <Link className={link} href={`/invoices/${m.documentId}`}>{m.number ?? t("invoice")}</Link> : t("recon.notOurs")}
                      </td>
                      <td className="py-3 pr-4 text-right tabular-nums">
                        {m.kind === "missing" ? money(m.amount, m.currency) : m.kind === "amount" ? money(m.stripeAmount, m.stripeCurrency) : m.stripeStatus}
                      </td>
                      <td className="py-3 pr-4 text-right tabular-nums">{m.kind === "missing" ? t("recon.nothing") : money(m.ourAmount, m.ourCurrency)}</td>
                      <td className="py-3">
                        {m.kind === "missing" && m.documentId ? (
                          <RecordMissingPayment paymentIntentId={m.paymentIntentId} label={m.number ? t("recon.recordOn", { amount: money(m.amount, m.currency), number: m.number }) : t("recon.recordOnInvoice", { amount: money(m.amount, m.currency) })} />
                        ) : m.kind === "missing" ? (
                          <span className="text-xs text-slate-600">{t("recon.byHand")}</span>
                        ) : (
                          <span className="text-xs text-slate-600">{t("recon.checkDashboard")}</span>
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
