/**
 * For tests of a migration on data the app already wrote: an empty database of the kind the tests
 * run on, a copy of db/migrations that stops before a given migration, and the columns later
 * migrations add (the DAL writes today's schema, so data written "before" needs them present).
 */
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type SQL, sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { type DbHandle, openPglite, openPostgres } from "@/db";

const migrations = path.join(import.meta.dirname, "..", "..", "db", "migrations");

/** An empty, unmigrated database (TEST_DB) and how to drop it (Postgres only). */
export async function emptyDatabase(): Promise<{ handle: DbHandle; drop?: () => Promise<void> }> {
  if (process.env.TEST_DB !== "postgres") return { handle: await openPglite() };
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const name = `${url.pathname.slice(1)}_m${randomBytes(5).toString("hex")}`;
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = () => postgres(maintenance.toString(), { max: 1, onnotice: () => {} });
  const create = admin();
  await create.unsafe(`create database "${name}"`);
  await create.end();
  const drop = async () => {
    const client = admin();
    await client.unsafe(`drop database if exists "${name}" with (force)`);
    await client.end();
  };
  url.pathname = `/${name}`;
  return { handle: await openPostgres(url.toString(), 5), drop };
}

/** A copy of db/migrations holding only the migrations before `tag`. */
export function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "si-migrations-"));
  cpSync(migrations, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((e) => e.tag === tag);
  if (index < 0) throw new Error(`no migration ${tag}`);
  journal.entries = journal.entries.slice(0, index);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

const journalTags = (): string[] =>
  (JSON.parse(readFileSync(path.join(migrations, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] }).entries.map((e) => e.tag);

/**
 * A new empty database (TEST_DB) migrated up to just before `tag`; `migrateRest()` then applies
 * `tag` and every later migration, as a deployment would. `cleanUp()` (for afterAll) closes and
 * drops the database and removes the copied migrations. Every test writes users through the DAL,
 * so a database before 0031 gets that migration's users.language column until `migrateRest()`.
 */
export async function databaseBefore(tag: string) {
  const { handle, drop } = await emptyDatabase();
  const dir = migrationsBefore(tag);
  const migrate = (folder: string) => (handle.kind === "postgres" ? migratePostgres : migratePglite)(handle.db as never, { migrationsFolder: folder });
  await migrate(dir);
  const tags = journalTags();
  const withoutUserLanguage = tags.indexOf(tag) <= tags.indexOf(USER_LANGUAGE_MIGRATION);
  if (withoutUserLanguage) await addUserLanguageColumn(handle);
  return {
    handle,
    db: handle.db,
    migrateRest: async () => {
      if (withoutUserLanguage) await dropUserLanguageColumn(handle);
      await migrate(migrations);
    },
    cleanUp: async () => {
      await handle.close();
      await drop?.();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Rows of a raw query on PGlite or postgres.js. */
export async function rowsOf<T>(handle: DbHandle, query: SQL): Promise<T[]> {
  const result = await handle.db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

/**
 * Columns added by migration 0015_line_amounts, which the DAL writes: present while a test writes
 * "old" data through the DAL, dropped before the migration under test runs (0015 adds and fills
 * them itself).
 */
export async function addLineAmountColumns(handle: DbHandle) {
  await handle.db.execute(sql`alter table document_lines add column line_discount bigint not null default 0, add column amount bigint not null default 0`);
  await handle.db.execute(sql`alter table documents add column line_amount_total bigint not null default 0, add column document_discount bigint not null default 0`);
}

export async function dropLineAmountColumns(handle: DbHandle) {
  await handle.db.execute(sql`alter table document_lines drop column line_discount, drop column amount`);
  await handle.db.execute(sql`alter table documents drop column line_amount_total, drop column document_discount`);
}

/**
 * Columns added by migrations 0017_stripe_ledger and 0019_deposits that the DAL writes on
 * documents, lines and payments (same pattern as the line-amount columns above).
 */
export async function addStripeLedgerColumns(handle: DbHandle) {
  await handle.db.execute(sql`alter table documents add column gateway_overpaid boolean not null default false, add column disputed_at timestamptz`);
  await handle.db.execute(sql`alter table payments add column external_id text, add column refund_of_id uuid`);
  await handle.db.execute(
    sql`alter table documents add column deposit_type discount_type, add column deposit_value bigint, add column deposit_amount bigint not null default 0, add column deposit_for_document_id uuid`,
  );
  await handle.db.execute(sql`alter table document_lines add column deposit_invoice_id uuid`);
  await addEinvoiceColumns(handle);
  await addDocumentLanguageColumn(handle);
  await addUserLanguageColumn(handle);
}

const USER_LANGUAGE_MIGRATION = "0031_user_language";

/** Migration 0031's column (a user's app language), which the DAL writes on every user. */
export async function addUserLanguageColumn(handle: DbHandle) {
  await handle.db.execute(sql`alter table users add column language text`);
}

export async function dropUserLanguageColumn(handle: DbHandle) {
  await handle.db.execute(sql`alter table users drop column language`);
}

/** Migration 0028's column (a document's own language), which the DAL writes on documents. */
export async function addDocumentLanguageColumn(handle: DbHandle) {
  await handle.db.execute(sql`alter table documents add column language text`);
}

export async function dropDocumentLanguageColumn(handle: DbHandle) {
  await handle.db.execute(sql`alter table documents drop column language`);
}

/** Migration 0022's columns (e-invoicing), which the DAL reads and writes. */
export async function addEinvoiceColumns(handle: DbHandle) {
  await handle.db.execute(
    sql`alter table organizations add column tax_registration_id text, add column legal_registration_id text, add column electronic_address text, add column electronic_address_scheme text, add column contact_name text, add column iban text, add column bic text, add column einvoice_format text not null default 'none'`,
  );
  await handle.db.execute(
    sql`alter table customers add column buyer_reference text, add column electronic_address text, add column electronic_address_scheme text, add column einvoice_format text`,
  );
  await handle.db.execute(
    sql`alter table documents add column delivery_date date, add column period_start date, add column period_end date, add column purchase_order_ref text, add column buyer_reference text, add column payment_means_code text, add column einvoice_format text`,
  );
  await handle.db.execute(sql`alter table document_taxes add column vat_category text, add column exemption_reason text, add column exemption_code text`);
  await handle.db.execute(sql`alter table tax_rates add column vat_category text not null default 'S', add column exemption_reason text, add column exemption_code text`);
}

export async function dropEinvoiceColumns(handle: DbHandle) {
  await handle.db.execute(
    sql`alter table organizations drop column tax_registration_id, drop column legal_registration_id, drop column electronic_address, drop column electronic_address_scheme, drop column contact_name, drop column iban, drop column bic, drop column einvoice_format`,
  );
  await handle.db.execute(sql`alter table customers drop column buyer_reference, drop column electronic_address, drop column electronic_address_scheme, drop column einvoice_format`);
  await handle.db.execute(
    sql`alter table documents drop column delivery_date, drop column period_start, drop column period_end, drop column purchase_order_ref, drop column buyer_reference, drop column payment_means_code, drop column einvoice_format`,
  );
  await handle.db.execute(sql`alter table document_taxes drop column vat_category, drop column exemption_reason, drop column exemption_code`);
  await handle.db.execute(sql`alter table tax_rates drop column vat_category, drop column exemption_reason, drop column exemption_code`);
}

export async function dropStripeLedgerColumns(handle: DbHandle) {
  await handle.db.execute(sql`alter table documents drop column gateway_overpaid, drop column disputed_at`);
  await handle.db.execute(sql`alter table payments drop column external_id, drop column refund_of_id`);
  await handle.db.execute(sql`alter table documents drop column deposit_type, drop column deposit_value, drop column deposit_amount, drop column deposit_for_document_id`);
  await handle.db.execute(sql`alter table document_lines drop column deposit_invoice_id`);
  await dropEinvoiceColumns(handle);
  await dropDocumentLanguageColumn(handle);
  await dropUserLanguageColumn(handle);
}
