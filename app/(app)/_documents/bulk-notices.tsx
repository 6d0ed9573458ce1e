import { BulkJobNotice } from "@/components/bulk/bulk-job-notice";
import type { DocumentKind } from "@/db/schema";
import { listBulkNotices } from "@/lib/data/bulk-jobs";
import { bulkJobStatus } from "@/lib/services/bulk-results";
import type { MembershipContext } from "@/lib/session";

/**
 * Above a documents list: the member's bulk actions on it that are running or finished and not yet
 * dismissed — the notification they find on coming back ("Bulk send finished: 49 sent, 1 failed — View").
 */
export async function BulkNotices({ kind, membership }: { kind: DocumentKind; membership: MembershipContext }) {
  const jobs = await listBulkNotices(membership, kind);
  if (jobs.length === 0) return null;
  const statuses = await Promise.all(jobs.map((j) => bulkJobStatus(membership, j.id)));
  return (
    <div className="space-y-2">
      {statuses.map(({ stalled: _stalled, ...status }) => (
        <BulkJobNotice key={status.id} initial={status} dismissible />
      ))}
    </div>
  );
}
