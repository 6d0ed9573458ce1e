import { after } from "next/server";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { runBulkJob } from "@/lib/services/bulk-jobs";
import { bulkJobStatus } from "@/lib/services/bulk-results";
import { localizeAppMessage } from "@/lib/i18n/app-messages";
import { getAppLanguage, getMembership } from "@/lib/session";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });

/**
 * GET /bulk/[id]/status: a bulk action's progress and result for the lists' notices, which poll it.
 * A job whose run was interrupted (its lease ran out unfinished) is started again after the answer.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const [membership, language] = await Promise.all([getMembership(), getAppLanguage()]);
  // The lists' notices show these messages as they come.
  const problem = (message: string, status: number) => json({ message }, status);
  if (!membership) return problem(localizeAppMessage("Your session has ended. Sign in again to continue.", language), 401);
  const id = parseId((await params).id);
  if (!id) return problem(localizeAppMessage("Bulk action not found.", language), 404);
  try {
    const { stalled, ...status } = await bulkJobStatus(membership, id);
    if (stalled) {
      after(async () => {
        await runBulkJob(id);
      });
    }
    return json(status);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return problem(localizeAppMessage("Bulk action not found.", language), 404);
    throw error;
  }
}
