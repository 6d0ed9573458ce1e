import Link from "next/link";
import { notFound } from "next/navigation";
import { BulkJobNotice } from "@/components/bulk/bulk-job-notice";
import { bulkActionTitles } from "@/lib/bulk";
import { documentPaths } from "@/lib/document-labels";
import { catalogs } from "@/lib/i18n/catalogs/app/documents";
import { parseId } from "@/lib/ids";
import { orNotFound } from "@/lib/not-found";
import { bulkJobPage } from "@/lib/services/bulk-results";
import { getAppLanguage, getAppMessages, requireMembership } from "@/lib/session";
import { localizeAppMessage } from "@/lib/i18n/app-messages";
import { ScrollRegion } from "@/components/ui/scroll-region";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("bulk.title") };
}

const outcomeTones = { succeeded: "text-green-800", failed: "text-red-800", skipped: "text-slate-700" } as const;

/** One bulk action: its progress (live while it runs) and every document's outcome with the reason. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const [membership, t, language] = await Promise.all([requireMembership(), getAppMessages(catalogs), getAppLanguage()]);
  const id = parseId((await params).id);
  if (!id) notFound();
  const { status, outcomes } = await orNotFound(bulkJobPage(membership, id));
  const path = documentPaths[status.kind];
  return (
    <div className="space-y-6">
      <div>
        <Link href={path} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">← {t(`many.${status.kind}`)}</Link>
        <h1 className="mt-2 text-2xl font-bold tracking-tight">{bulkActionTitles[status.action]}</h1>
      </div>
      <BulkJobNotice initial={status} showView={false} />
      {outcomes.length ? (
        <ScrollRegion label={t("bulk.outcomes")} className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("bulk.outcomes")}</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t("col.number")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("col.customer")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("bulk.outcome")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("bulk.reason")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {outcomes.map((o) => (
                <tr key={o.documentId}>
                  <th scope="row" className="px-4 py-2 font-medium">
                    <Link href={`${documentPaths[o.kind]}/${o.documentId}`} className="text-brand-700 underline-offset-2 hover:underline">{o.number ?? t("draftNumber")}</Link>
                  </th>
                  <td className="px-4 py-2">{o.customerName}</td>
                  <td className={`px-4 py-2 font-medium ${outcomeTones[o.outcome]}`}>{t(`bulk.${o.outcome}`)}</td>
                  {/* Stored as the service wrote it (English); read in the app language. */}
                  <td className="px-4 py-2">{o.reason ? localizeAppMessage(o.reason, language) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </div>
  );
}
