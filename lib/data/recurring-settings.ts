import "server-only";
import { eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { recurringSettings } from "@/db/schema";
import { auditMemberChange } from "./audit";
import { assertCan, type Member, type Reader, type RequestMeta } from "./context";

/** What happens to occurrences the jobs missed (they did not run that day): drafts for review (default), or as the profile says. */
export type MissedPolicy = "draft" | "as_scheduled";

export async function getMissedPolicy(reader: Reader, tx?: Executor): Promise<MissedPolicy> {
  const db = tx ?? (await getDb());
  const [row] = await db.select({ missedPolicy: recurringSettings.missedPolicy }).from(recurringSettings).where(eq(recurringSettings.orgId, reader.orgId));
  return row?.missedPolicy ?? "draft";
}

export async function saveMissedPolicy(member: Member, missedPolicy: MissedPolicy, meta: RequestMeta = {}, tx?: Executor): Promise<MissedPolicy> {
  const db = tx ?? (await getDb());
  assertCan(member, "settings.manage");
  return db.transaction(async (tx) => {
    await tx
      .insert(recurringSettings)
      .values({ orgId: member.orgId, missedPolicy })
      .onConflictDoUpdate({ target: recurringSettings.orgId, set: { missedPolicy, updatedAt: new Date() } });
    await auditMemberChange(member, "organization.updated", { type: "organization", id: member.orgId }, meta, { missedOccurrences: missedPolicy }, tx);
    return missedPolicy;
  });
}
