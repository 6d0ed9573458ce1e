import "server-only";
import { and, asc, count, gt, inArray, isNotNull, notLike, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { type Executor, getDb } from "@/db";
import { customers, documents, emails, organizations, pdfCache, stripeConnections } from "@/db/schema";
import { decryptField, encryptField, FieldCryptoError, type Keyring } from "@/lib/crypto";
import { activeKeyring } from "@/lib/crypto/keyring";
import { ENCRYPTED_FIELDS } from "./encrypted-fields";

/**
 * `npm run keys:rotate`: re-encrypts every encrypted value under the current key version.
 *
 * Resumable by construction: each field is walked in primary-key order, one transaction per
 * batch, and only values not yet on the current version are selected. After a crash, a re-run
 * finds just what is left; once everything is on the current version it changes nothing.
 * Legacy plaintext (rows written before encryption existed) is encrypted on the way.
 */
type FieldSpec = {
  /** table.column, as bound into the ciphertext. */
  table: string;
  column: string;
  source: PgTable;
  id: AnyPgColumn;
  value: SQL<string | null> | AnyPgColumn;
  /** The SET clause that stores `v.val` (the new ciphertext) in this field. */
  assign: SQL;
  /**
   * A cache: a value that can't be read is rebuilt on demand, so rotation drops it instead of
   * reporting it, and start-up's key check doesn't sample it. Its values are large (whole PDFs),
   * so it is rotated in smaller batches.
   */
  rebuildable?: boolean;
};

const snapshotTaxId = sql<string | null>`(${documents.customerSnapshot} ->> 'taxId')`;

export const ROTATED_FIELDS: FieldSpec[] = [
  ...(["taxId", "bankDetails"] as const).map((key) => ({
    table: "organizations",
    column: ENCRYPTED_FIELDS.organizations[key],
    source: organizations,
    id: organizations.id,
    value: organizations[key],
    assign: sql`${sql.identifier(ENCRYPTED_FIELDS.organizations[key])} = v.val`,
  })),
  {
    table: "customers",
    column: ENCRYPTED_FIELDS.customers.taxId,
    source: customers,
    id: customers.id,
    value: customers.taxId,
    assign: sql`tax_id = v.val`,
  },
  {
    table: "documents",
    column: ENCRYPTED_FIELDS.documents.customerSnapshotTaxId,
    source: documents,
    id: documents.id,
    value: snapshotTaxId,
    assign: sql`customer_snapshot = jsonb_set(customer_snapshot, '{taxId}', to_jsonb(v.val))`,
  },
  {
    table: "emails",
    column: ENCRYPTED_FIELDS.emails.sealedBody,
    source: emails,
    id: emails.id,
    value: emails.sealedBody,
    assign: sql`sealed_body = v.val`,
  },
  ...(["secretKey", "webhookSecret", "previousWebhookSecret"] as const).map((key) => ({
    table: "stripe_connections",
    column: ENCRYPTED_FIELDS.stripe_connections[key],
    source: stripeConnections,
    id: stripeConnections.orgId,
    value: stripeConnections[key],
    assign: sql`${sql.identifier(ENCRYPTED_FIELDS.stripe_connections[key])} = v.val`,
  })),
  // Stored PDFs print the encrypted fields, so they are sealed with the same keys (lib/data/pdf-cache.ts).
  {
    table: "pdf_cache",
    column: "sealed",
    source: pdfCache,
    id: pdfCache.documentId,
    value: pdfCache.sealed,
    assign: sql`sealed = v.val`,
    rebuildable: true,
  },
];

export type FieldProgress = { field: string; pending: number; reencrypted: number; failed: { id: string; reason: string }[]; dropped: number };

const REBUILDABLE_BATCH = 25;

/** Values of each field, in every organisation, that are not on the keyring's current version (what a rotation would do). */
export async function unsafePendingRotation(keyring: Keyring = activeKeyring(), tx?: Executor) {
  const db = tx ?? (await getDb());
  const out: { field: string; pending: number }[] = [];
  for (const spec of ROTATED_FIELDS) {
    const [row] = await db.select({ n: count() }).from(spec.source).where(pending(spec, keyring));
    out.push({ field: `${spec.table}.${spec.column}`, pending: row?.n ?? 0 });
  }
  return out;
}

function pending(spec: FieldSpec, keyring: Keyring) {
  return and(isNotNull(spec.value), notLike(spec.value, `v${keyring.current}:%`));
}

/** Re-encrypts every organisation's values under the keyring's current version (`npm run keys:rotate`). */
export async function unsafeRotateEncryptedFields(
  options: { keyring?: Keyring; batchSize?: number; onProgress?: (p: FieldProgress) => void } = {},
  tx?: Executor,
): Promise<FieldProgress[]> {
  const db = tx ?? (await getDb());
  const keyring = options.keyring ?? activeKeyring();
  const batchSize = options.batchSize ?? 500;
  const results: FieldProgress[] = [];
  for (const spec of ROTATED_FIELDS) {
    const [counted] = await db.select({ n: count() }).from(spec.source).where(pending(spec, keyring));
    const progress: FieldProgress = { field: `${spec.table}.${spec.column}`, pending: counted?.n ?? 0, reencrypted: 0, failed: [], dropped: 0 };
    const batch = spec.rebuildable ? Math.min(batchSize, REBUILDABLE_BATCH) : batchSize;
    let cursor: string | undefined;
    for (;;) {
      const lastId = await db.transaction(async (tx) => {
        const rows = (await tx
          .select({ id: spec.id, value: spec.value })
          .from(spec.source)
          .where(and(pending(spec, keyring), cursor ? gt(spec.id, cursor) : undefined))
          .orderBy(asc(spec.id))
          .limit(batch)
          // Locked so an edit made through the app meanwhile waits instead of being overwritten.
          .for("update")) as { id: string; value: string }[];
        const updates: SQL[] = [];
        const unreadable: string[] = [];
        for (const row of rows) {
          const context = { table: spec.table, column: spec.column, id: row.id };
          try {
            updates.push(sql`(${row.id}::uuid, ${encryptField(keyring, decryptField(keyring, row.value, context), context)}::text)`);
          } catch (error) {
            // Left as it is and reported: one damaged value must not block rotating the rest.
            if (!(error instanceof FieldCryptoError)) throw error;
            if (spec.rebuildable) unreadable.push(row.id);
            else progress.failed.push({ id: row.id, reason: error.message });
          }
        }
        // One statement per batch. Plain SQL, so updated_at is left alone: re-encryption is not
        // an edit anyone made.
        if (updates.length) {
          await tx.execute(
            sql`update ${spec.source} set ${spec.assign} from (values ${sql.join(updates, sql`, `)}) as v(id, val) where ${spec.id} = v.id`,
          );
        }
        if (unreadable.length) await tx.delete(spec.source).where(inArray(spec.id, unreadable));
        progress.dropped += unreadable.length;
        progress.reencrypted += updates.length;
        return rows.at(-1)?.id;
      });
      if (!lastId) break;
      cursor = lastId;
      options.onProgress?.({ ...progress, failed: [...progress.failed] });
    }
    results.push(progress);
  }
  return results;
}
