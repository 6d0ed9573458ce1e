/**
 * Migration 0013 (reminders_control) on a database the app has already filled: an organisation that
 * existed before it keeps reminders on, as it had them (no settings row used to mean on); one created
 * after it starts with them off. Needs an empty database to migrate step by step: a fresh PGlite, or
 * on Postgres a new empty database next to TEST_DATABASE_URL's, dropped afterwards.
 */
import { afterAll, describe, expect, it } from "vitest";
import { getReminderSettings } from "@/lib/data/reminders";
import { createInvoicingOrg } from "@/tests/support/invoicing";
import { addEinvoiceColumns, databaseBefore, dropEinvoiceColumns } from "@/tests/support/migration-db";

let cleanUp: (() => Promise<void>) | undefined;
afterAll(async () => {
  await cleanUp?.();
});

describe(`migration reminders_control on existing data (${process.env.TEST_DB})`, () => {
  it("keeps reminders on for an organisation that had them, and starts a new one with them off", async () => {
    const { handle, db, migrateRest, ...fixture } = await databaseBefore("0013_reminders_control");
    cleanUp = fixture.cleanUp;
    await addEinvoiceColumns(handle);
    const before = await createInvoicingOrg(db, "Before reminders_control");
    await dropEinvoiceColumns(handle);

    await migrateRest();
    expect(await getReminderSettings(before.owner, db)).toEqual({ enabled: true, steps: [-3, 0, 7, 14, 30] });
    const after = await createInvoicingOrg(db, "After reminders_control");
    expect(await getReminderSettings(after.owner, db)).toEqual({ enabled: false, steps: [-3, 0, 7, 14, 30] });
    // Migrating an empty database step by step takes most of the default 30 s on a busy machine.
  }, 120_000);
});
