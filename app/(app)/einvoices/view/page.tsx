import { requireMembership } from "@/lib/session";
import { EInvoiceViewer } from "./_components/viewer-form";

export const metadata = { title: "View an e-invoice" };

/** A received e-invoice (UBL or CII), laid out readably and checked against EN 16931. Nothing is stored. */
export default async function Page() {
  await requireMembership();
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight">View an e-invoice</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          Choose an e-invoice you received (XRechnung, Peppol BIS or another EN 16931 invoice, as UBL or CII XML) to read it and see whether it
          passes the European standard&apos;s rules. The file is read and checked, then forgotten: nothing is saved.
        </p>
      </div>
      <EInvoiceViewer />
    </div>
  );
}
