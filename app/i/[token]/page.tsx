import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { after } from "next/server";
import { CheckoutReturn, PayOnline } from "@/components/documents/pay-online";
import { TotalsList } from "@/components/documents/totals-list";
import { isOverdue } from "@/lib/data/documents/shared";
import { recordLinkView } from "@/lib/data/links";
import { LegalNotes } from "@/components/documents/legal-notes";
import { amountHeading, legalNotes, lineDiscountText, rateFormat, summaryRows, taxIdLabel } from "@/lib/document-summary";
import { formatDate, todayIn } from "@/lib/dates";
import { clientPageMessages } from "@/lib/i18n/catalogs/client-page";
import { documentMessages } from "@/lib/i18n/catalogs/document";
import { formattingLocale, textDirection } from "@/lib/i18n/languages";
import { documentTitle, statusLabel } from "@/pdf/format";
import { epcPayload, qrPath } from "@/lib/epc-qr";
import { findIban, groupIban, normalizeIban } from "@/lib/iban";
import { DOWNLOAD_LABELS } from "@/lib/einvoice/links";
import { isEInvoiceFormat } from "@/lib/einvoice/codes";
import { logoPath } from "@/lib/logo-path";
import { depositDueNow, formatMoney, formatQuantity } from "@/lib/money";
import { logger } from "@/lib/logger";
import { getSessionUser } from "@/lib/session";
import { clientPageLanguage, type Found, load } from "./page-data";
import { clientPayment } from "./pay-view";

const senderName = (org: { legalName: string | null; name: string }) => org.legalName ?? org.name;

/** The page's words and formats, in the document's language (page-data.ts). */
function pageLanguage(found: Found) {
  const language = clientPageLanguage(found);
  return { language, locale: formattingLocale(language, found.org.locale), t: documentMessages(language), p: clientPageMessages(language) };
}

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const found = await load((await params).token);
  // An invalid link: not-found.tsx gives the title.
  const lang = found ? pageLanguage(found) : null;
  const title = found && lang ? lang.p("title", { kind: documentTitle(found.document, lang.t), number: found.document.number ?? "", sender: senderName(found.org) }) : "Link no longer valid";
  // The client's tab names the sender, not this software.
  return { title: { absolute: title }, robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * The client's view: no account needed, and no JavaScript of its own (scripts/bundle-budget.ts holds it
 * to none): paying, answering a quote and downloading are plain forms and links, and the IBAN and
 * reference are selected whole with one tap. On a phone it opens with what is owed and by when, then
 * what to do.
 */
export default async function PublicDocumentPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ responded?: string; checkout?: string; pay_error?: string; amount?: string; wait?: string }> }) {
  const { token } = await params;
  const query = await searchParams;
  const { responded } = query;
  const found = await load(token);
  if (!found) notFound();
  const viewer = await getSessionUser();
  // Recorded once the page has been sent: the client never waits for these writes.
  after(() => recordLinkView(found.link, viewer?.id ?? null).catch((error: unknown) => logger.error({ err: error, documentId: found.link.documentId }, "client link view not recorded")));
  const { document: doc, org } = found;
  const { language, locale, t, p } = pageLanguage(found);
  const money = (minor: number) => formatMoney(minor, doc.currency, locale);
  // Quantities and rates as the PDF writes them in this language ("1,5", "7,5 %").
  const rates = rateFormat(locale);
  const date = (day: string | null) => formatDate(day, locale);
  const label = documentTitle(doc, t);
  const [referenceBefore, referenceAfter] = p("paymentReference", { reference: "\u0000" }).split("\u0000");
  const ownLines = doc.lines.filter((l) => !l.depositInvoiceId);
  const depositLines = doc.lines.filter((l) => l.depositInvoiceId);
  const customer = doc.customerSnapshot ?? { name: doc.customer.name, addressLines: [], taxId: null, email: null };
  const orgAddress = [org.addressLine1, org.addressLine2, [org.postalCode, org.city].filter(Boolean).join(" "), org.region, org.country].filter(Boolean);
  const canRespond = doc.kind === "quote" && ["sent", "viewed"].includes(doc.status);
  const owes = doc.kind === "invoice" && doc.balance > 0 && doc.status !== "void";
  // An invoice asking for a deposit (no quote): what is wanted now, until the payments cover it.
  const depositNow = owes && doc.depositAmount ? depositDueNow(doc, doc.depositAmount) : 0;
  // The IBAN entered as such (onboarding, settings), else one found in the free-text bank details.
  const iban = doc.kind === "invoice" ? (org.iban ? normalizeIban(org.iban) : findIban(org.bankDetails)) : null;
  const epc = owes ? epcPayload({ name: senderName(org), iban, currency: doc.currency, amount: doc.balance, reference: doc.number }) : null;
  const qr = epc ? qrPath(epc) : null;
  const online = await clientPayment({ kind: "client-link", orgId: found.link.orgId, documentId: doc.id }, token, doc, org.defaultCurrency, locale, query, p);
  const pdfLink = (
    <a
      href={`/i/${token}/pdf?download=1`}
      className={`inline-flex min-h-11 items-center rounded-md px-5 text-sm font-semibold ${canRespond ? "border border-slate-300 bg-white hover:bg-slate-50" : "bg-brand-600 text-white hover:bg-brand-700"}`}
    >
      {p("downloadPdf")}
    </a>
  );
  // The e-invoice stored at issue, for the buyer's software (a Factur-X PDF already carries its XML).
  const xmlFormat = isEInvoiceFormat(doc.einvoiceFormat) && doc.einvoiceFormat !== "factur-x" ? doc.einvoiceFormat : null;
  const xmlLink = xmlFormat ? (
    <a href={`/i/${token}/xml`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-5 text-sm font-semibold hover:bg-slate-50">
      {p("download", { format: DOWNLOAD_LABELS[xmlFormat] })}
    </a>
  ) : null;
  return (
    <main id="main" lang={language} dir={textDirection(language)} className="min-h-dvh bg-slate-50 px-3 py-6 sm:px-4 sm:py-10">
      <article className="mx-auto max-w-3xl rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-10">
        <header className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-200 pb-4">
          <div className="min-w-0">
            {org.logoVersion ? (
              // eslint-disable-next-line @next/next/no-img-element -- our own route, cached per version
              <img src={logoPath(org.id, org.logoVersion)} alt={p("logoAlt", { name: org.name })} className="mb-3 h-12 w-auto" />
            ) : null}
            <p className="text-lg font-bold"><bdi>{senderName(org)}</bdi></p>
          </div>
          <div className="sm:text-end">
            <h1 className="text-2xl font-bold">
              {label} {doc.number}
            </h1>
            <p className="mt-1 text-sm">
              <span className="rounded-full bg-slate-100 px-2 py-0.5 font-semibold">{statusLabel(doc.status, t, doc.kind)}</span>
              {isOverdue(doc, todayIn(org.timeZone)) ? <span className="ms-2 rounded-full bg-red-100 px-2 py-0.5 font-semibold text-red-900">{t("status.overdue")}</span> : null}
            </p>
          </div>
        </header>

        {responded ? (
          <p role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
            {p("thanks", { org: org.name })}
          </p>
        ) : null}

        {online.returned ? <CheckoutReturn state={online.returned.state} refreshUrl={online.returned.refreshUrl} p={p} /> : null}

        <section aria-label={p("atAGlance")} className="mt-4 rounded-lg bg-slate-50 p-4">
          <dl className="flex flex-wrap gap-x-8 gap-y-2">
            <div>
              <dt className="text-sm text-slate-700">{doc.kind === "invoice" ? p("amountDue") : t("summary.total")}</dt>
              <dd className="text-3xl font-bold tabular-nums" data-testid="amount-due">{money(doc.kind === "invoice" ? doc.balance : doc.total)}</dd>
            </div>
            {depositNow ? (
              <div>
                <dt className="text-sm text-slate-700">{p("depositDueNow")}</dt>
                <dd className="text-lg font-semibold tabular-nums" data-testid="deposit-due-now">{money(depositNow)}</dd>
              </div>
            ) : null}
            {doc.dueDate && (owes || doc.kind === "quote") ? (
              <div>
                <dt className="text-sm text-slate-700">{t(doc.kind === "quote" ? "meta.validUntil" : "meta.dueDate")}</dt>
                <dd className="text-lg font-semibold" data-testid="due-date">{date(doc.dueDate)}</dd>
              </div>
            ) : null}
            {online.processing > 0 ? (
              <div>
                <dt className="text-sm text-slate-700">{p("processing")}</dt>
                <dd className="text-lg font-semibold tabular-nums" data-testid="processing">{money(online.processing)}</dd>
              </div>
            ) : null}
          </dl>
          <div className="mt-4 flex flex-wrap items-start gap-x-3 gap-y-5">
            {canRespond ? (
              <form method="post" action={`/i/${token}/respond`} className="flex flex-wrap gap-3">
                <button name="outcome" value="accepted" className="inline-flex min-h-11 items-center rounded-md bg-green-700 px-5 text-sm font-semibold text-white hover:bg-green-800">{p("acceptQuote")}</button>
                <button name="outcome" value="declined" className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-5 text-sm font-semibold hover:bg-slate-50">{p("decline")}</button>
              </form>
            ) : null}
            {online.pay ? <PayOnline view={online.pay} p={p} /> : null}
            {pdfLink}
            {xmlLink}
          </div>
        </section>

        {owes && (org.bankDetails || iban) ? (
          <section aria-labelledby="pay-heading" className="mt-4 rounded-md border border-slate-200 p-4 text-sm">
            <h2 id="pay-heading" className="font-semibold">{p("howToPay")}</h2>
            {/* select-all: one tap or click selects the whole IBAN or reference, ready to copy, with no script. */}
            {iban ? <p className="mt-1 break-words">IBAN <span dir="ltr" className="select-all font-mono" data-testid="iban">{groupIban(iban)}</span></p> : null}
            {org.iban && org.bic ? <p className="mt-1 break-words">BIC <span dir="ltr" className="select-all font-mono" data-testid="bic">{org.bic.toUpperCase()}</span></p> : null}
            {org.bankDetails ? <p className="mt-1 whitespace-pre-line break-words"><bdi>{org.bankDetails}</bdi></p> : null}
            {doc.number ? (
              <p className="mt-2">
                {referenceBefore}
                <strong className="select-all" data-testid="payment-reference">{doc.number}</strong>
                {referenceAfter}
              </p>
            ) : null}
            {qr ? (
              <figure className="mt-3">
                {/* 4 modules of quiet zone around the symbol, as scanners expect. */}
                <svg role="img" aria-label={p("qrLabel", { amount: money(doc.balance), name: senderName(org) })} viewBox={`-4 -4 ${qr.size + 8} ${qr.size + 8}`} className="h-40 w-40 bg-white" data-testid="epc-qr">
                  <path d={qr.d} fill="#000" />
                </svg>
                <figcaption className="mt-1 text-xs text-slate-700">{p("qrCaption")}</figcaption>
              </figure>
            ) : null}
          </section>
        ) : null}

        <section aria-label={p("partiesAndDates")} className="mt-6 grid gap-6 sm:grid-cols-2">
          <div>
            <h2 className="text-sm font-semibold text-slate-700">{p(`party.${doc.kind}`)}</h2>
            <p className="font-medium"><bdi>{customer.name}</bdi></p>
            {customer.addressLines.map((l) => (
              <p key={l} className="text-sm text-slate-700"><bdi>{l}</bdi></p>
            ))}
            {customer.taxId ? <p className="text-sm text-slate-700">{taxIdLabel(doc.taxes, t)} {customer.taxId}</p> : null}
          </div>
          <div className="text-sm sm:text-end">
            {orgAddress.length || org.taxId ? (
              <>
                <h2 className="font-semibold text-slate-700">{t("party.from")}</h2>
                <address className="mb-2 not-italic text-slate-700">
                  {orgAddress.map((l) => (
                    <bdi key={l} className="block">{l}</bdi>
                  ))}
                  {org.taxId ? <span className="block">{taxIdLabel(doc.taxes, t)} {org.taxId}</span> : null}
                </address>
              </>
            ) : null}
            <p className="text-slate-700">{p("date")} {date(doc.issueDate)}</p>
            {doc.deliveryDate ? <p className="text-slate-700">{t("meta.deliveryDate")} {date(doc.deliveryDate)}</p> : null}
            {doc.periodStart && doc.periodEnd ? (
              <p className="text-slate-700">
                {t("meta.servicePeriod")} {date(doc.periodStart)} – {date(doc.periodEnd)}
              </p>
            ) : null}
          </div>
        </section>

        {/* A table from sm up; below that each line stacks: description, then quantity × price and the amount. */}
        <table className="mt-6 block w-full text-start text-sm sm:table">
          <caption className="sr-only">{p("lines")}</caption>
          <thead className="sr-only border-b border-slate-200 text-slate-700 sm:not-sr-only sm:table-header-group">
            <tr>
              <th scope="col" className="py-2 pe-4 font-medium">{t("table.description")}</th>
              <th scope="col" className="py-2 pe-4 text-end font-medium">{p("quantity")}</th>
              <th scope="col" className="py-2 pe-4 text-end font-medium">{p("price")}</th>
              <th scope="col" className="py-2 pe-4 font-medium">{t("table.taxes")}</th>
              <th scope="col" className="py-2 text-end font-medium">{amountHeading(doc.lines, t)}</th>
            </tr>
          </thead>
          <tbody className="block divide-y divide-slate-100 border-y border-slate-200 sm:table-row-group sm:border-b-0">
            {[...ownLines, ...depositLines].map((l) => [
              l.id === depositLines[0]?.id ? (
                <tr key="deposits" className="block py-2 sm:table-row">
                  <th scope="colgroup" colSpan={5} className="block font-semibold sm:table-cell sm:py-2">{t("table.depositsPaid")}</th>
                </tr>
              ) : null,
              <tr key={l.id} className="flex flex-wrap items-baseline gap-x-2 py-3 sm:table-row">
                <td className="w-full whitespace-pre-line break-words font-medium sm:w-auto sm:py-2 sm:pe-4 sm:font-normal"><bdi>{l.description}</bdi></td>
                <td className="whitespace-nowrap tabular-nums sm:py-2 sm:pe-4 sm:text-end">{formatQuantity(l.quantityE4, locale)} {l.unit ?? ""}</td>
                <td className="whitespace-nowrap tabular-nums before:content-['×_'] sm:py-2 sm:pe-4 sm:text-end sm:before:content-none">{money(l.unitPrice)}</td>
                <td className="text-slate-700 sm:py-2 sm:pe-4">{l.taxes.map((t) => `${t.name} ${rates.percent(t.rateE4)}`).join(", ")}</td>
                <td className="ms-auto text-end tabular-nums sm:py-2">
                  <span className="whitespace-nowrap font-semibold sm:font-normal" data-testid="line-amount">{money(l.amount)}</span>
                  {lineDiscountText(l, money, rates) ? <span className="block whitespace-nowrap text-xs text-slate-700">{t("line.discount", { discount: lineDiscountText(l, money, rates) ?? "" })}</span> : null}
                </td>
              </tr>,
            ])}
          </tbody>
        </table>

        <TotalsList rows={summaryRows(doc, money, t, rates)} className="ms-auto mt-4 max-w-sm" testIds={{ total: "public-total", balance: "balance-due" }} />
        <LegalNotes notes={legalNotes(doc.taxes, t)} className="ms-auto mt-3 max-w-sm" />

        {doc.notes ? <p className="mt-6 whitespace-pre-line text-sm"><bdi>{doc.notes}</bdi></p> : null}
        {doc.terms ? <p className="mt-4 whitespace-pre-line text-sm text-slate-700"><bdi>{doc.terms}</bdi></p> : null}
        {doc.footer ? <footer className="mt-10 border-t border-slate-200 pt-4 text-xs text-slate-600"><bdi>{doc.footer}</bdi></footer> : null}
      </article>
    </main>
  );
}
