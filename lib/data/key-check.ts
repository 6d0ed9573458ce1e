import "server-only";
import { like } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { decryptField, FieldCryptoError, type Keyring } from "@/lib/crypto";
import { activeKeyring } from "@/lib/crypto/keyring";
import { ROTATED_FIELDS } from "./key-rotation";

/**
 * Can the configured keys read the data already stored? Data written under other keys (a seed run
 * without the server's SECRET_KEY / ENCRYPTION_SALT, a restored backup, a changed variable) would
 * otherwise surface as one error per page. Start-up (lib/instrumentation-node.ts) and the seed
 * (scripts/seed.ts) run this and stop with one line when the answer is no.
 *
 * A sample of encrypted values of each field (up to 5) is decrypted. If none of the sampled values
 * can be read, the keys are wrong; if only some cannot, those are single damaged values, which
 * the pages show as unavailable (lib/data/encrypted-fields.ts) and the logs report. Unscoped: the
 * sample is taken across every organisation.
 */
const SAMPLE = 5;

export type KeyCheck =
  | { ok: true; checked: number; unreadable: string[] }
  | { ok: false; checked: number; unreadable: string[]; message: string };

export async function unsafeCheckStoredKeys(keyring: Keyring = activeKeyring(), tx?: Executor): Promise<KeyCheck> {
  const db = tx ?? (await getDb());
  let checked = 0;
  let readable = 0;
  const unreadable: string[] = [];
  for (const spec of ROTATED_FIELDS.filter((field) => !field.rebuildable)) {
    const rows = await db
      .select({ id: spec.id, value: spec.value })
      .from(spec.source)
      .where(like(spec.value, "v%:%"))
      // No ORDER BY: any few values will do, and the scan stops at the first ones found (start-up
      // must stay fast on a large documents table).
      .limit(SAMPLE);
    for (const row of rows) {
      checked++;
      try {
        decryptField(keyring, row.value as string, { table: spec.table, column: spec.column, id: String(row.id) });
        readable++;
      } catch (error) {
        if (!(error instanceof FieldCryptoError)) throw error;
        unreadable.push(`${spec.table}.${spec.column} of record ${String(row.id)}`);
      }
    }
  }
  if (checked > 0 && readable === 0) {
    return { ok: false, checked, unreadable, message: keyMismatchMessage(checked) };
  }
  return { ok: true, checked, unreadable };
}

/** The one line an operator sees: which variables to look at, and what to do. */
export function keyMismatchMessage(checked: number): string {
  return (
    `The configured SECRET_KEY / ENCRYPTION_SALT (and ENCRYPTION_KEY, ENCRYPTION_KEY_VERSION, ENCRYPTION_KEYS_PREVIOUS if set) ` +
    `cannot decrypt the data stored in this database (0 of ${checked} sampled values readable): ` +
    `start with the values the data was written with (development keeps generated ones under DATA_DIR).`
  );
}
