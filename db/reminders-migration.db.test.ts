/**
 * Migration 0013 (reminders_control) on a database the app has already filled: an organisation that
 * existed before it keeps reminders on, as it had them (no settings row used to mean on); one created
 * after it starts with them off. Needs an empty database to migrate step by step: a fresh PGlite, or
 * on Postgres a new empty database next to TEST_DATABASE_URL's, dropped afterwards.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { afterAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { getReminderSettings } from "@/lib/data/reminders";
import { createInvoicingOrg } from "@/tests/support/invoicing";
import { addEinvoiceColumns, dropEinvoiceColumns, emptyDatabase, migrationsBefore } from "@/tests/support/migration-db";

const migrations = path.join(import.meta.dirname, "migrations");
let handle: DbHandle | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
let migrationsDir: string | undefined;

afterAll(async () => {
  await handle?.close();
  await dropDatabase?.();
  if (migrationsDir) rmSync(migrationsDir, { recursive: true, force: true });
});

describe(`migration reminders_control on existing data (${process.env.TEST_DB})`, () => {
  it("keeps reminders on for an organisation that had them, and starts a new one with them off", async () => {
    ({ handle, drop: dropDatabase } = await emptyDatabase());
    const db = handle.db;
    const migrate = handle.kind === "postgres" ? migratePostgres : migratePglite;
    migrationsDir = migrationsBefore("0013_reminders_control");
    await migrate(db as never, { migrationsFolder: migrationsDir });
    await addEinvoiceColumns(handle);
    const before = await createInvoicingOrg(db, "Before reminders_control");
    await dropEinvoiceColumns(handle);

    await migrate(db as never, { migrationsFolder: migrations });
    expect(await getReminderSettings(before.owner, db)).toEqual({ enabled: true, steps: [-3, 0, 7, 14, 30] });
    const after = await createInvoicingOrg(db, "After reminders_control");
    expect(await getReminderSettings(after.owner, db)).toEqual({ enabled: false, steps: [-3, 0, 7, 14, 30] });
  });
});
