/**
 * Migration 0013 (reminders_control) on a database the app has already filled: an organisation that
 * existed before it keeps reminders on, as it had them (no settings row used to mean on); one created
 * after it starts with them off. Needs an empty database to migrate step by step: a fresh PGlite, or
 * on Postgres a new empty database next to TEST_DATABASE_URL's, dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { type DbHandle, openPglite, openPostgres } from "@/db";
import { getReminderSettings } from "@/lib/data/reminders";
import { createInvoicingOrg } from "@/tests/support/invoicing";

const migrations = path.join(import.meta.dirname, "migrations");
let handle: DbHandle | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
const dirs: string[] = [];

afterAll(async () => {
  await handle?.close();
  await dropDatabase?.();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function emptyDatabase(): Promise<DbHandle> {
  if (process.env.TEST_DB !== "postgres") return openPglite();
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const name = `${url.pathname.slice(1)}_r${randomBytes(5).toString("hex")}`;
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = () => postgres(maintenance.toString(), { max: 1, onnotice: () => {} });
  const create = admin();
  await create.unsafe(`create database "${name}"`);
  await create.end();
  dropDatabase = async () => {
    const drop = admin();
    await drop.unsafe(`drop database if exists "${name}" with (force)`);
    await drop.end();
  };
  url.pathname = `/${name}`;
  return openPostgres(url.toString(), 5);
}

/** A copy of db/migrations holding only the migrations before the one named `…_<suffix>` (its number may change at merge). */
function migrationsBefore(suffix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "si-migrations-"));
  dirs.push(dir);
  cpSync(migrations, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((e) => e.tag.endsWith(`_${suffix}`));
  if (index < 0) throw new Error(`no migration *_${suffix}`);
  journal.entries = journal.entries.slice(0, index);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

describe(`migration reminders_control on existing data (${process.env.TEST_DB})`, () => {
  it("keeps reminders on for an organisation that had them, and starts a new one with them off", async () => {
    handle = await emptyDatabase();
    const db = handle.db;
    const migrate = handle.kind === "postgres" ? migratePostgres : migratePglite;
    await migrate(db as never, { migrationsFolder: migrationsBefore("reminders_control") });
    const before = await createInvoicingOrg(db, "Before reminders_control");

    await migrate(db as never, { migrationsFolder: migrations });
    expect(await getReminderSettings(before.owner, db)).toEqual({ enabled: true, steps: [-3, 0, 7, 14, 30] });
    const after = await createInvoicingOrg(db, "After reminders_control");
    expect(await getReminderSettings(after.owner, db)).toEqual({ enabled: false, steps: [-3, 0, 7, 14, 30] });
  });
});
