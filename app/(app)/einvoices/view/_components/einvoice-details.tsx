import { Alert } from "@/components/ui/alert";
import { FORMAT_LABELS, PAYMENT_MEANS, VAT_CATEGORY_LABELS, isVatCategory } from "@/lib/einvoice/codes";
import type { ParsedAllowance, ParsedParty } from "@/lib/einvoice/parse";
import type { EInvoiceView } from "@/lib/services/einvoice-viewer";
import { ScrollRegion } from "@/components/ui/scroll-region";

/**
 * A received e-invoice laid out for reading. Amounts are the file's own decimal strings, formatted
 * with the currency but never rounded: Intl formats a numeric string exactly, with as many
 * decimals as the file wrote.
 */
function money(value: string | undefined, currency: string): string {
  if (value === undefined) return "—";
  if (!/^-?\d+(\.\d+)?$/.test(value)) return `${value} ${currency}`;
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 20 }).format(value as unknown as number);
  } catch {
    return `${value} ${currency}`; // not an ISO 4217 code Intl knows
  }
}

const vatLabel = (category?: string, rate?: string) => {
  if (!category) return "—";
  const name = isVatCategory(category) ? VAT_CATEGORY_LABELS[category] : category;
  return rate !== undefined && category !== "O" ? `${name} ${rate}%` : name;
};

const formatName = (customizationId?: string) => {
  if (!customizationId) return "Not stated";
  if (/xrechnung/i.test(customizationId)) return "XRechnung";
  if (/peppol/i.test(customizationId)) return FORMAT_LABELS["peppol-bis"];
  if (/factur-x|zugferd|en16931/i.test(customizationId)) return "EN 16931";
  return customizationId;
};

function Party({ title, party }: { title: string; party: ParsedParty }) {
  const a = party.address;
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 className="mb-2 font-semibold">{title}</h2>
      <p className="font-medium">{party.name || "—"}</p>
      {party.tradingName && party.tradingName !== party.name ? <p>Trading as {party.tradingName}</p> : null}
      {a.lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
      <p>{[a.postalCode, a.city].filter(Boolean).join(" ")}</p>
      <p>{[a.region, a.country].filter(Boolean).join(", ")}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        {party.vatId ? (<><dt className="text-slate-600">VAT id</dt><dd>{party.vatId}</dd></>) : null}
        {party.taxRegistrationId ? (<><dt className="text-slate-600">Tax number</dt><dd>{party.taxRegistrationId}</dd></>) : null}
        {party.legalRegistrationId ? (<><dt className="text-slate-600">Registration</dt><dd>{party.legalRegistrationId}</dd></>) : null}
        {party.electronicAddress ? (<><dt className="text-slate-600">Electronic address</dt><dd>{party.electronicAddress.id}{party.electronicAddress.scheme ? ` (${party.electronicAddress.scheme})` : ""}</dd></>) : null}
        {party.contact?.name ? (<><dt className="text-slate-600">Contact</dt><dd>{party.contact.name}</dd></>) : null}
        {party.contact?.phone ? (<><dt className="text-slate-600">Phone</dt><dd>{party.contact.phone}</dd></>) : null}
        {party.contact?.email ? (<><dt className="text-slate-600">Email</dt><dd>{party.contact.email}</dd></>) : null}
      </dl>
    </section>
  );
}

const allowanceText = (a: ParsedAllowance, currency: string) =>
  `${a.charge ? "Charge" : "Allowance"}${a.reason ? `: ${a.reason}` : a.reasonCode ? ` (${a.reasonCode})` : ""}${a.percent ? `, ${a.percent}%` : ""}${a.baseAmount ? ` of ${money(a.baseAmount, currency)}` : ""}`;

function Validation({ view }: { view: EInvoiceView }) {
  const v = view.validation;
  const rules = view.xrechnung ? "EN 16931 and the XRechnung rules" : "EN 16931";
  if (!v) return <Alert tone="info">The file could not be checked against {rules}; it is shown as written.</Alert>;
  if (v.valid) return <Alert tone="success">Passes {rules}: the XML schema and every business rule.</Alert>;
  const count = v.schemaErrors.length + v.failedAsserts.length;
  return (
    <section aria-label="Validation" className="space-y-2 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900">
      <h2 className="font-semibold">Does not pass {rules}: {count} {count === 1 ? "problem" : "problems"}</h2>
      <ul className="list-disc space-y-1 pl-5">
        {v.schemaErrors.map((e, i) => (
          <li key={`s${i}`}><span className="font-semibold">XML schema</span>: {e}</li>
        ))}
        {v.failedAsserts.map((f, i) => (
          <li key={`r${i}`}>
            <span className="font-semibold">{f.id || "Rule"}</span>
            {f.flag !== "fatal" ? ` (${f.flag})` : ""}: {f.text.replace(/^\[[^\]]+\]\s*-?\s*/, "")}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function EInvoiceDetails({ view }: { view: EInvoiceView }) {
  const inv = view.invoice;
  const c = inv.currency;
  const t = inv.totals;
  const totals: [string, string | undefined][] = [
    ["Sum of lines", t.lineNet],
    ["Allowances", t.allowances],
    ["Charges", t.charges],
    ["Total without VAT", t.taxExclusive],
    ["VAT", t.vat],
    ["Total with VAT", t.taxInclusive],
    ["Paid in advance", t.prepaid],
    ["Rounding", t.rounding],
  ];
  return (
    <article aria-label="E-invoice" className="space-y-6">
      <Validation view={view} />
      <section aria-label="Invoice" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 className="text-lg font-semibold">
          {inv.kind === "credit_note" ? "Credit note" : "Invoice"} {inv.number}
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr_auto_1fr]">
          <dt className="text-slate-600">Issued</dt><dd>{inv.issueDate || "—"}</dd>
          <dt className="text-slate-600">Due</dt><dd>{inv.dueDate ?? "—"}</dd>
          <dt className="text-slate-600">Currency</dt><dd>{c}</dd>
          <dt className="text-slate-600">Format</dt><dd>{formatName(inv.customizationId)} ({inv.syntax.toUpperCase()}, type {inv.typeCode})</dd>
          {inv.buyerReference ? (<><dt className="text-slate-600">Buyer reference</dt><dd>{inv.buyerReference}</dd></>) : null}
          {inv.purchaseOrderRef ? (<><dt className="text-slate-600">Purchase order</dt><dd>{inv.purchaseOrderRef}</dd></>) : null}
          {inv.delivery?.date ? (<><dt className="text-slate-600">Delivered</dt><dd>{inv.delivery.date}</dd></>) : null}
          {inv.delivery?.periodStart || inv.delivery?.periodEnd ? (<><dt className="text-slate-600">Period</dt><dd>{inv.delivery.periodStart ?? "…"} to {inv.delivery.periodEnd ?? "…"}</dd></>) : null}
          {inv.precedingInvoices.map((p, i) => (
            <div key={i} className="contents"><dt className="text-slate-600">Corrects invoice</dt><dd>{p.number}{p.issueDate ? ` of ${p.issueDate}` : ""}</dd></div>
          ))}
        </dl>
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        <Party title="Seller" party={inv.seller} />
        <Party title="Buyer" party={inv.buyer} />
      </div>
      <ScrollRegion as="section" label="Lines" className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">Invoice lines</caption>
          <thead className="bg-slate-50 text-left">
            <tr><th scope="col" className="px-3 py-2">#</th><th scope="col" className="px-3 py-2">Item</th><th scope="col" className="px-3 py-2 text-right">Quantity</th><th scope="col" className="px-3 py-2 text-right">Price</th><th scope="col" className="px-3 py-2">VAT</th><th scope="col" className="px-3 py-2 text-right">Amount</th></tr>
          </thead>
          <tbody>
            {inv.lines.map((l, i) => (
              <tr key={i} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2">{l.id}</td>
                <td className="px-3 py-2">
                  <p className="font-medium">{l.name}</p>
                  {l.description ? <p className="text-slate-600">{l.description}</p> : null}
                  {l.period ? <p className="text-slate-600">{l.period.start ?? "…"} to {l.period.end ?? "…"}</p> : null}
                  {l.allowances.map((a, j) => (
                    <p key={j} className="text-slate-600">{allowanceText(a, c)}: {money(a.amount, c)}</p>
                  ))}
                </td>
                <td className="px-3 py-2 text-right">{l.quantity}{l.unitCode ? ` ${l.unitCode}` : ""}</td>
                <td className="px-3 py-2 text-right">{money(l.price, c)}</td>
                <td className="px-3 py-2">{vatLabel(l.vatCategory, l.vatRate)}</td>
                <td className="px-3 py-2 text-right">{money(l.amount, c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {inv.allowances.length > 0 ? (
        <section aria-label="Allowances and charges" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 className="mb-2 font-semibold">Allowances and charges</h2>
          <ul className="space-y-1">
            {inv.allowances.map((a, i) => (
              <li key={i}>{allowanceText(a, c)} ({vatLabel(a.vatCategory, a.vatRate)}): {money(a.amount, c)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <ScrollRegion as="section" label="VAT breakdown" className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="px-3 pt-3 text-left font-semibold">VAT breakdown</caption>
            <thead className="text-left"><tr><th scope="col" className="px-3 py-2">Category</th><th scope="col" className="px-3 py-2 text-right">Taxable</th><th scope="col" className="px-3 py-2 text-right">VAT</th></tr></thead>
            <tbody>
              {inv.vatBreakdown.map((v, i) => (
                <tr key={i} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">
                    {vatLabel(v.category, v.rate)}
                    {v.exemptionReason || v.exemptionCode ? <p className="text-slate-600">{[v.exemptionCode, v.exemptionReason].filter(Boolean).join(": ")}</p> : null}
                  </td>
                  <td className="px-3 py-2 text-right">{money(v.taxableAmount, c)}</td>
                  <td className="px-3 py-2 text-right">{money(v.taxAmount, c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <section aria-label="Totals" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <dl className="grid grid-cols-[1fr_auto] gap-y-1">
            {totals.filter(([, value]) => value !== undefined).map(([label, value]) => (
              <div key={label} className="contents"><dt>{label}</dt><dd className="text-right">{money(value, c)}</dd></div>
            ))}
            <dt className="border-t border-slate-200 pt-1 font-semibold">Amount due</dt>
            <dd className="border-t border-slate-200 pt-1 text-right font-semibold" data-testid="amount-due">{money(t.payable, c)}</dd>
          </dl>
        </section>
      </div>
      {inv.paymentMeans.length > 0 || inv.paymentTerms ? (
        <section aria-label="Payment" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 className="mb-2 font-semibold">Payment</h2>
          {inv.paymentTerms ? <p className="mb-2 whitespace-pre-line">{inv.paymentTerms}</p> : null}
          <ul className="space-y-1">
            {inv.paymentMeans.map((p, i) => (
              <li key={i}>
                {PAYMENT_MEANS[p.code] ?? `Payment means ${p.code}`}
                {p.iban ? `: ${p.iban}` : ""}
                {p.bic ? ` (BIC ${p.bic})` : ""}
                {p.accountName ? `, ${p.accountName}` : ""}
                {p.remittanceInformation ? `; reference ${p.remittanceInformation}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {inv.notes.length > 0 ? (
        <section aria-label="Notes" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 className="mb-2 font-semibold">Notes</h2>
          {inv.notes.map((n, i) => (
            <p key={i} className="whitespace-pre-line">{n}</p>
          ))}
        </section>
      ) : null}
    </article>
  );
}
