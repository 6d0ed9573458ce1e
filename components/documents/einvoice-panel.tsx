import Link from "next/link";

export type EInvoiceProblemView = { term: string; message: string; href: string; where: string };

type Props = {
  /** "XRechnung 3.0 (UBL)": the format the document is (or will be) issued in. */
  formatLabel: string;
  /** Null once issued: the panel then says what was stored. */
  problems: EInvoiceProblemView[] | null;
  download: { label: string; href: string } | null;
  /** The user asked to issue and it was saved as a draft instead: say so first. */
  notIssued?: boolean;
};

/**
 * The e-invoice state of a document: on a draft, what pre-flight finds missing, each with a link to
 * the field that fixes it (or that it passes); once issued, the validated XML to download.
 */
export function EInvoicePanel({ formatLabel, problems, download, notIssued = false }: Props) {
  return (
    <section aria-labelledby="einvoice-heading" className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="einvoice-panel">
      <h2 id="einvoice-heading" className="text-base font-semibold">E-invoice: {formatLabel}</h2>
      {problems === null ? (
        <p className="mt-2 text-slate-700">
          Generated at issue and validated against the official EN 16931 rules.
          {download ? (
            <>
              {" "}
              <a href={download.href} className="font-medium text-brand-700 underline-offset-2 hover:underline">Download {download.label}</a>
            </>
          ) : null}
        </p>
      ) : problems.length === 0 ? (
        <p className="mt-2 text-green-800">Ready: passes the checks.</p>
      ) : (
        <>
          <p className="mt-2 text-slate-700" role={notIssued ? "status" : undefined}>
            {notIssued ? "Saved as a draft, not issued: the e-invoice needs these first." : "Issuing needs these first:"}
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
