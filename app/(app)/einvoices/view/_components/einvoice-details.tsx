import { useAppMessages } from "@/components/i18n/app-language";
import { Alert } from "@/components/ui/alert";
import { FORMAT_LABELS, isVatCategory } from "@/lib/einvoice/codes";
import { catalogs, type EInvoicesKey } from "@/lib/i18n/catalogs/app/einvoices";
import type { Translate } from "@/lib/i18n/messages";
import type { ParsedAllowance, ParsedParty } from "@/lib/einvoice/parse";
import type { EInvoiceView } from "@/lib/services/einvoice-viewer";
import { ScrollRegion } from "@/components/ui/scroll-region";

type T = Translate<EInvoicesKey>;

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

const vatLabel = (t: T, category?: string, rate?: string) => {
  if (!category) return "—";
  const name = isVatCategory(category) ? t(`vat.${category}`) : category;
  return rate !== undefined && category !== "O" ? `${name} ${rate}%` : name;
};

const formatName = (t: T, customizationId?: string) => {
  if (!customizationId) return t("details.notStated");
  if (/xrechnung/i.test(customizationId)) return "XRechnung";
  if (/peppol/i.test(customizationId)) return FORMAT_LABELS["peppol-bis"];
  if (/factur-x|zugferd|en16931/i.test(customizationId)) return "EN 16931";
  return customizationId;
};

/** The payment means codes the catalogs name (lib/einvoice/codes PAYMENT_MEANS); others show their code. */
const NAMED_MEANS = ["58", "30", "59", "48", "54", "10", "20", "1"] as const;
const isPaymentMeans = (code: string): code is (typeof NAMED_MEANS)[number] => (NAMED_MEANS as readonly string[]).includes(code);

function Party({ t, title, party }: { t: T; title: string; party: ParsedParty }) {
  const a = party.address;
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 className="mb-2 font-semibold">{title}</h2>
      <p className="font-medium">{party.name || "—"}</p>
      {party.tradingName && party.tradingName !== party.name ? <p>{t("details.tradingAs", { name: party.tradingName })}</p> : null}
      {a.lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
      <p>{[a.postalCode, a.city].filter(Boolean).join(" ")}</p>
      <p>{[a.region, a.country].filter(Boolean).join(", ")}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        {party.vatId ? (<><dt className="text-slate-600">{t("details.vatId")}</dt><dd>{party.vatId}</dd></>) : null}
        {party.taxRegistrationId ? (<><dt className="text-slate-600">{t("details.taxNumber")}</dt><dd>{party.taxRegistrationId}</dd></>) : null}
        {party.legalRegistrationId ? (<><dt className="text-slate-600">{t("details.registration")}</dt><dd>{party.legalRegistrationId}</dd></>) : null}
        {party.electronicAddress ? (<><dt className="text-slate-600">{t("details.electronicAddress")}</dt><dd>{party.electronicAddress.id}{party.electronicAddress.scheme ? ` (${party.electronicAddress.scheme})` : ""}</dd></>) : null}
        {party.contact?.name ? (<><dt className="text-slate-600">{t("details.contact")}</dt><dd>{party.contact.name}</dd></>) : null}
        {party.contact?.phone ? (<><dt className="text-slate-600">{t("details.phone")}</dt><dd>{party.contact.phone}</dd></>) : null}
        {party.contact?.email ? (<><dt className="text-slate-600">{t("details.email")}</dt><dd>{party.contact.email}</dd></>) : null}
      </dl>
    </section>
  );
}

const allowanceText = (t: T, a: ParsedAllowance, currency: string) =>
  `${a.charge ? t("details.charge") : t("details.allowance")}${a.reason ? `: ${a.reason}` : a.reasonCode ? ` (${a.reasonCode})` : ""}${a.percent ? `, ${a.percent}%` : ""}${a.baseAmount ? ` ${t("details.ofBase", { amount: money(a.baseAmount, currency) })}` : ""}`;

function Validation({ t, view }: { t: T; view: EInvoiceView }) {
  const v = view.validation;
  const rules = view.xrechnung ? t("details.rulesXRechnung") : t("details.rules");
  if (!v) return <Alert tone="info">{t("details.unchecked", { rules })}</Alert>;
  if (v.valid) return <Alert tone="success">{t("details.passes", { rules })}</Alert>;
  const count = v.schemaErrors.length + v.failedAsserts.length;
  return (
    <section aria-label={t("details.validation")} className="space-y-2 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900">
      <h2 className="font-semibold">{t("details.fails", { rules, count })}</h2>
      <ul className="list-disc space-y-1 pl-5">
        {v.schemaErrors.map((e, i) => (
          <li key={`s${i}`}><span className="font-semibold">{t("details.xmlSchema")}</span>: {e}</li>
        ))}
        {v.failedAsserts.map((f, i) => (
          <li key={`r${i}`}>
            <span className="font-semibold">{f.id || t("details.rule")}</span>
            {f.flag !== "fatal" ? ` (${f.flag})` : ""}: {f.text.replace(/^\[[^\]]+\]\s*-?\s*/, "")}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function EInvoiceDetails({ view }: { view: EInvoiceView }) {
  const t = useAppMessages(catalogs);
  const inv = view.invoice;
  const c = inv.currency;
  const sums = inv.totals;
  const totals: [string, string | undefined][] = [
    [t("details.total.lineNet"), sums.lineNet],
    [t("details.total.allowances"), sums.allowances],
    [t("details.total.charges"), sums.charges],
    [t("details.total.taxExclusive"), sums.taxExclusive],
    [t("details.vat"), sums.vat],
    [t("details.total.taxInclusive"), sums.taxInclusive],
    [t("details.total.prepaid"), sums.prepaid],
    [t("details.total.rounding"), sums.rounding],
  ];
  return (
    <article aria-label={t("details.label")} className="space-y-6">
      <Validation t={t} view={view} />
      <section aria-label={t("details.invoice")} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 className="text-lg font-semibold">
          {inv.kind === "credit_note" ? t("details.creditNote") : t("details.invoice")} {inv.number}
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr_auto_1fr]">
          <dt className="text-slate-600">{t("details.issued")}</dt><dd>{inv.issueDate || "—"}</dd>
          <dt className="text-slate-600">{t("details.due")}</dt><dd>{inv.dueDate ?? "—"}</dd>
          <dt className="text-slate-600">{t("details.currency")}</dt><dd>{c}</dd>
          <dt className="text-slate-600">{t("details.format")}</dt><dd>{t("details.formatValue", { name: formatName(t, inv.customizationId), syntax: inv.syntax.toUpperCase(), code: inv.typeCode })}</dd>
          {inv.buyerReference ? (<><dt className="text-slate-600">{t("details.buyerReference")}</dt><dd>{inv.buyerReference}</dd></>) : null}
          {inv.purchaseOrderRef ? (<><dt className="text-slate-600">{t("details.purchaseOrder")}</dt><dd>{inv.purchaseOrderRef}</dd></>) : null}
          {inv.delivery?.date ? (<><dt className="text-slate-600">{t("details.delivered")}</dt><dd>{inv.delivery.date}</dd></>) : null}
          {inv.delivery?.periodStart || inv.delivery?.periodEnd ? (<><dt className="text-slate-600">{t("details.period")}</dt><dd>{t("details.range", { start: inv.delivery.periodStart ?? "…", end: inv.delivery.periodEnd ?? "…" })}</dd></>) : null}
          {inv.precedingInvoices.map((p, i) => (
            <div key={i} className="contents"><dt className="text-slate-600">{t("details.corrects")}</dt><dd>{p.number}{p.issueDate ? ` ${t("details.ofDate", { date: p.issueDate })}` : ""}</dd></div>
          ))}
        </dl>
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        <Party t={t} title={t("details.seller")} party={inv.seller} />
        <Party t={t} title={t("details.buyer")} party={inv.buyer} />
      </div>
      <ScrollRegion as="section" label={t("details.lines")} className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("details.linesCaption")}</caption>
          <thead className="bg-slate-50 text-left">
            <tr><th scope="col" className="px-3 py-2">#</th><th scope="col" className="px-3 py-2">{t("details.col.item")}</th><th scope="col" className="px-3 py-2 text-right">{t("details.col.quantity")}</th><th scope="col" className="px-3 py-2 text-right">{t("details.col.price")}</th><th scope="col" className="px-3 py-2">{t("details.vat")}</th><th scope="col" className="px-3 py-2 text-right">{t("details.col.amount")}</th></tr>
          </thead>
          <tbody>
            {inv.lines.map((l, i) => (
              <tr key={i} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2">{l.id}</td>
                <td className="px-3 py-2">
                  <p className="font-medium">{l.name}</p>
                  {l.description ? <p className="text-slate-600">{l.description}</p> : null}
                  {l.period ? <p className="text-slate-600">{t("details.range", { start: l.period.start ?? "…", end: l.period.end ?? "…" })}</p> : null}
                  {l.allowances.map((a, j) => (
                    <p key={j} className="text-slate-600">{allowanceText(t, a, c)}: {money(a.amount, c)}</p>
                  ))}
                </td>
                <td className="px-3 py-2 text-right">{l.quantity}{l.unitCode ? ` ${l.unitCode}` : ""}</td>
                <td className="px-3 py-2 text-right">{money(l.price, c)}</td>
                <td className="px-3 py-2">{vatLabel(t, l.vatCategory, l.vatRate)}</td>
                <td className="px-3 py-2 text-right">{money(l.amount, c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {inv.allowances.length > 0 ? (
        <section aria-label={t("details.allowancesCharges")} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 className="mb-2 font-semibold">{t("details.allowancesCharges")}</h2>
          <ul className="space-y-1">
            {inv.allowances.map((a, i) => (
              <li key={i}>{allowanceText(t, a, c)} ({vatLabel(t, a.vatCategory, a.vatRate)}): {money(a.amount, c)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <ScrollRegion as="section" label={t("details.vatBreakdown")} className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="px-3 pt-3 text-left font-semibold">{t("details.vatBreakdown")}</caption>
            <thead className="text-left"><tr><th scope="col" className="px-3 py-2">{t("details.col.category")}</th><th scope="col" className="px-3 py-2 text-right">{t("details.col.taxable")}</th><th scope="col" className="px-3 py-2 text-right">{t("details.vat")}</th></tr></thead>
            <tbody>
              {inv.vatBreakdown.map((v, i) => (
                <tr key={i} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">
                    {vatLabel(t, v.category, v.rate)}
                    {v.exemptionReason || v.exemptionCode ? <p className="text-slate-600">{[v.exemptionCode, v.exemptionReason].filter(Boolean).join(": ")}</p> : null}
                  </td>
                  <td className="px-3 py-2 text-right">{money(v.taxableAmount, c)}</td>
                  <td className="px-3 py-2 text-right">{money(v.taxAmount, c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <section aria-label={t("details.totals")} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <dl className="grid grid-cols-[1fr_auto] gap-y-1">
            {totals.filter(([, value]) => value !== undefined).map(([label, value]) => (
              <div key={label} className="contents"><dt>{label}</dt><dd className="text-right">{money(value, c)}</dd></div>
            ))}
            <dt className="border-t border-slate-200 pt-1 font-semibold">{t("details.amountDue")}</dt>
            <dd className="border-t border-slate-200 pt-1 text-right font-semibold" data-testid="amount-due">{money(sums.payable, c)}</dd>
          </dl>
        </section>
      </div>
      {inv.paymentMeans.length > 0 || inv.paymentTerms ? (
        <section aria-label={t("details.payment")} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 className="mb-2 font-semibold">{t("details.payment")}</h2>
          {inv.paymentTerms ? <p className="mb-2 whitespace-pre-line">{inv.paymentTerms}</p> : null}
          <ul className="space-y-1">
            {inv.paymentMeans.map((p, i) => (
              <li key={i}>
                {isPaymentMeans(p.code) ? t(`means.${p.code}`) : t("details.paymentMeans", { code: p.code })}
                {p.iban ? `: ${p.iban}` : ""}
                {p.bic ? ` (BIC ${p.bic})` : ""}
                {p.accountName ? `, ${p.accountName}` : ""}
                {p.remittanceInformation ? `; ${t("details.reference", { reference: p.remittanceInformation })}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {inv.notes.length > 0 ? (
        <section aria-label={t("details.notes")} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 className="mb-2 font-semibold">{t("details.notes")}</h2>
          {inv.notes.map((n, i) => (
            <p key={i} className="whitespace-pre-line">{n}</p>
          ))}
        </section>
      ) : null}
    </article>
  );
}
