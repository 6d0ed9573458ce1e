import Link from "next/link";
import { notFound } from "next/navigation";
import type { DocumentKind } from "@/db/schema";
import { getDocument } from "@/lib/data/documents/read";
import { isOverdue } from "@/lib/data/documents/shared";
import { getOrganization } from "@/lib/data/organizations";
import { documentLabel, documentPaths, kindLabels, paymentMethods, statusLabels } from "@/lib/document-labels";
import { unpaidDepositInvoices } from "@/lib/data/documents/deposits";
import { Alert } from "@/components/ui/alert";
import { formatDate, formatDateTime, todayIn } from "@/lib/dates";
import { LegalNotes } from "@/components/documents/legal-notes";
import { amountHeading, legalNotes, lineDiscountText, showsBothVatIds, summaryRows } from "@/lib/document-summary";
import { formatMoney, overpaidBy, quantityToString, rateToString, toDecimalString } from "@/lib/money";
import { orNotFound } from "@/lib/not-found";
import type { MembershipContext } from "@/lib/session";
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
import { TotalsList } from "@/components/documents/totals-list";
import { PaymentFlags } from "@/components/documents/payment-flags";
import { onlinePaymentsNeedingAttention } from "@/lib/data/stripe-ledger";
import { EInvoicePanel } from "@/components/documents/einvoice-panel";
import { FORMAT_LABELS, isEInvoiceFormat } from "@/lib/einvoice/codes";
import { DOWNLOAD_LABELS, problemHref, SCOPE_LABELS } from "@/lib/einvoice/links";
import { checkEInvoice } from "@/lib/services/einvoice";
import { ScrollRegion } from "@/components/ui/scroll-region";

const eventLabels: Record<string, string> = {
  created: "Created",
  updated: "Edited",
  issued: "Issued",
  payment_recorded: "Payment recorded",
  payment_deleted: "Payment deleted",
  voided: "Voided",
  credited: "Credit note issued",
  credit_voided: "Credit note voided; credit restored",
  accepted: "Accepted",
  declined: "Declined",
  converted: "Converted to an invoice",
  sent: "Sent",
  marked_sent: "Marked as sent",
  viewed: "Viewed by the client",
  link_regenerated: "New client link",
  link_revoked: "Client link revoked",
  reminder_queued: "Reminder queued",
  reminder_skipped: "Reminder not sent",
  reminders_paused: "Reminders paused",
  reminders_resumed: "Reminders resumed",
  late_fee_added: "Late fee added",
  einvoice_skipped: "Issued without an e-invoice",
  payment_refunded: "Refund recorded from Stripe",
  payment_disputed: "Payment disputed in Stripe",
};

export async function DocumentView({ kind, id, membership, notIssued = false }: { kind: DocumentKind; id: string; membership: MembershipContext; notIssued?: boolean }) {
  const [doc, org, emails, linkToken, processing, attention] = await Promise.all([
    // Unknown, or another organisation's: the 404 page (it used to be a 500).
    orNotFound(getDocument(membership, id)),
    getOrganization(membership),
    listDocumentEmails(membership, id),
    getDocumentLink(membership, id),
    kind === "invoice" ? listProcessingPayments(membership, id) : [],
    onlinePaymentsNeedingAttention(membership, id),
  ]);
  const money = (minor: number) => formatMoney(minor, doc.currency, org.locale);
  const label = documentLabel(doc);
  // A converted quote's draft invoice deducts paid deposit invoices only: say which are still open.
  const source = doc.related.find((r) => r.id === doc.sourceDocumentId);
  const unpaidDeposits = doc.kind === "invoice" && doc.status === "draft" && source?.kind === "quote" ? await unpaidDepositInvoices(membership, source.id) : [];
  const ownLines = doc.lines.filter((l) => !l.depositInvoiceId);
  const depositLines = doc.lines.filter((l) => l.depositInvoiceId);
  const customerName = doc.customerSnapshot?.name ?? doc.customer.name;
  // An invoice's id under /quotes/ is not a quote: one URL per document.
  if (doc.kind !== kind) notFound();
  const einvoice = await einvoiceState(membership, doc, documentPaths[doc.kind]);
  return (
    <DocumentStatusProvider status={doc.status} overdue={isOverdue(doc, todayIn(org.timeZone))}>
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-700">
            <Link href={documentPaths[doc.kind]} className="text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">{kindLabels[doc.kind].many}</Link>
          </p>
          <h1 className="mt-1 text-2xl font-bold tracking-tight">
            {label} {doc.number ?? "(draft)"}
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <LiveStatusBadge status={doc.status} overdue={isOverdue(doc, todayIn(org.timeZone))} /> for{" "}
            <Link href={`/customers/${doc.customerId}`} className="font-medium text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">{customerName}</Link>
          </p>
          {doc.voidReason ? <p className="mt-2 text-sm text-slate-700">Void: {doc.voidReason}</p> : null}
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm">
          <dt className="text-slate-700">Date</dt>
          <dd>{formatDate(doc.issueDate, org.locale)}</dd>
          {doc.dueDate ? (
            <>
              <dt className="text-slate-700">{doc.kind === "quote" ? "Valid until" : "Due"}</dt>
              <dd>{formatDate(doc.dueDate, org.locale)}</dd>
            </>
          ) : null}
          {doc.deliveryDate ? (
            <>
              <dt className="text-slate-700">Delivery date</dt>
              <dd>{formatDate(doc.deliveryDate, org.locale)}</dd>
            </>
          ) : null}
          {doc.periodStart && doc.periodEnd ? (
            <>
              <dt className="text-slate-700">Service period</dt>
              <dd data-testid="service-period">
                {formatDate(doc.periodStart, org.locale)} – {formatDate(doc.periodEnd, org.locale)}
              </dd>
            </>
          ) : null}
          {doc.purchaseOrderRef ? (
            <>
              <dt className="text-slate-700">Purchase order</dt>
              <dd>{doc.purchaseOrderRef}</dd>
            </>
          ) : null}
          {doc.buyerReference ? (
            <>
              <dt className="text-slate-700">Buyer reference</dt>
              <dd>{doc.buyerReference}</dd>
            </>
          ) : null}
          <dt className="text-slate-700">Total</dt>
          <dd className="font-semibold tabular-nums" data-testid="document-total">{money(doc.total)}</dd>
          {doc.kind === "invoice" && doc.status !== "draft" ? (
            <>
              <dt className="text-slate-700">Balance due</dt>
              <dd className="font-semibold tabular-nums" data-testid="document-balance">{money(doc.balance)}</dd>
            </>
          ) : null}
          {/* Paid by a delayed method (SEPA Debit, ACH, bank transfer) and not arrived yet: not paid. */}
          {processing.map((p) => (
            <div key={p.id} className="contents">
              <dt className="text-slate-700">Processing</dt>
              <dd className="tabular-nums" data-testid="document-processing">{money(p.amount)} (online, {formatDateTime(p.updatedAt, org)})</dd>
            </div>
          ))}
        </dl>
      </div>

      {doc.kind === "invoice" ? (
        <PaymentFlags
          overpaidBy={doc.gatewayOverpaid && overpaidBy(doc.balance) > 0 ? money(overpaidBy(doc.balance)) : null}
          disputed={!!doc.disputedAt}
          attention={attention.map((a) => a.attention!)}
        />
      ) : null}
      {unpaidDeposits.map((d) => (
        <Alert key={d.id} tone="info">
          Deposit invoice{" "}
          <Link href={`/invoices/${d.id}`} className="font-medium underline">{d.number}</Link> is not paid yet, so it is not deducted from this invoice ({money(d.balance)} still due on it).
          Deduct it with a line once it is paid, or void it if this invoice is to be paid in full.
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
          <a href={`${documentPaths[doc.kind]}/${doc.id}/pdf`} target="_blank" rel="noopener" className="font-medium text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">Preview the PDF</a>
        </p>
      )}

      {einvoice ? <EInvoicePanel formatLabel={einvoice.formatLabel} problems={einvoice.problems} download={einvoice.download} notIssued={notIssued && doc.status === "draft"} /> : null}

      {doc.kind === "invoice" ? <ReminderSection membership={membership} invoiceId={doc.id} customerName={customerName} org={org} /> : null}
      {doc.kind === "invoice" && doc.status !== "draft" ? <LateFeeSection membership={membership} invoiceId={doc.id} org={org} /> : null}

      <ScrollRegion as="section" label="Lines" labelledBy="lines-heading" className="rounded-lg border border-slate-200 bg-white">
        <h2 id="lines-heading" className="px-4 pt-4 text-base font-semibold">Lines</h2>
        <table className="mt-2 w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Description</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Quantity</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Unit price</th>
              <th scope="col" className="px-4 py-2 font-medium">Taxes</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">{amountHeading(doc.lines)}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {ownLines.map((l) => (
              <tr key={l.id}>
                <td className="whitespace-pre-line px-4 py-2">{l.description}</td>
                <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{quantityToString(l.quantityE4)} {l.unit ?? ""}</td>
                <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{money(l.unitPrice)}</td>
                <td className="px-4 py-2">{l.taxes.map((t) => `${t.name} ${rateToString(t.rateE4)}%`).join(", ")}</td>
                <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">
                  <span data-testid="line-amount">{money(l.amount)}</span>
                  {lineDiscountText(l, money) ? <span className="block text-xs text-slate-700">Discount {lineDiscountText(l, money)}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
          {depositLines.length ? (
            <tbody className="divide-y divide-slate-100 border-t border-slate-200">
              <tr>
                <th scope="colgroup" colSpan={5} className="bg-slate-50 px-4 py-2 font-semibold">Less deposits paid</th>
              </tr>
              {depositLines.map((l) => (
                <tr key={l.id}>
                  <td className="whitespace-pre-line px-4 py-2">
                    <Link href={`/invoices/${l.depositInvoiceId}`} className="text-brand-700 underline-offset-2 hover:underline">{l.description}</Link>
                  </td>
                  <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{quantityToString(l.quantityE4)} {l.unit ?? ""}</td>
                  <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{money(l.unitPrice)}</td>
                  <td className="px-4 py-2">{l.taxes.map((t) => `${t.name} ${rateToString(t.rateE4)}%`).join(", ")}</td>
                  <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums" data-testid="deposit-deduction">{money(l.amount)}</td>
                </tr>
              ))}
            </tbody>
          ) : null}
        </table>
        <TotalsList rows={summaryRows(doc, money)} className="ml-auto max-w-sm p-4" testIds={{ subtotal: "subtotal", total: "total" }} />
        <LegalNotes notes={legalNotes(doc.taxes)} className="ml-auto max-w-sm px-4 pb-4" />
        {showsBothVatIds(doc.taxes) ? (
          <p className="ml-auto max-w-sm px-4 pb-4 text-sm text-slate-700" data-testid="vat-ids">
            Your VAT ID {org.taxId ?? "— missing (Settings)"} · Customer VAT ID {(doc.status !== "draft" ? doc.customerSnapshot?.taxId : doc.customer.taxId) ?? "— missing"}
          </p>
        ) : null}
      </ScrollRegion>

      {doc.kind === "invoice" && doc.payments.length ? (
        <section aria-labelledby="payments-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="payments-heading" className="text-base font-semibold">Payments</h2>
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {doc.payments.map((p) => (
              <li key={p.id} id={paymentRowId(p.id)} tabIndex={-1} className="flex flex-wrap items-center justify-between gap-2 py-2 focus:outline-2 focus:outline-brand-700">
                <span>
                  {formatDate(p.paidOn, org.locale)} · {paymentMethods[p.method as keyof typeof paymentMethods] ?? p.method}
                  {p.reference ? ` · ${p.reference}` : ""}
                </span>
                <span className="flex items-center gap-2 tabular-nums">
                  {money(p.amount)}
                  {/* Stripe's payments change only through Stripe (a refund there is recorded here). */}
                  {doc.status !== "void" && !p.externalId ? <DeletePaymentButton paymentId={p.id} label={`${money(p.amount)} on ${formatDate(p.paidOn, org.locale)}`} /> : null}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {doc.related.length ? (
        <section aria-labelledby="related-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="related-heading" className="text-base font-semibold">Related documents</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {doc.related.map((r) => (
              <li key={r.id}>
                {/* Underlined: the link sits in a line of text (axe link-in-text-block). */}
                <Link href={`${documentPaths[r.kind]}/${r.id}`} className="text-brand-700 underline underline-offset-2">
                  {documentLabel(r)} {r.number ?? "(draft)"}
                </Link>{" "}
                · {statusLabels[r.status]} · {money(r.total)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {(doc.notes || doc.terms || doc.footer) ? (
        <section aria-label="Notes and terms" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3">
          {doc.notes ? <div><h2 className="font-semibold">Notes</h2><p className="whitespace-pre-line">{doc.notes}</p></div> : null}
          {doc.terms ? <div><h2 className="font-semibold">Terms</h2><p className="whitespace-pre-line">{doc.terms}</p></div> : null}
          {doc.footer ? <div><h2 className="font-semibold">Footer</h2><p className="whitespace-pre-line">{doc.footer}</p></div> : null}
        </section>
      ) : null}

      <section aria-labelledby="timeline-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="timeline-heading" className="text-base font-semibold">Timeline</h2>
        <ol className="mt-2 space-y-1 text-sm">
          {doc.events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.createdAt.toISOString()} className="text-slate-700">{formatDateTime(e.createdAt, org)}</time> — {eventLabels[e.type] ?? e.type}
              {e.actorName ? ` by ${e.actorName}` : ""}
              {e.type === "issued" && e.meta?.number ? ` as ${String(e.meta.number)}` : ""}
              {e.type === "voided" && e.meta?.reason ? `: ${String(e.meta.reason)}` : ""}
              {(e.type === "payment_recorded" || e.type === "payment_deleted" || e.type === "credited" || e.type === "payment_refunded" || e.type === "payment_disputed") && typeof e.meta?.amount === "number" ? ` (${money(e.meta.amount)})` : ""}
              {e.type === "reminder_queued" && typeof e.meta?.to === "string" ? ` to ${e.meta.to}` : ""}
              {e.type === "reminder_skipped" && typeof e.meta?.reason === "string" ? `: ${e.meta.reason}` : ""}
              {e.type === "einvoice_skipped" && Array.isArray(e.meta?.reasons) ? `: ${(e.meta.reasons as unknown[]).map(String).join("; ")}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </div>
    </DocumentStatusProvider>
  );
}

/**
 * The e-invoice panel's data: a draft invoice or credit note whose customer needs an e-invoice
 * lists what pre-flight finds missing; an issued one offers the XML stored at issue. Null otherwise.
 */
async function einvoiceState(
  membership: MembershipContext,
  doc: { id: string; kind: DocumentKind; status: string; customerId: string; einvoiceFormat: string | null },
  documentPath: string,
) {
  if (doc.kind !== "invoice" && doc.kind !== "credit_note") return null;
  if (doc.status !== "draft") {
    if (!isEInvoiceFormat(doc.einvoiceFormat)) return null;
    const download = { label: DOWNLOAD_LABELS[doc.einvoiceFormat], href: `${documentPath}/${doc.id}/einvoice` };
    return { formatLabel: FORMAT_LABELS[doc.einvoiceFormat], problems: null, download };
  }
  const check = await checkEInvoice(membership, doc.id);
  if (!check.format) return null;
  const place = { documentPath, documentId: doc.id, customerId: doc.customerId };
  const problems = check.problems.map((p) => ({ term: p.term, message: p.message, href: problemHref(p, place), where: SCOPE_LABELS[p.field.scope] }));
  return { formatLabel: FORMAT_LABELS[check.format], problems, download: null };
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
