import Link from "next/link";
import { notFound } from "next/navigation";
import { BulkJobNotice } from "@/components/bulk/bulk-job-notice";
import { bulkActionTitles } from "@/lib/bulk";
import { documentPaths, kindLabels } from "@/lib/document-labels";
import { parseId } from "@/lib/ids";
import { orNotFound } from "@/lib/not-found";
import { bulkJobPage } from "@/lib/services/bulk-results";
import { requireMembership } from "@/lib/session";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata = { title: "Bulk action" };

const outcomeLabels = { succeeded: "Done", failed: "Failed", skipped: "Skipped" } as const;
const outcomeTones = { succeeded: "text-green-800", failed: "text-red-800", skipped: "text-slate-700" } as const;

/** One bulk action: its progress (live while it runs) and every document's outcome with the reason. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const membership = await requireMembership();
  const id = parseId((await params).id);
  if (!id) notFound();
  const { status, outcomes } = await orNotFound(bulkJobPage(membership, id));
  const path = documentPaths[status.kind];
  return (
    <div className="space-y-6">
      <div>
        <Link href={path} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">← {kindLabels[status.kind].many}</Link>
        <h1 className="mt-2 text-2xl font-bold tracking-tight">{bulkActionTitles[status.action]}</h1>
      </div>
      <BulkJobNotice initial={status} showView={false} />
      {outcomes.length ? (
        <ScrollRegion label="Outcome for each document" className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Outcome for each document</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Number</th>
                <th scope="col" className="px-4 py-2 font-medium">Customer</th>
                <th scope="col" className="px-4 py-2 font-medium">Outcome</th>
                <th scope="col" className="px-4 py-2 font-medium">Reason</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {outcomes.map((o) => (
                <tr key={o.documentId}>
                  <th scope="row" className="px-4 py-2 font-medium">
                    <Link href={`${documentPaths[o.kind]}/${o.documentId}`} className="text-brand-700 underline-offset-2 hover:underline">{o.number ?? "Draft"}</Link>
                  </th>
                  <td className="px-4 py-2">{o.customerName}</td>
                  <td className={`px-4 py-2 font-medium ${outcomeTones[o.outcome]}`}>{outcomeLabels[o.outcome]}</td>
                  <td className="px-4 py-2">{o.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </div>
  );
}
