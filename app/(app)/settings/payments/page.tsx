import Link from "next/link";
import { CopyButton } from "@/components/documents/copy-button";
import { StripeDisconnectButton } from "@/components/organization/stripe-disconnect-button";
import { StripeKeysForm } from "@/components/organization/stripe-keys-form";
import { StripeOptionsForm } from "@/components/organization/stripe-options-form";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { can } from "@/lib/auth/roles";
import { getOrganization } from "@/lib/data/organizations";
import { describeStripeConnection } from "@/lib/data/stripe-connections";
import { listTaxRates } from "@/lib/data/tax-rates";
import { formatRate, rateToString, toDecimalString } from "@/lib/money";
import { catalogs } from "@/lib/i18n/catalogs/app/payments-settings";
import { getAppMessages, requireMembership } from "@/lib/session";
import { absoluteUrl } from "@/lib/urls";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("title") };
}

/** The events the webhook handles: the owner enables exactly these on the endpoint in Stripe. */
const EVENTS = ["checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed", "charge.refunded", "charge.dispute.created"];

const PERMISSIONS = ["Checkout Sessions: Write", "PaymentIntents: Read", "Charges: Read", "Disputes: Read"];

export default async function PaymentSettingsPage() {
  const membership = await requireMembership();
  if (!can(membership.role, "settings.manage")) return <NoAccess area="paymentSettings" />;
  const [connection, org, taxRates] = await Promise.all([describeStripeConnection(membership), getOrganization(membership), listTaxRates(membership)]);
  const t = await getAppMessages(catalogs);
  const currency = org.defaultCurrency;
  const webhookUrl = connection ? absoluteUrl(`/api/webhooks/stripe/${connection.webhookId}`) : null;
  return (
    <div className="max-w-3xl space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">{t("heading")}</h1>
        <Link href="/settings" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">{t("backToSettings")}</Link>
      </div>

      {connection && webhookUrl ? (
        <section aria-labelledby="stripe-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="stripe-heading" className="text-base font-semibold">{t("connected")}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-slate-700">{t("account")}</dt>
            <dd data-testid="stripe-account">{connection.accountName ?? connection.accountId ?? t("notReadable")}{connection.accountName && connection.accountId ? ` (${connection.accountId})` : ""}</dd>
            <dt className="text-slate-700">{t("mode")}</dt>
            <dd data-testid="stripe-mode">{connection.livemode ? t("live") : t("test")}</dd>
            <dt className="text-slate-700">{t("key")}</dt>
            <dd className="font-mono" data-testid="stripe-masked-key">{connection.maskedKey}</dd>
          </dl>
          <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-4 text-sm">
            <h3 className="font-semibold">{t("webhook")}</h3>
            <p>{t("webhookHow")}</p>
            <p className="break-all font-mono" data-testid="stripe-webhook-url">{webhookUrl}</p>
            <CopyButton value={webhookUrl} label={t("copyWebhook")} what={t("webhookUrl")} />
            <p>{t("selectEvents")}</p>
            <ul className="list-inside list-disc font-mono text-xs">
              {EVENTS.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
          <nav aria-label={t("records")} className="flex flex-wrap gap-4 text-sm font-medium">
            <Link href="/settings/payments/reconciliation" className="text-brand-700 underline underline-offset-2">{t("reconciliation")}</Link>
            <Link href="/settings/payments/events" className="text-brand-700 underline underline-offset-2">{t("events")}</Link>
          </nav>
          <details className="rounded-md border border-slate-200 p-4">
            <summary className="cursor-pointer text-sm font-semibold">{t("replaceKeys")}</summary>
            <div className="mt-4">
              <StripeKeysForm replacing />
            </div>
          </details>
          <StripeDisconnectButton />
        </section>
      ) : (
        <section aria-labelledby="connect-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="connect-heading" className="text-base font-semibold">{t("connect")}</h2>
          <p className="text-sm text-slate-700">
            {t("connectIntro")}
          </p>
          <ul className="list-inside list-disc text-sm text-slate-700">
            {PERMISSIONS.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <p className="text-sm text-slate-700">
            {t("connectWebhook")}
          </p>
          <StripeKeysForm replacing={false} />
        </section>
      )}

      {connection ? (
        <section aria-labelledby="options-heading" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="options-heading" className="mb-4 text-base font-semibold">{t("options")}</h2>
          <StripeOptionsForm
            currency={currency}
            // A withholding is deducted from an invoice, never charged on a fee (the fee computation refuses it).
            taxRates={taxRates.filter((r) => r.rateE4 >= 0).map((r) => ({ id: r.id, label: `${r.name} ${formatRate(r.rateE4, org.locale)}` }))}
            initial={{
              partPaymentsEnabled: connection.partPaymentsEnabled,
              partPaymentMinimum: connection.partPaymentMinimum != null ? toDecimalString(connection.partPaymentMinimum, currency) : "",
              feeEnabled: connection.feeEnabled,
              feeRate: connection.feeRateBp ? rateToString(connection.feeRateBp * 100) : "",
              feeFixed: connection.feeFixed ? toDecimalString(connection.feeFixed, currency) : "",
              feeTaxRateId: connection.feeTaxRateId ?? "",
            }}
          />
        </section>
      ) : null}
    </div>
  );
}
