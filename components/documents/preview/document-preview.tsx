import { textDirection } from "@/lib/i18n/languages";
import { brandColor, documentTitle, dueLabel, pdfFormat, pdfParties, type PdfFormat, stampText, statusLabel } from "@/pdf/format";
import type { PreviewData } from "./draft-data";
import { LABEL, PreviewLines, PreviewPaymentDetails, PreviewTotals } from "./preview-figures";

/**
 * The document as the client receives it, in HTML: the sections of the PDF (pdf/document-pdf.tsx)
 * in the same order, with the same wording and every amount formatted by the PDF's own helpers from
 * the same data, in the document's language (the PDF's catalog and number and date formats, and
 * its writing direction). document-preview.test.ts renders both and compares their text.
 *
 * No style attributes (the CSP allows none): the brand colour is set through the DOM (a CSS
 * variable) once mounted, and the "DRAFT" stamp is drawn by CSS from a data attribute, so it is
 * neither read out nor mistaken for low-contrast text.
 */
export function DocumentPreview({ data }: { data: PreviewData }) {
  const fmt = pdfFormat({ ...data, logo: null });
  const color = brandColor(data.org);
  const stamp = stampText(data.document, fmt.t);
  return (
    <article
      aria-label={`${documentTitle(data.document)} preview`}
      lang={fmt.language}
      dir={textDirection(fmt.language)}
      data-stamp={stamp ?? undefined}
      ref={(el) => el?.style.setProperty("--brand", color)}
      className="relative overflow-hidden bg-white px-6 py-6 text-[11px] leading-snug text-slate-900 [--brand:#1d4ed8] before:pointer-events-none before:absolute before:inset-x-0 before:top-40 before:-rotate-[24deg] before:text-center before:text-7xl before:font-bold before:text-slate-500/15 before:content-[attr(data-stamp)]"
    >
      <PreviewHeader data={data} fmt={fmt} />
      <PreviewParties data={data} fmt={fmt} />
      <PreviewMeta data={data} fmt={fmt} />
      <PreviewLines data={data} fmt={fmt} />
      <PreviewTotals data={data} fmt={fmt} />
      <PreviewPaymentDetails data={data} fmt={fmt} />
      <PreviewNotes data={data} fmt={fmt} />
      <p className="mt-6 border-t border-slate-300 pt-1.5 text-[0.9em] text-slate-600">{data.document.footer ?? data.org.legalName ?? data.org.name}</p>
    </article>
  );
}

function PreviewHeader({ data, fmt }: { data: PreviewData; fmt: PdfFormat }) {
  const { document, org } = data;
  return (
    <div className="mb-4 flex justify-between gap-4">
      <div className="max-w-[55%]">
        {/* eslint-disable-next-line @next/next/no-img-element -- a small same-origin logo, as the client page shows it */}
        {data.logoUrl ? <img src={data.logoUrl} alt={`${org.name} logo`} className="mb-1.5 max-h-12 max-w-32 object-contain" /> : null}
        <p className="text-[1.4em] font-bold text-(--brand)">{org.name}</p>
        {org.legalName && org.legalName !== org.name ? <p className="text-slate-600">{org.legalName}</p> : null}
      </div>
      <div className="text-end">
        <p className="text-[2em] leading-tight font-bold text-(--brand)">{documentTitle(document, fmt.t)}</p>
        <p className="text-[1.2em]">{document.number ?? fmt.t("status.draft")}</p>
      </div>
    </div>
  );
}

function PreviewParties({ data, fmt }: { data: PreviewData; fmt: PdfFormat }) {
  return (
    <div className="mb-3 grid grid-cols-2 gap-3">
      {pdfParties(data, fmt.t).map((party) => (
        <div key={party.label} className="min-w-0 break-words">
          <p className={LABEL}>{party.label}</p>
          <p className="font-bold">{party.name}</p>
          {party.lines.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      ))}
    </div>
  );
}

function MetaItem({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-0">
      <dt className={LABEL}>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function PreviewMeta({ data, fmt }: { data: PreviewData; fmt: PdfFormat }) {
  const d = data.document;
  const { t } = fmt;
  return (
    <dl className="mb-3 grid grid-cols-2 gap-x-2 gap-y-1.5 border-y border-slate-300 py-1.5 sm:grid-cols-4">
      <MetaItem label={t("meta.number", { kind: documentTitle(d, t) })} value={d.number ?? t("status.draft")} />
      <MetaItem label={t("meta.issueDate")} value={fmt.date(d.issueDate)} />
      {d.dueDate ? <MetaItem label={dueLabel(d.kind, t)} value={fmt.date(d.dueDate)} /> : null}
      <MetaItem label={t("meta.status")} value={statusLabel(d.status, t, d.kind)} />
      {d.kind === "credit_note" && d.sourceNumber ? <MetaItem label={t("meta.creditsInvoice")} value={d.sourceNumber} /> : null}
      {d.deliveryDate ? <MetaItem label={t("meta.deliveryDate")} value={fmt.date(d.deliveryDate)} /> : null}
      {d.periodStart && d.periodEnd ? <MetaItem label={t("meta.servicePeriod")} value={`${fmt.date(d.periodStart)} – ${fmt.date(d.periodEnd)}`} /> : null}
      {d.purchaseOrderRef ? <MetaItem label={t("meta.purchaseOrder")} value={d.purchaseOrderRef} /> : null}
      {d.buyerReference ? <MetaItem label={t("meta.buyerReference")} value={d.buyerReference} /> : null}
    </dl>
  );
}

function PreviewNotes({ data, fmt }: { data: PreviewData; fmt: PdfFormat }) {
  const d = data.document;
  return (
    <>
      {d.notes ? (
        <div className="mb-3">
          <p className={LABEL}>{fmt.t("notes.notes")}</p>
          <p className="whitespace-pre-line">{d.notes}</p>
        </div>
      ) : null}
      {d.terms ? (
        <div className="mb-3">
          <p className={LABEL}>{fmt.t("notes.terms")}</p>
          <p className="whitespace-pre-line">{d.terms}</p>
        </div>
      ) : null}
    </>
  );
}
