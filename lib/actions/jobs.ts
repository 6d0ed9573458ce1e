"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { can } from "@/lib/auth/roles";
import { AppError, conflict, forbidden } from "@/lib/errors";
import { consumeAll, tooManyMessage } from "@/lib/rate-limit";
import { runJobsNow } from "@/lib/services/job-ledger";
import { catalogs } from "@/lib/i18n/catalogs/app/jobs";
import { getAppMessages } from "@/lib/session";
import { memberAction } from "./safe-action";

// Roles are checked by the service (settings.manage); the role is checked first here too so a
// member's press spends no rate-limit point.

/** "Run jobs now" on Settings → Jobs: one recorded run in this process, then its summary. */
export const runJobsNowAction = memberAction(z.object({}), async (_input, { member }) => {
  if (!can(member.role, "settings.manage")) throw forbidden();
  const decision = await consumeAll([["jobsNow", member.orgId]]);
  if (!decision.ok) throw new AppError("RATE_LIMITED", tooManyMessage(decision.retryAfterS));
  const run = await runJobsNow(member);
  revalidatePath("/settings/jobs");
  const t = await getAppMessages(catalogs);
  if (!run.ok) throw conflict(t("msg.failed"));
  // Not the run's counts: they cover every organisation on the server.
  return { data: { runId: run.id }, message: t("msg.ran") };
});
