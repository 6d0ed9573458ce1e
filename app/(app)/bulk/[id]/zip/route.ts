import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { consumeAll, tooManyResponse } from "@/lib/rate-limit";
import { bulkZip } from "@/lib/services/bulk-results";
import { localizeAppMessage } from "@/lib/i18n/app-messages";
import { getAppLanguage, getMembership } from "@/lib/session";

// React-PDF renders drafts in the worker pool: Node, not the edge runtime.
export const runtime = "nodejs";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Cache-Control": "private, no-store" } });

/** GET /bulk/[id]/zip: the PDFs of a finished "Download PDFs" bulk action, streamed as one ZIP (members of its organisation only). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const membership = await getMembership();
  const language = await getAppLanguage();
  if (!membership) return text(localizeAppMessage("Sign in to download these documents.", language), 401);
  const id = parseId((await params).id);
  if (!id) return text("Not found", 404);
  const limited = await consumeAll([["bulkZip", `user:${membership.userId}`]]);
  if (!limited.ok) return tooManyResponse(limited);
  let zip;
  try {
    zip = await bulkZip(membership, id);
  } catch (error) {
    if (error instanceof AppError) return text(localizeAppMessage(error.message, language), error.code === "NOT_FOUND" ? 404 : 409);
    throw error;
  }
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(zip.body, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="documents-${stamp}.zip"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
