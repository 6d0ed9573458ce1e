/**
 * Migration 0010 (composite foreign keys, ledger CHECKs) applies to a database the app has already
 * filled: every document state the DAL can produce, written under migrations 0000–0009, passes the
 * new constraints. Needs an empty database to migrate step by step: a fresh PGlite, or on Postgres a
 * new empty database next to TEST_DATABASE_URL's, dropped afterwards.
 */
import { rmSync } from "node:fs";
import { type SQL, sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { type DbHandle, migrateHandle } from "@/db";
import { deleteDraft, saveDraft } from "@/lib/data/documents/drafts";
import { createCreditNote, issueDocument, voidAndCopy, voidDocument } from "@/lib/data/documents/lifecycle";
import { deletePayment, recordPayment } from "@/lib/data/documents/payments";
import { convertQuote, setQuoteOutcome } from "@/lib/data/documents/quotes";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { addLineAmountColumns, addStripeLedgerColumns, dropLineAmountColumns, dropStripeLedgerColumns, emptyDatabase, migrationsBefore, rowsOf } from "@/tests/support/migration-db";

let handle: DbHandle | undefined;
let before: string | undefined;

let dropDatabase: (() => Promise<void>) | undefined;

afterAll(async () => {
  await handle?.close();
  await dropDatabase?.();
  if (before) rmSync(before, { recursive: true, force: true });
});

describe(`migration 0010_integrity on existing data (${process.env.TEST_DB})`, () => {
  it("applies over every document state the app produces", async () => {
    ({ handle, drop: dropDatabase } = await emptyDatabase());
    const db = handle.db;
    const rows = <T>(query: SQL) => rowsOf<T>(handle!, query);
    before = migrationsBefore("0010_integrity");
    await (handle.kind === "postgres" ? migratePostgres : migratePglite)(db as never, { migrationsFolder: before });
    // Today's DAL writes a column a later migration adds (0012, the payment form's idempotency key):
    // it exists while the old-schema data is written and is gone again before the real migrations run.
    await db.execute(sql`alter table payments add column idempotency_key uuid`);
    await db.execute(sql`create unique index payments_org_id_document_id_idempotency_key_key on payments (org_id, document_id, idempotency_key)`);
    await addLineAmountColumns(handle);
    await addStripeLedgerColumns(handle);

    const { member } = await createInvoicingOrg(db, "Before 0010");
    const customer = await createCustomer(db, member.orgId);
    const invoice = async (...lines: Parameters<typeof draftInput>[1][]) => issueDocument(member, (await saveDraft(member, draftInput(customer.id, ...lines), db)).id, undefined, db);

    // A draft whose negative line outweighs the other, and a deleted draft.
    await saveDraft(member, draftInput(customer.id, { unitPrice: 1_000 }, { unitPrice: -3_000 }), db);
    await deleteDraft(member, (await saveDraft(member, draftInput(customer.id, {}), db)).id, undefined, db);
    // Partly paid; paid in full; a payment recorded then deleted.
    const partly = await invoice({ unitPrice: 10_000 });
    await recordPayment(member, partly.id, { paidOn: "2026-03-15", amount: 2_500, method: "bank_transfer" }, undefined, db);
    const paid = await invoice({ unitPrice: 4_000 });
    await recordPayment(member, paid.id, { paidOn: "2026-03-15", amount: 4_000, method: "cash" }, undefined, db);
    const refunded = await invoice({ unitPrice: 6_000 });
    const payment = await recordPayment(member, refunded.id, { paidOn: "2026-03-15", amount: 1_000, method: "cash" }, undefined, db);
    await deletePayment(member, payment.id, undefined, db);
    // Credited in part (an issued credit note), credited then the credit voided, credited in full.
    const credited = await invoice({ unitPrice: 5_000 }, { unitPrice: 3_000 });
    const [line] = await rows<{ id: string }>(sql`select id from document_lines where document_id = ${credited.id} order by position limit 1`);
    await issueDocument(member, (await createCreditNote(member, credited.id, [line!.id], db)).id, undefined, db);
    const creditVoided = await invoice({ unitPrice: 2_000 });
    const note = await issueDocument(member, (await createCreditNote(member, creditVoided.id, undefined, db)).id, undefined, db);
    await voidDocument(member, note.id, "Wrong invoice", undefined, db);
    const fullyCredited = await invoice({ unitPrice: 7_000 });
    await issueDocument(member, (await createCreditNote(member, fullyCredited.id, undefined, db)).id, undefined, db);
    // Void; void and copied.
    await voidDocument(member, (await invoice({ unitPrice: 900 })).id, "Duplicate", undefined, db);
    await voidAndCopy(member, (await invoice({ unitPrice: 800 })).id, "Wrong date", undefined, db);
    // Quotes: sent, declined, accepted and converted.
    const quote = async () => issueDocument(member, (await saveDraft(member, { ...draftInput(customer.id, { unitPrice: 50_000 }), kind: "quote" }, db)).id, undefined, db);
    await quote();
    await setQuoteOutcome(member, (await quote()).id, "declined", db);
    const accepted = await quote();
    await setQuoteOutcome(member, accepted.id, "accepted", db);
    await convertQuote(member, accepted.id, db);

    const states = await rows<{ state: string }>(sql`select distinct kind || ':' || status as state from documents order by 1`);
    expect(states.map((r) => r.state)).toEqual([
      "credit_note:issued",
      "credit_note:void",
      "invoice:draft",
      "invoice:issued",
      "invoice:paid",
      "invoice:partially_paid",
      "invoice:void",
      "quote:converted",
      "quote:declined",
      "quote:sent",
    ]);

    await db.execute(sql`alter table payments drop column idempotency_key`);
    await dropLineAmountColumns(handle);
    await dropStripeLedgerColumns(handle);
    await migrateHandle(handle);
    const constraints = await rows<{ conname: string }>(
      sql`select conname from pg_constraint where conname in ('documents_ledger_check', 'documents_amounts_check', 'documents_customer_fk', 'payments_document_fk') order by 1`,
    );
    expect(constraints.map((r) => r.conname)).toEqual(["documents_amounts_check", "documents_customer_fk", "documents_ledger_check", "payments_document_fk"]);
    // Migrating an empty database step by step takes most of the default 30 s on a busy machine.
  }, 120_000);
});
