import { notFound } from "next/navigation";
import { isOverdue } from "@/lib/data/documents/shared";
import { recordLinkView, unsafeResolveDocumentLink } from "@/lib/data/links";
import { loadPublicDocument } from "@/lib/data/public-documents";
import { kindLabels, statusLabels } from "@/lib/document-labels";
import { formatDate, todayIn } from "@/lib/dates";
import { logoPath } from "@/lib/logo-path";
import { formatMoney, quantityToString, rateToString } from "@/lib/money";
import { getSessionUser } from "@/lib/session";

export const metadata = { title: "Your document", robots: { index: false, follow: false }, referrer: "no-referrer" };

/** The client's view: no account, no JavaScript needed. */
export default async function PublicDocumentPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ responded?: string }> }) {
  const { token } = await params;
  const { responded } = await searchParams;
  const link = await unsafeResolveDocumentLink(token);
  if (!link) notFound();
  const loaded = await loadPublicDocument(link);
  if (!loaded) notFound();
  const viewer = await getSessionUser();
  await recordLinkView(link, viewer?.id ?? null);
  const { document: doc, org } = loaded;
  const money = (minor: number) => formatMoney(minor, doc.currency, org.locale);
  const label = kindLabels[doc.kind].one;
  const customer = doc.customerSnapshot ?? { name: doc.customer.name, addressLines: [], taxId: null, email: null };
  const orgAddress = [org.addressLine1, org.addressLine2, [org.postalCode, org.city].filter(Boolean).join(" "), org.region, org.country].filter(Boolean);
  const canRespond = doc.kind === "quote" && ["sent", "viewed"].includes(doc.status);
  return (
    <main id="main" className="min-h-dvh bg-slate-50 px-4 py-10">
      <article className="mx-auto max-w-3xl rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-10">
        <header className="flex flex-wrap items-start justify-between gap-6 border-b border-slate-200 pb-6">
          <div>
            {org.logoVersion ? (
              // eslint-disable-next-line @next/next/no-img-element -- our own route, cached per version
              <img src={logoPath(org.id, org.logoVersion)} alt={`${org.name} logo`} className="mb-3 h-12 w-auto" />
            ) : null}
            <p className="text-lg font-bold">{org.legalName ?? org.name}</p>
            <address className="text-sm not-italic text-slate-700">
              {orgAddress.map((l) => (
                <span key={l} className="block">{l}</span>
              ))}
              {org.taxId ? <span className="block">Tax ID {org.taxId}</span> : null}
            </address>
          </div>
          <div className="text-right">
            <h1 className="text-2xl font-bold">
              {label} {doc.number}
            </h1>
            <p className="mt-1 text-sm">
              <span className="rounded-full bg-slate-100 px-2 py-0.5 font-semibold">{statusLabels[doc.status]}</span>
              {isOverdue(doc, todayIn(org.timeZone)) ? <span className="ml-2 rounded-full bg-red-100 px-2 py-0.5 font-semibold text-red-900">Overdue</span> : null}
            </p>
          </div>
        </header>

        {responded ? (
          <p role="status" className="mt-6 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
            Thank you — your answer has been sent to {org.name}.
          </p>
        ) : null}

        <section aria-label="Summary" className="mt-6 grid gap-6 sm:grid-cols-2">
          <div>
            <h2 className="text-sm font-semibold text-slate-700">Billed to</h2>
            <p className="font-medium">{customer.name}</p>
            {customer.addressLines.map((l) => (
              <p key={l} className="text-sm text-slate-700">{l}</p>
            ))}
          </div>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:text-right">
            <dt className="text-slate-700">Date</dt>
            <dd>{formatDate(doc.issueDate, org.locale)}</dd>
            {doc.dueDate ? (
              <>
                <dt className="text-slate-700">{doc.kind === "quote" ? "Valid until" : "Due date"}</dt>
                <dd>{formatDate(doc.dueDate, org.locale)}</dd>
              </>
            ) : null}
            {doc.kind === "invoice" ? (
              <>
                <dt className="font-semibold">Amount due</dt>
                <dd className="text-lg font-bold tabular-nums" data-testid="amount-due">{money(doc.balance)}</dd>
              </>
            ) : null}
          </dl>
        </section>

        <div className="mt-8 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Lines</caption>
            <thead className="border-b border-slate-200 text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">Description</th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">Qty</th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">Price</th>
                <th scope="col" className="py-2 text-right font-medium">Amount</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {doc.lines.map((l) => (
                <tr key={l.id}>
                  <td className="whitespace-pre-line py-2 pr-4">{l.description}</td>
                  <td className="whitespace-nowrap py-2 pr-4 text-right tabular-nums">{quantityToString(l.quantityE4)} {l.unit ?? ""}</td>
                  <td className="whitespace-nowrap py-2 pr-4 text-right tabular-nums">{money(l.unitPrice)}</td>
                  <td className="whitespace-nowrap py-2 text-right tabular-nums">{money(l.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <dl className="ml-auto mt-4 max-w-sm space-y-1 text-sm tabular-nums">
          <div className="flex justify-between"><dt>Subtotal</dt><dd>{money(doc.subtotal)}</dd></div>
          {doc.discountTotal ? <div className="flex justify-between"><dt>Discounts</dt><dd>−{money(doc.discountTotal)}</dd></div> : null}
          {doc.taxes.map((t) => (
            <div key={t.taxId} className="flex justify-between"><dt>{t.name} {rateToString(t.rateE4)}%{t.inclusive ? " (included)" : ""}</dt><dd>{money(t.amount)}</dd></div>
          ))}
          <div className="flex justify-between border-t border-slate-200 pt-1 text-base font-semibold"><dt>Total</dt><dd data-testid="public-total">{money(doc.total)}</dd></div>
          {doc.amountPaid ? <div className="flex justify-between"><dt>Paid</dt><dd>−{money(doc.amountPaid)}</dd></div> : null}
          {doc.amountCredited ? <div className="flex justify-between"><dt>Credited</dt><dd>−{money(doc.amountCredited)}</dd></div> : null}
        </dl>

        {doc.kind === "invoice" && org.bankDetails ? (
          <section aria-labelledby="pay-heading" className="mt-8 rounded-md bg-slate-50 p-4 text-sm">
            <h2 id="pay-heading" className="font-semibold">How to pay</h2>
            <p className="mt-1 whitespace-pre-line">{org.bankDetails}</p>
            {doc.number ? <p className="mt-2">Please quote <strong>{doc.number}</strong> as the payment reference.</p> : null}
          </section>
        ) : null}
        {doc.notes ? <p className="mt-6 whitespace-pre-line text-sm">{doc.notes}</p> : null}
        {doc.terms ? <p className="mt-4 whitespace-pre-line text-sm text-slate-700">{doc.terms}</p> : null}

        <div className="mt-8 flex flex-wrap gap-3">
          <a href={`/i/${token}/pdf?download=1`} className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-5 text-sm font-semibold text-white hover:bg-brand-700">
            Download PDF
          </a>
          {canRespond ? (
            <form method="post" action={`/i/${token}/respond`} className="flex gap-3">
              <button name="outcome" value="accepted" className="inline-flex min-h-11 items-center rounded-md bg-green-700 px-5 text-sm font-semibold text-white hover:bg-green-800">Accept quote</button>
              <button name="outcome" value="declined" className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-5 text-sm font-semibold hover:bg-slate-50">Decline</button>
            </form>
          ) : null}
        </div>
        {doc.footer ? <footer className="mt-10 border-t border-slate-200 pt-4 text-xs text-slate-600">{doc.footer}</footer> : null}
      </article>
    </main>
  );
}
