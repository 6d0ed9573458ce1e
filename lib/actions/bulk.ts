"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { bulkAction, documentKind } from "@/db/schema";
import { markBulkJobSeen } from "@/lib/data/bulk-jobs";
import { parseListQuery } from "@/lib/document-list-query";
import { AppError } from "@/lib/errors";
import { idField } from "@/lib/ids";
import { consumeAll, tooManyMessage } from "@/lib/rate-limit";
import { runBulkJob, startBulkJob } from "@/lib/services/bulk-jobs";
import { getAppMessages } from "@/lib/session";
import { catalogs as bulkCatalogs } from "@/lib/i18n/catalogs/app/bulk";
import { memberAction } from "./safe-action";

const startSchema = z.object({
  kind: z.enum(documentKind.enumValues),
  action: z.enum(bulkAction.enumValues),
  /** The rows ticked on the page, or (absent) every document matching `filter`. */
  ids: z.array(idField("Unknown document.")).max(100).optional(),
  /** The list's query string ("status=open&q=acme"), parsed like the page parses it. */
  filter: z.string().max(2000).default(""),
});

/**
 * Starts a bulk action and runs it after the response: the member can leave the page; the lists
 * show its progress and result (the job is resumed by `npm run jobs` if this run is cut short).
 */
export const startBulk = memberAction(startSchema, async ({ kind, action, ids, filter }, { member }) => {
  const decision = await consumeAll([["bulk", member.orgId]]);
  if (!decision.ok) throw new AppError("RATE_LIMITED", tooManyMessage(decision.retryAfterS));
  const selection = ids ? { ids } : { filter: parseListQuery(kind, Object.fromEntries(new URLSearchParams(filter))) };
  const job = await startBulkJob(member, { kind, action, selection });
  after(async () => {
    await runBulkJob(job.id);
  });
  revalidatePath("/", "layout");
  return { data: { jobId: job.id }, message: (await getAppMessages(bulkCatalogs))("startedOn", { count: job.total }) };
});

/** "Dismiss" on a finished bulk action's notice. */
export const dismissBulk = memberAction(z.object({ id: idField("Unknown bulk action.") }), async ({ id }, { member }) => {
  await markBulkJobSeen(member, id);
  revalidatePath("/", "layout");
  return { data: undefined };
});
