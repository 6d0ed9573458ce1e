import Link from "next/link";
import type { DocumentPageKey } from "@/lib/i18n/catalogs/app/document-page";
import type { Translate } from "@/lib/i18n/messages";

export type EInvoiceProblemView = { term: string; message: string; href: string; where: string };

type Props = {
  /** "XRechnung 3.0 (UBL)": the format the document is (or will be) issued in. */
  formatLabel: string;
  /** Null once issued: the panel then says what was stored. */
  problems: EInvoiceProblemView[] | null;
  download: { label: string; href: string } | null;
  /** The user asked to issue and it was saved as a draft instead: say so first. */
  notIssued?: boolean;
  /** Words the panel in the app language (the page's translator). */
  t: Translate<DocumentPageKey>;
};

/**
 * The e-invoice state of a document: on a draft, what pre-flight finds missing, each with a link to
 * the field that fixes it (or that it passes); once issued, the validated XML to download.
 */
export function EInvoicePanel({ formatLabel, problems, download, notIssued = false, t }: Props) {
  return (
    <section aria-labelledby="einvoice-heading" className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="einvoice-panel">
      <h2 id="einvoice-heading" className="text-base font-semibold">{t("einvoice.heading", { format: formatLabel })}</h2>
      {problems === null ? (
        <p className="mt-2 text-slate-700">
          {t("einvoice.stored")}
          {download ? (
            <>
              {" "}
              <a href={download.href} className="font-medium text-brand-700 underline-offset-2 hover:underline">{t("einvoice.download", { label: download.label })}</a>
            </>
          ) : null}
        </p>
      ) : problems.length === 0 ? (
        <p className="mt-2 text-green-800">{t("einvoice.ready")}</p>
      ) : (
        <>
          <p className="mt-2 text-slate-700" role={notIssued ? "status" : undefined}>
            {notIssued ? t("einvoice.notIssued") : t("einvoice.needs")}
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="einvoice-problems">
            {problems.map((p, i) => (
              <li key={`${p.term}-${i}`}>
                {p.message}{" "}
                <Link href={p.href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {p.where}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
