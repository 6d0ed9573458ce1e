import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import type { DocumentKind } from "@/db/schema";
import { numberSequences } from "@/db/schema";

/**
 * Renders a number format: {YYYY} four-digit year, {YY} two-digit year, {SEQ} the sequence,
 * {SEQ:n} zero-padded to n digits. Anything else is kept as typed.
 */
export function formatDocumentNumber(format: string, sequence: number, year: number): string {
  return format
    .replaceAll("{YYYY}", String(year))
    .replaceAll("{YY}", String(year % 100).padStart(2, "0"))
    .replace(/\{SEQ(?::(\d{1,2}))?\}/g, (_, width: string | undefined) => String(sequence).padStart(Number(width ?? 0), "0"));
}

export const NUMBER_TOKENS = /\{(YYYY|YY|SEQ(?::\d{1,2})?)\}/g;

export function isValidNumberFormat(format: string): boolean {
  const unknown = format.replace(NUMBER_TOKENS, "").match(/\{[^}]*\}/);
  return !unknown && /\{SEQ(?::\d{1,2})?\}/.test(format) && format.length <= 40;
}

/**
 * Next number in the sequence, taken inside the issuing transaction. The upsert locks the
 * counter row until commit, so concurrent issuers queue; a rollback gives the number back.
 * Together with the unique index on (org, kind, number) this means no gaps and no duplicates.
 */
export async function allocateNumber(orgId: string, kind: DocumentKind, period: number, tx: Tx): Promise<number> {
  const [row] = await tx
    .insert(numberSequences)
    .values({ orgId, kind, period, lastValue: 1 })
    .onConflictDoUpdate({
      target: [numberSequences.orgId, numberSequences.kind, numberSequences.period],
      set: { lastValue: sql`${numberSequences.lastValue} + 1` },
    })
    .returning({ value: numberSequences.lastValue });
  return row!.value;
}
