/**
 * `npm run keys:rotate [-- --dry-run] [-- --batch N]`: re-encrypts every encrypted field under
 * the current key version (ENCRYPTION_KEY_VERSION), on DATABASE_URL or the embedded database.
 * Safe to stop and run again: it continues where it left off, and a run with nothing left to do
 * changes nothing. Exits 1 if any value could not be decrypted (those are listed and left as is).
 */
import { parseArgs } from "node:util";
import { closeDb } from "@/db";
import { activeKeyring } from "@/lib/crypto/keyring";
import { describeDbError } from "@/lib/db-errors";
import { unsafePendingRotation, unsafeRotateEncryptedFields } from "@/lib/data/key-rotation";
import { env } from "@/lib/env";

const { values } = parseArgs({ options: { "dry-run": { type: "boolean" }, batch: { type: "string" } }, strict: true });
const batchSize = values.batch ? Number(values.batch) : 500;
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
  console.error("--batch expects a whole number of rows per transaction from 1 to 10000, such as 500.");
  process.exit(1);
}

const target = env.DATABASE_URL ? new URL(env.DATABASE_URL).host + new URL(env.DATABASE_URL).pathname : `embedded (${env.DATA_DIR}/pglite)`;
try {
  const keyring = activeKeyring();
  const readable = [...keyring.keys.keys()].sort((a, b) => a - b).join(", ");
  console.log(`Key version ${keyring.current} on ${target} (readable versions: ${readable}).`);
  if (values["dry-run"]) {
    for (const f of await unsafePendingRotation(keyring)) console.log(`${f.field}: ${f.pending} to re-encrypt`);
  } else {
    const results = await unsafeRotateEncryptedFields({
      keyring,
      batchSize,
      onProgress: (p) => console.log(`${p.field}: ${p.reencrypted}/${p.pending} re-encrypted${p.failed.length ? `, ${p.failed.length} failed` : ""}`),
    });
    let failed = 0;
    for (const r of results) {
      console.log(
        `${r.field}: done, ${r.reencrypted} re-encrypted${r.dropped ? `, ${r.dropped} unreadable cached ${r.dropped === 1 ? "copy" : "copies"} dropped (made again when next asked for)` : ""}${r.failed.length ? `, ${r.failed.length} could not be decrypted` : ""}.`,
      );
      for (const f of r.failed) console.error(`  ${f.reason}`);
      failed += r.failed.length;
    }
    if (failed) {
      console.error(`${failed} value(s) could not be decrypted and were left unchanged: check the keys in ENCRYPTION_KEYS_PREVIOUS, or restore those rows.`);
      await closeDb();
      process.exit(1);
    }
    console.log("Every encrypted value is on the current key version.");
  }
  await closeDb();
} catch (error) {
  console.error(`Key rotation failed on ${target}: ${describeDbError(error)}. Batches already done stay done; run it again to continue.`);
  process.exit(1);
}
