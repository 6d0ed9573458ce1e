/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
import { closeDb, getDbHandle, migrateHandle } from "@/db";
import { env } from "@/lib/env";
import { describeDbError } from "@/lib/db-errors";

const target = env.DATABASE_URL ? new URL(env.DATABASE_URL).host + new URL(env.DATABASE_URL).pathname : `embedded (${env.DATA_DIR}/pglite)`;
try {
  const handle = await getDbHandle();
  await migrateHandle(handle);
  console.log(`Migrations applied to ${target}.`);
  await closeDb();
} catch (error) {
  console.error(`Migration failed on ${target}: ${describeDbError(error)}. Nothing was changed.`);
  process.exit(1);
}
