/**
 * Migration 0015 (line amounts) fills the new columns of lines and documents saved before it, by
 * the same rule lib/money.ts applies at save time. The data is written through the DAL on a
 * database migrated up to 0014, the new columns are dropped, then 0015 runs and must put back the
 * hand-worked values.
 */
import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { type DbHandle, migrateHandle } from "@/db";
import { saveDraft } from "@/lib/data/documents/drafts";
import { createCustomer, createInvoicingOrg, createTaxRate, draftInput } from "@/tests/support/invoicing";
import { addLineAmountColumns, addStripeLedgerColumns, dropLineAmountColumns, dropStripeLedgerColumns, emptyDatabase, migrationsBefore, rowsOf } from "@/tests/support/migration-db";

let handle: DbHandle | undefined;
let before: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

afterAll(async () => {
  await handle?.close();
  await dropDatabase?.();
  if (before) rmSync(before, { recursive: true, force: true });
});

type LineRow = { line_discount: string | number; amount: string | number };
type DocRow = { line_amount_total: string | number; document_discount: string | number };

describe(`migration 0015_line_amounts on existing data (${process.env.TEST_DB})`, () => {
  it("backfills each line's own discount and net amount, and the document's line total and discount", async () => {
    ({ handle, drop: dropDatabase } = await emptyDatabase());
    const db = handle.db;
    before = migrationsBefore("0015_line_amounts");
    await (handle.kind === "postgres" ? migratePostgres : migratePglite)(db as never, { migrationsFolder: before });
    await addLineAmountColumns(handle);
    await addStripeLedgerColumns(handle);

    const { member } = await createInvoicingOrg(db, "Before 0015");
    const customer = await createCustomer(db, member.orgId);
    const vat = await createTaxRate(db, member.orgId, { name: "VAT", rateE4: 200_000 });
    // The example: 10 h × 120.00 at 20% VAT, 5% off the whole document.
    const consulting = await saveDraft(
      member,
      { ...draftInput(customer.id, { quantityE4: 100_000, unitPrice: 12_000, taxRateIds: [vat.id] }), discount: { type: "percent", rateE4: 50_000 } },
      db,
    );
    // Line discounts of every kind, positive and negative lines, and a 10.00 document discount.
    const mixed = await saveDraft(
      member,
      {
        ...draftInput(
          customer.id,
          { quantityE4: 30_000, unitPrice: 3333, discount: { type: "percent", rateE4: 100_000 } }, // 99.99 − 10% (9.999 → 10.00) = 89.99
          { quantityE4: 10_000, unitPrice: 5000, discount: { type: "amount", amount: 8000 } }, // 50.00 − 80.00 clamped to 50.00 = 0.00
          { quantityE4: -20_000, unitPrice: 1250, discount: { type: "percent", rateE4: 125_000 } }, // −25.00 − 12.5% (−3.125 → −3.13) = −21.87
          { quantityE4: -10_000, unitPrice: 1000, discount: { type: "amount", amount: 300 } }, // −10.00 − (−3.00) = −7.00
        ),
        discount: { type: "amount", amount: 1000 },
      },
      db,
    );
    // A discount type stored without a value (nothing prevents it) is no discount, as lib/money.ts reads it.
    const typeOnly = await saveDraft(member, draftInput(customer.id, { quantityE4: 10_000, unitPrice: 4200 }, { quantityE4: 10_000, unitPrice: 800 }), db);
    await db.execute(sql`update document_lines set discount_type = (case when position = 0 then 'percent' else 'amount' end)::discount_type, discount_value = null where document_id = ${typeOnly.id}`);
    const lines = (id: string) => rowsOf<LineRow>(handle!, sql`select line_discount, amount from document_lines where document_id = ${id} order by position`);
    const doc = async (id: string) => (await rowsOf<DocRow>(handle!, sql`select line_amount_total, document_discount from documents where id = ${id}`))[0];
    const numbers = (rows: (LineRow | DocRow | undefined)[]) => rows.map((r) => Object.values(r ?? {}).map(Number));
    const expected = {
      consultingLines: [[0, 120_000]],
      consultingDoc: [[120_000, 6000]],
      mixedLines: [[1000, 8999], [5000, 0], [-313, -2187], [-300, -700]],
      // 89.99 + 0.00 − 21.87 − 7.00 = 61.12; the document discount is its own 10.00.
      mixedDoc: [[6112, 1000]],
      typeOnlyLines: [[0, 4200], [0, 800]],
      typeOnlyDoc: [[5000, 0]],
    };
    const read = async () => ({
      consultingLines: numbers(await lines(consulting.id)),
      consultingDoc: numbers([await doc(consulting.id)]),
      mixedLines: numbers(await lines(mixed.id)),
      mixedDoc: numbers([await doc(mixed.id)]),
      typeOnlyLines: numbers(await lines(typeOnly.id)),
      typeOnlyDoc: numbers([await doc(typeOnly.id)]),
    });
    // Saved by today's code: the values it stores.
    expect(await read()).toEqual(expected);

    await dropLineAmountColumns(handle);
    await dropStripeLedgerColumns(handle);
    await migrateHandle(handle);
    expect(await read()).toEqual(expected);
    // Migrating an empty database step by step takes most of the default 30 s on a busy machine.
  }, 120_000);
});
