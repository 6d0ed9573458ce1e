import Link from "next/link";
import { notFound } from "next/navigation";
import type { DocumentKind } from "@/db/schema";
import { getDocument } from "@/lib/data/documents/read";
import { isOverdue } from "@/lib/data/documents/shared";
import { getOrganization } from "@/lib/data/organizations";
import { documentPaths, paymentMethods } from "@/lib/document-labels";
import { unpaidDepositInvoices } from "@/lib/data/documents/deposits";
import { Alert } from "@/components/ui/alert";
import { formatDate, formatDateTime, todayIn } from "@/lib/dates";
import { formatMoney, overpaidBy, toDecimalString } from "@/lib/money";
import { showPaymentAttention } from "@/lib/payment-attention";
import { orNotFound } from "@/lib/not-found";
import { getAppLanguage, getAppMessages, type MembershipContext } from "@/lib/session";
import { catalogs } from "@/lib/i18n/catalogs/app/document-page";
import { catalogs as listCatalogs } from "@/lib/i18n/catalogs/app/documents";
import { catalogs as statusCatalogs } from "@/lib/i18n/catalogs/app/status";
import { documentMessages } from "@/lib/i18n/catalogs/document";
import { getDocumentLink } from "@/lib/data/links";
import { listDocumentEmails, recipientForDocument } from "@/lib/data/sending";
import { getEmailTemplate } from "@/lib/data/email-templates";
import { documentLanguage, formattingLocale } from "@/lib/i18n/languages";
import type { SendSetup } from "@/components/documents/send-dialog";
import { listProcessingPayments } from "@/lib/data/online-payments";
import { absoluteUrl } from "@/lib/urls";
import { emailDelivery } from "@/lib/mail/delivery";
import { DeletePaymentButton, DocumentActions } from "@/components/documents/document-actions";
import { DeliveryPanel } from "@/components/documents/delivery-panel";
import { paymentRowId } from "@/components/documents/payment-row-id";
import { DocumentStatusProvider, LiveStatusBadge } from "@/components/documents/optimistic-status";
import { LateFeeSection } from "./late-fee-section";
import { ReminderSection } from "./reminder-section";
import { PaymentFlags } from "@/components/documents/payment-flags";
import { onlinePaymentsNeedingAttention } from "@/lib/data/stripe-ledger";
import { EInvoicePanel } from "@/components/documents/einvoice-panel";
import { einvoiceState } from "./einvoice-state";
import { DocumentLines } from "./document-lines";
import { DocumentTimeline } from "./document-timeline";

export async function DocumentView({ kind, id, membership, notIssued = false }: { kind: DocumentKind; id: string; membership: MembershipContext; notIssued?: boolean }) {
  const [doc, org, emails, linkToken, processing, attention, t, ts, tl, language] = await Promise.all([
    // Unknown, or another organisation's: the 404 page (it used to be a 500).
    orNotFound(getDocument(membership, id)),
    getOrganization(membership),
    listDocumentEmails(membership, id),
    getDocumentLink(membership, id),
    kind === "invoice" ? listProcessingPayments(membership, id) : [],
    onlinePaymentsNeedingAttention(membership, id),
    getAppMessages(catalogs),
    getAppMessages(statusCatalogs),
    getAppMessages(listCatalogs),
    getAppLanguage(),
  ]);
  // Kind names, column headers and totals rows as the document catalog words them in the app language (as the editor does).
  const dt = documentMessages(language);
  const labelOf = (d: { kind: DocumentKind; depositForDocumentId?: string | null }) => dt(d.kind === "invoice" && d.depositForDocumentId ? "kind.deposit_invoice" : `kind.${d.kind}`);
  const money = (minor: number) => formatMoney(minor, doc.currency, org.locale);
  const label = labelOf(doc);
  // A converted quote's draft invoice deducts paid deposit invoices only: say which are still open.
  const source = doc.related.find((r) => r.id === doc.sourceDocumentId);
  const unpaidDeposits = doc.kind === "invoice" && doc.status === "draft" && source?.kind === "quote" ? await unpaidDepositInvoices(membership, source.id) : [];
  const customerName = doc.customerSnapshot?.name ?? doc.customer.name;
  // An invoice's id under /quotes/ is not a quote: one URL per document.
  if (doc.kind !== kind) notFound();
  const einvoice = await einvoiceState(membership, doc, documentPaths[doc.kind], language);
  return (
    <DocumentStatusProvider status={doc.status} overdue={isOverdue(doc, todayIn(org.timeZone))}>
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-700">
            <Link href={documentPaths[doc.kind]} className="text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">{tl(`many.${doc.kind}`)}</Link>
          </p>
          <h1 className="mt-1 text-2xl font-bold tracking-tight">
            {label} {doc.number ?? t("draftNumber")}
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <LiveStatusBadge status={doc.status} overdue={isOverdue(doc, todayIn(org.timeZone))} /> {t("for")}{" "}
            <Link href={`/customers/${doc.customerId}`} className="font-medium text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">{customerName}</Link>
          </p>
          {doc.voidReason ? <p className="mt-2 text-sm text-slate-700">{t("voidReason", { reason: doc.voidReason })}</p> : null}
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm">
          <dt className="text-slate-700">{t("date")}</dt>
          <dd>{formatDate(doc.issueDate, org.locale)}</dd>
          {doc.dueDate ? (
            <>
              <dt className="text-slate-700">{doc.kind === "quote" ? t("validUntil") : t("due")}</dt>
              <dd>{formatDate(doc.dueDate, org.locale)}</dd>
            </>
          ) : null}
          {doc.deliveryDate ? (
            <>
              <dt className="text-slate-700">{t("deliveryDate")}</dt>
              <dd>{formatDate(doc.deliveryDate, org.locale)}</dd>
            </>
          ) : null}
          {doc.periodStart && doc.periodEnd ? (
            <>
              <dt className="text-slate-700">{t("servicePeriod")}</dt>
              <dd data-testid="service-period">
                {formatDate(doc.periodStart, org.locale)} – {formatDate(doc.periodEnd, org.locale)}
              </dd>
            </>
          ) : null}
          {doc.purchaseOrderRef ? (
            <>
              <dt className="text-slate-700">{t("purchaseOrder")}</dt>
              <dd>{doc.purchaseOrderRef}</dd>
            </>
          ) : null}
          {doc.buyerReference ? (
            <>
              <dt className="text-slate-700">{t("buyerReference")}</dt>
              <dd>{doc.buyerReference}</dd>
            </>
          ) : null}
          <dt className="text-slate-700">{t("total")}</dt>
          <dd className="font-semibold tabular-nums" data-testid="document-total">{money(doc.total)}</dd>
          {doc.kind === "invoice" && doc.status !== "draft" ? (
            <>
              <dt className="text-slate-700">{t("balanceDue")}</dt>
              <dd className="font-semibold tabular-nums" data-testid="document-balance">{money(doc.balance)}</dd>
            </>
          ) : null}
          {/* Paid by a delayed method (SEPA Debit, ACH, bank transfer) and not arrived yet: not paid. */}
          {processing.map((p) => (
            <div key={p.id} className="contents">
              <dt className="text-slate-700">{t("processing")}</dt>
              <dd className="tabular-nums" data-testid="document-processing">{t("processingOnline", { amount: money(p.amount), when: formatDateTime(p.updatedAt, org) })}</dd>
            </div>
          ))}
        </dl>
      </div>

      {doc.kind === "invoice" ? (
        <PaymentFlags
          overpaidBy={doc.gatewayOverpaid && overpaidBy(doc.balance) > 0 ? money(overpaidBy(doc.balance)) : null}
          disputed={!!doc.disputedAt}
          attention={attention.map((a) => showPaymentAttention(a, t, (minor, currency) => formatMoney(minor, currency, org.locale)))}
          t={t}
        />
      ) : null}
      {unpaidDeposits.map((d) => (
        <Alert key={d.id} tone="info">
          {t("deposit.before")}{" "}
          <Link href={`/invoices/${d.id}`} className="font-medium underline">{d.number}</Link> {t("deposit.after", { amount: money(d.balance) })}
        </Alert>
      ))}

      <DocumentActions
        id={doc.id}
        kind={doc.kind}
        status={doc.status}
        balance={toDecimalString(doc.balance, doc.currency)}
        currency={doc.currency}
        today={todayIn(org.timeZone)}
        lines={doc.lines.map((l) => ({ id: l.id, description: l.description }))}
        send={await sendSetup(membership, doc, org, linkToken)}
        pdfPath={`${documentPaths[doc.kind]}/${doc.id}/pdf`}
      />

      {doc.status !== "draft" ? (
        <DeliveryPanel
          id={doc.id}
          canSend={(doc.kind === "invoice" && doc.status !== "void") || (doc.kind === "quote" && ["sent", "viewed", "accepted"].includes(doc.status))}
          emailReady={emailDelivery() !== "none"}
          canMarkSent={doc.kind === "invoice" && doc.status === "issued"}
          link={linkToken ? absoluteUrl(`/i/${linkToken}`) : null}
          pdfPath={`${documentPaths[doc.kind]}/${doc.id}/pdf`}
          einvoice={einvoice?.download ?? null}
          emails={emails.map((e) => ({ id: e.id, to: e.to, status: e.status, lastError: e.lastError, canRetry: e.canRetry, when: formatDateTime(e.createdAt, org), events: e.events.map((ev) => ev.event) }))}
        />
      ) : (
        <p className="text-sm">
          <a href={`${documentPaths[doc.kind]}/${doc.id}/pdf`} target="_blank" rel="noopener" className="font-medium text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">{t("previewPdf")}</a>
        </p>
      )}

      {einvoice ? <EInvoicePanel formatLabel={einvoice.formatLabel} problems={einvoice.problems} download={einvoice.download} notIssued={notIssued && doc.status === "draft"} t={t} /> : null}

      {doc.kind === "invoice" ? <ReminderSection membership={membership} invoiceId={doc.id} customerName={customerName} org={org} /> : null}
      {doc.kind === "invoice" && doc.status !== "draft" ? <LateFeeSection membership={membership} invoiceId={doc.id} org={org} /> : null}

      <DocumentLines
        doc={doc}
        money={money}
        locale={org.locale}
        t={t}
        dt={dt}
        vatIds={{ ours: org.taxId, theirs: (doc.status !== "draft" ? doc.customerSnapshot?.taxId : doc.customer.taxId) ?? null }}
      />

      {doc.kind === "invoice" && doc.payments.length ? (
        <section aria-labelledby="payments-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="payments-heading" className="text-base font-semibold">{t("payments")}</h2>
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {doc.payments.map((p) => (
              <li key={p.id} id={paymentRowId(p.id)} tabIndex={-1} className="flex flex-wrap items-center justify-between gap-2 py-2 focus:outline-2 focus:outline-brand-700">
                <span>
                  {formatDate(p.paidOn, org.locale)} · {p.method in paymentMethods ? dt(`method.${p.method as keyof typeof paymentMethods}`) : p.method}
                  {p.reference ? ` · ${p.reference}` : ""}
                </span>
                <span className="flex items-center gap-2 tabular-nums">
                  {money(p.amount)}
                  {/* Stripe's payments change only through Stripe (a refund there is recorded here). */}
                  {doc.status !== "void" && !p.externalId ? <DeletePaymentButton paymentId={p.id} label={t("paymentLabel", { amount: money(p.amount), date: formatDate(p.paidOn, org.locale) })} /> : null}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {doc.related.length ? (
        <section aria-labelledby="related-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="related-heading" className="text-base font-semibold">{t("related")}</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {doc.related.map((r) => (
              <li key={r.id}>
                {/* Underlined: the link sits in a line of text (axe link-in-text-block). */}
                <Link href={`${documentPaths[r.kind]}/${r.id}`} className="text-brand-700 underline underline-offset-2">
                  {labelOf(r)} {r.number ?? t("draftNumber")}
                </Link>{" "}
                · {ts(r.status)} · {money(r.total)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {(doc.notes || doc.terms || doc.footer) ? (
        <section aria-label={t("notesAndTerms")} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3">
          {doc.notes ? <div><h2 className="font-semibold">{t("notes")}</h2><p className="whitespace-pre-line">{doc.notes}</p></div> : null}
          {doc.terms ? <div><h2 className="font-semibold">{t("terms")}</h2><p className="whitespace-pre-line">{doc.terms}</p></div> : null}
          {doc.footer ? <div><h2 className="font-semibold">{t("footer")}</h2><p className="whitespace-pre-line">{doc.footer}</p></div> : null}
        </section>
      ) : null}

      <DocumentTimeline events={doc.events} org={org} money={money} t={t} language={language} />
    </div>
    </DocumentStatusProvider>
  );
}

/**
 * The Review & send dialog's defaults: the customer's billing address, the organisation's wording,
 * and this document's values for the preview. Null where it can't be emailed (a credit note, a void
 * or converted document) or when this server has no email delivery (the delivery panel says so).
 */
async function sendSetup(
  membership: MembershipContext,
  doc: { id: string; kind: DocumentKind; status: string; number: string | null; currency: string; balance: number; total: number; dueDate: string | null; language: string | null; customerSnapshot: { name: string; language?: string | null } | null; customer: { name: string; language: string | null } },
  org: { name: string; locale: string },
  linkToken: string | null,
): Promise<SendSetup | null> {
  if (emailDelivery() === "none") return null;
  const sendable = doc.kind === "invoice" ? ["draft", "issued", "sent", "viewed", "partially_paid", "paid"] : doc.kind === "quote" ? ["draft", "sent", "viewed", "accepted"] : [];
  if (!sendable.includes(doc.status)) return null;
  const kind = doc.kind === "quote" ? "quote_sent" : "invoice_sent";
  // The document's language, as its PDF and client page (an issued one reads its customer's language from the snapshot).
  const party = doc.status !== "draft" && doc.customerSnapshot ? doc.customerSnapshot.language : doc.customer.language;
  const language = documentLanguage(doc.language, party, org.locale);
  const locale = formattingLocale(language, org.locale);
  const [template, to] = await Promise.all([getEmailTemplate(membership, kind, language), recipientForDocument(membership, doc.id)]);
  const money = (minor: number) => formatMoney(minor, doc.currency, locale);
  return {
    kind,
    language,
    to: to ?? "",
    subject: template.subject,
    body: template.body,
    values: {
      organization_name: org.name,
      customer_name: doc.customerSnapshot?.name ?? doc.customer.name,
      // A draft's number comes with issuing, which sending does first.
      number: doc.number ?? "(its number, given when sent)",
      amount_due: money(doc.status === "draft" ? doc.total : doc.balance),
      total: money(doc.total),
      due_date: formatDate(doc.dueDate, locale),
      link: linkToken ? absoluteUrl(`/i/${linkToken}`) : absoluteUrl("/i/(a private link made when sent)"),
    },
  };
}
