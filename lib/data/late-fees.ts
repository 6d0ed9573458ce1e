import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { documents, lateFees, lateFeeSettings } from "@/db/schema";
import { recordAudit } from "./audit";
import { actorId, assertCan, type Member, type RequestMeta } from "./context";

/**
 * Late fees: the organisation's setting (no row = off) and the record of each fee added, one per
 * overdue invoice and reminder step (late_fees' primary key). lib/services/late-fees.ts adds them.
 */

export type LateFeeSettings =
  | { enabled: boolean; feeType: "percent"; rateE4: number; taxRateId: string | null }
  | { enabled: boolean; feeType: "amount"; amount: number; currency: string; taxRateId: string | null };

/** The organisation's late fee, or null when it never set one (late fees are off). */
export async function getLateFeeSettings(member: Member, tx?: Executor): Promise<LateFeeSettings | null> {
  const db = tx ?? (await getDb());
  const [row] = await db.select().from(lateFeeSettings).where(eq(lateFeeSettings.orgId, member.orgId)).limit(1);
  if (!row) return null;
  return row.feeType === "percent"
    ? { enabled: row.enabled, feeType: "percent", rateE4: row.feeValue, taxRateId: row.taxRateId }
    : { enabled: row.enabled, feeType: "amount", amount: row.feeValue, currency: row.currency!, taxRateId: row.taxRateId };
}

/** Settings → Reminders: saves the late fee, or (null) forgets it, which turns late fees off. */
export async function saveLateFeeSettings(member: Member, settings: LateFeeSettings | null, meta: RequestMeta = {}, tx?: Executor): Promise<LateFeeSettings | null> {
  const db = tx ?? (await getDb());
  assertCan(member, "settings.manage");
  return db.transaction(async (t) => {
    if (settings === null) {
      await t.delete(lateFeeSettings).where(eq(lateFeeSettings.orgId, member.orgId));
    } else {
      const values = {
        enabled: settings.enabled,
        feeType: settings.feeType,
        feeValue: settings.feeType === "percent" ? settings.rateE4 : settings.amount,
        currency: settings.feeType === "amount" ? settings.currency : null,
        taxRateId: settings.taxRateId,
      };
      await t
        .insert(lateFeeSettings)
        .values({ orgId: member.orgId, ...values })
        .onConflictDoUpdate({ target: lateFeeSettings.orgId, set: { ...values, updatedAt: new Date() } });
    }
    // AuditAction is a closed union owned elsewhere; the late fee is part of the organisation's settings.
    await recordAudit(
      { action: "organization.updated", orgId: member.orgId, actorUserId: actorId(member), targetType: "late_fee_settings", targetId: member.orgId, meta: { lateFee: settings }, ...meta },
      t,
    );
    return settings;
  });
}

/**
 * Records the fee invoice added for an invoice's reminder step, in the transaction that issued it.
 * False when the step already has its fee (the primary key): the caller rolls back its fee invoice.
 */
export async function recordLateFee(member: Member, documentId: string, step: number, feeDocumentId: string, tx: Executor): Promise<boolean> {
  assertCan(member, "documents.manage");
  const [row] = await tx.insert(lateFees).values({ orgId: member.orgId, documentId, step, feeDocumentId }).onConflictDoNothing().returning();
  return !!row;
}

/** Whether the document is itself a late fee invoice (fees are never charged on fees). */
export async function isLateFeeInvoice(member: Member, documentId: string, tx?: Executor): Promise<boolean> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({ step: lateFees.step })
    .from(lateFees)
    .where(and(eq(lateFees.orgId, member.orgId), eq(lateFees.feeDocumentId, documentId)))
    .limit(1);
  return !!row;
}

/** The invoice page: the late fees added to this invoice, by step, with their fee invoices. */
export async function listLateFees(member: Member, documentId: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  return db
    .select({ step: lateFees.step, feeDocumentId: lateFees.feeDocumentId, number: documents.number, total: documents.total, currency: documents.currency, status: documents.status, issueDate: documents.issueDate })
    .from(lateFees)
    .innerJoin(documents, and(eq(documents.orgId, lateFees.orgId), eq(documents.id, lateFees.feeDocumentId)))
    .where(and(eq(lateFees.orgId, member.orgId), eq(lateFees.documentId, documentId)))
    .orderBy(asc(lateFees.step));
}
