import { catalogs } from "@/lib/i18n/catalogs/app/einvoices";
import { getAppMessages, requireMembership } from "@/lib/session";
import { EInvoiceViewer } from "./_components/viewer-form";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("page.title") };
}

/** A received e-invoice (UBL or CII), laid out readably and checked against EN 16931. Nothing is stored. */
export default async function Page() {
  const [, t] = await Promise.all([requireMembership(), getAppMessages(catalogs)]);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight">{t("page.title")}</h1>
        <p className="max-w-3xl text-sm text-slate-700">{t("page.intro")}</p>
      </div>
      <EInvoiceViewer />
    </div>
  );
}
