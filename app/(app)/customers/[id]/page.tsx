import Link from "next/link";
import { ButtonLink } from "@/components/ui/button-link";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { UnreadableNotice } from "@/components/ui/unreadable-notice";
import { can } from "@/lib/auth/roles";
import { customerSnapshot } from "@/lib/data/customers";
import { catalogs } from "@/lib/i18n/catalogs/app/customers";
import { getAppMessages, requireMembership } from "@/lib/session";
import { CustomerActions } from "../_components/customer-actions";
import { PaymentPromise } from "../_components/payment-promise";
import { StatusBadge } from "@/components/documents/status-badge";
import { listCustomerDocuments } from "@/lib/data/document-lists";
import { isOverdue } from "@/lib/data/documents/shared";
import { getOrganization } from "@/lib/data/organizations";
import { documentPaths, kindLabels } from "@/lib/document-labels";
import { getCustomerPaymentPromise } from "@/lib/data/reminders";
import { formatDate, todayIn } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { customerBalances, lastInvoiceOf } from "@/lib/data/customer-balances";
import { InvoiceAgainButton } from "../_components/invoice-again-button";
import { loadCustomer } from "./load";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  // The title does not name the customer: loading it here would run a second query per view.
  await params;
  const t = await getAppMessages(catalogs);
  return { title: t("detail.title") };
}

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const [membership, t] = await Promise.all([requireMembership(), getAppMessages(catalogs)]);
  if (!can(membership.role, "customers.manage")) return <NoAccess area="customers" />;
  const { id } = await params;
  const customer = await loadCustomer(membership, id);
  const [documentRows, org, promisedOn, lastInvoice] = await Promise.all([
    listCustomerDocuments(membership, customer.id),
    getOrganization(membership),
    getCustomerPaymentPromise(membership, customer.id),
    lastInvoiceOf(membership, customer.id),
  ]);
  const balances = await customerBalances(membership, customer.id, todayIn(org.timeZone));
  // A promise whose day has passed no longer holds anything back.
  const promise = promisedOn && promisedOn >= todayIn(org.timeZone) ? promisedOn : null;
  const address = customerSnapshot(customer).addressLines;
  const details: [string, string | null][] = [
    [t("form.email"), customer.email && customer.emailBouncedAt ? t("detail.bounced", { email: customer.email }) : customer.email],
    [t("detail.phone"), customer.phone],
    [t("detail.taxId"), customer.taxId],
    [t("form.currency"), customer.currency],
    [t("detail.paymentTerms"), customer.paymentTermsDays === null ? null : t("detail.days", { days: customer.paymentTermsDays })],
  ];
  return (
    <div className="max-w-4xl space-y-8">
      <Link href="/customers" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("back")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight break-words">{customer.name}</h1>
          {customer.archivedAt ? <p className="mt-1 text-sm text-slate-700">{t("detail.archived")}</p> : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {customer.archivedAt ? null : <ButtonLink href={`/invoices/new?customer=${customer.id}`}>{t("detail.newInvoice", { name: customer.name })}</ButtonLink>}
          {lastInvoice && !customer.archivedAt ? <InvoiceAgainButton customerId={customer.id} label={t("actions.invoiceAgain")} /> : null}
          <ButtonLink href={`/customers/${customer.id}/edit`} variant="secondary">
            {t("detail.edit")}
          </ButtonLink>
          <CustomerActions
            id={customer.id}
            archived={!!customer.archivedAt}
            labels={{
              archive: t("actions.archive"),
              restore: t("actions.restore"),
              delete: t("actions.delete"),
              undo: t("actions.undo"),
              archived: t("actions.archivedFallback"),
              deleteTitle: t("actions.deleteTitle", { name: customer.name }),
              deleteMessage: t("actions.deleteMessage"),
              deleteConfirm: t("actions.deleteConfirm"),
            }}
          />
        </div>
      </div>

      <UnreadableNotice fields={customer.unreadableFields} />
      <section aria-labelledby="balance-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="balance-heading" className="mb-4 text-base font-semibold">
          {t("detail.balance")}
        </h2>
        {balances.length === 0 ? (
          <p className="text-sm text-slate-700">{t("detail.nothingOutstanding")}</p>
        ) : (
          <table className="w-full max-w-md text-left text-sm">
            <thead className="text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">{t("form.currency")}</th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">{t("detail.outstanding")}</th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">{t("detail.overdue")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {balances.map((b) => (
                <tr key={b.currency} data-testid={`balance-${b.currency}`}>
                  <th scope="row" className="py-2 pr-4 font-medium">{b.currency}</th>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(b.outstanding, b.currency, org.locale)}</td>
                  <td className={`py-2 pr-4 text-right tabular-nums ${b.overdue > 0 ? "font-semibold text-red-700" : ""}`}>{formatMoney(b.overdue, b.currency, org.locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {lastInvoice ? <p className="mt-3 text-sm text-slate-700">{t("actions.invoiceAgainHint", { number: lastInvoice.number ?? t("actions.draftInvoice") })}</p> : null}
      </section>
      <section aria-labelledby="details-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="details-heading" className="mb-4 text-base font-semibold">
          {t("form.details")}
        </h2>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
          {details.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-700">{label}</dt>
              <dd className="break-words">{value ?? "—"}</dd>
            </div>
          ))}
          <dt className="font-medium text-slate-700">{t("detail.address")}</dt>
          <dd>{address.length ? address.map((line, i) => <div key={i}>{line}</div>) : "—"}</dd>
          {customer.notes ? (
            <>
              <dt className="font-medium text-slate-700">{t("form.notes")}</dt>
              <dd className="whitespace-pre-line break-words">{customer.notes}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="contacts-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="contacts-heading" className="mb-4 text-base font-semibold">
          {t("form.contacts")}
        </h2>
        {customer.contacts.length === 0 ? (
          <p className="text-sm text-slate-700">{t("detail.noContacts")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">{t("form.name")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("form.email")}</th>
                <th scope="col" className="py-2 pr-4 font-medium"><span className="sr-only">{t("form.primary")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {customer.contacts.map((c) => (
                <tr key={c.id}>
                  <td className="py-3 pr-4">{c.name ?? "—"}</td>
                  <td className="py-3 pr-4 break-all">{c.email}</td>
                  <td className="py-3 pr-4">{c.isPrimary ? <span className="rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-900">{t("form.primary")}</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="promise-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="promise-heading" className="mb-2 text-base font-semibold">
          {t("detail.reminders")}
        </h2>
        <PaymentPromise
          customerId={customer.id}
          promised={promise}
          labels={{
            none: t("promise.none"),
            until: promise ? t("promise.until", { date: formatDate(promise, org.locale) }) : null,
            label: t("promise.label"),
            pause: t("promise.pause"),
            resume: t("promise.resume"),
            saved: t("promise.saved"),
          }}
        />
      </section>

      <section aria-labelledby="documents-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <h2 id="documents-heading" className="text-base font-semibold">
            {t("detail.documents")}
          </h2>
          <Link href={`/invoices?customer=${customer.id}`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("detail.allInvoices")}
          </Link>
        </div>
        {documentRows.length === 0 ? (
          <p className="text-sm text-slate-700">{t("detail.noDocuments")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">{t("detail.document")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("detail.date")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("detail.status")}</th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">{t("detail.total")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {documentRows.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="py-2 pr-4 font-medium">
                    <Link href={`${documentPaths[d.kind]}/${d.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {kindLabels[d.kind].one} {d.number ?? "(draft)"}
                    </Link>
                  </th>
                  <td className="py-2 pr-4">{formatDate(d.issueDate, org.locale)}</td>
                  <td className="py-2 pr-4"><StatusBadge status={d.status} overdue={isOverdue(d, todayIn(org.timeZone))} /></td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(d.total, d.currency, org.locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
