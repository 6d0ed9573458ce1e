/**
 * Migration 0026 (composite keys for items, refunds, emails, Stripe fees and events; email events
 * always have an organisation) on a database the app already filled: an event of an organisation's
 * email keeps its row or takes the email's organisation, an event of account mail (no organisation)
 * is dropped, a line keeps its item, and a reference to another organisation's item is cleared
 * rather than stopping the migration. Needs an empty database to migrate step by step: a fresh
 * PGlite, or on Postgres a new empty database next to TEST_DATABASE_URL's, dropped afterwards.
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { type SQL, sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { type DbHandle, migrateHandle } from "@/db";
import { emails, items } from "@/db/schema";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { deleteItem } from "@/lib/data/items";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { addDocumentLanguageColumn, addUserLanguageColumn, dropDocumentLanguageColumn, dropUserLanguageColumn, emptyDatabase, migrationsBefore, rowsOf } from "@/tests/support/migration-db";

let handle: DbHandle | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
let before: string | undefined;

afterAll(async () => {
  await handle?.close();
  await dropDatabase?.();
  if (before) rmSync(before, { recursive: true, force: true });
});

describe(`migration 0026 on existing data (${process.env.TEST_DB})`, () => {
  it("ties every email event to its email's organisation, drops account mail's, and keeps lines' items", async () => {
    ({ handle, drop: dropDatabase } = await emptyDatabase());
    const db = handle.db;
    const rows = <T>(query: SQL) => rowsOf<T>(handle!, query);
    before = migrationsBefore("0026_composite_item_and_event_keys");
    await (handle.kind === "postgres" ? migratePostgres : migratePglite)(db as never, { migrationsFolder: before });
    // Today's DAL writes a column a later migration adds (0028): there while the old-schema data is written.
    await addDocumentLanguageColumn(handle);
    await addUserLanguageColumn(handle);

    // Two organisations, each with an item and an issued invoice whose one line uses it.
    const seed = async (label: string) => {
      const { member, owner } = await createInvoicingOrg(db, label);
      const customer = await createCustomer(db, member.orgId);
      const [item] = await db.insert(items).values({ orgId: member.orgId, name: `${label} hour`, unitPrice: 5_000, currency: "EUR" }).returning();
      const draft = await saveDraft(member, draftInput(customer.id, { itemId: item!.id, unitPrice: 5_000 }), db);
      const invoice = await issueDocument(member, draft.id, undefined, db);
      return { member, owner, item: item!, invoice };
    };
    const A = await seed("Before 0026 A");
    const B = await seed("Before 0026 B");
    // Before 0026 nothing stopped a line naming another organisation's item: B's line now names A's.
    await db.execute(sql`update document_lines set item_id = ${A.item.id} where document_id = ${B.invoice.id}`);

    const mail = { fromAddress: "a@b.test", subject: "S", html: "<p>x</p>", text: "x", status: "sent" as const };
    const [invoiceMail] = await db
      .insert(emails)
      .values({ ...mail, orgId: A.member.orgId, documentId: A.invoice.id, kind: "invoice", toAddress: "billing@customer.test", idempotencyKey: randomUUID() })
      .returning();
    const [resetMail] = await db.insert(emails).values({ ...mail, kind: "password_reset", toAddress: "someone@user.test", idempotencyKey: randomUUID() }).returning();
    const event = (key: string, orgId: string | null, emailId: string, documentId: string | null) =>
      db.execute(
        sql`insert into email_events (email_id, org_id, document_id, event, provider_event_id, occurred_at) values (${emailId}, ${orgId}, ${documentId}, 'delivered', ${key}, '2026-03-10T12:00:00Z')`,
      );
    await event("stored", A.member.orgId, invoiceMail!.id, A.invoice.id); // as the webhook stored them
    await event("no-org", null, invoiceMail!.id, null); // an organisation's email, org_id missing
    await event("account", null, resetMail!.id, null); // a password reset's event: no organisation to give it

    await dropDocumentLanguageColumn(handle);
    await dropUserLanguageColumn(handle);
    await migrateHandle(handle);

    const events = await rows<{ key: string; org_id: string; document_id: string | null }>(
      sql`select provider_event_id as key, org_id, document_id from email_events order by provider_event_id`,
    );
    expect(events).toEqual([
      { key: "no-org", org_id: A.member.orgId, document_id: null },
      { key: "stored", org_id: A.member.orgId, document_id: A.invoice.id },
    ]);
    const lineItem = async (documentId: string) => (await rows<{ item_id: string | null }>(sql`select item_id from document_lines where document_id = ${documentId}`))[0]?.item_id;
    expect(await lineItem(A.invoice.id)).toBe(A.item.id);
    expect(await lineItem(B.invoice.id)).toBeNull();

    // After it, deleting A's item keeps A's line and clears only its item.
    await deleteItem(A.owner, A.item.id, {}, db);
    const lines = await rows<{ org_id: string; item_id: string | null; total: string | number }>(sql`select org_id, item_id, total from document_lines where document_id = ${A.invoice.id}`);
    expect(lines.map((l) => [l.org_id, l.item_id, Number(l.total)])).toEqual([[A.member.orgId, null, 5_000]]);
    // PGlite applies the 26 earlier migrations in WASM first: over the default 30 s on a busy machine.
  }, 180_000);
});
