/**
 * Migration 0029 (email_template_language) on a database the app has already filled: a template an
 * organisation saved before templates had a language keeps its wording, now under the organisation's
 * language (the language of its locale when that is a launch language, else English), and the
 * other languages read their defaults. Needs an empty database to migrate step by step: a fresh
 * PGlite, or on Postgres a new empty database next to TEST_DATABASE_URL's, dropped afterwards.
 */
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getEmailTemplate, saveEmailTemplate } from "@/lib/data/email-templates";
import { createInvoicingOrg } from "@/tests/support/invoicing";
import { databaseBefore, rowsOf } from "@/tests/support/migration-db";

let cleanUp: (() => Promise<void>) | undefined;
afterAll(async () => {
  await cleanUp?.();
});

describe(`migration email_template_language on existing data (${process.env.TEST_DB})`, () => {
  it("keeps each saved template's wording under its organisation's language", async () => {
    const { handle, db, migrateRest, ...fixture } = await databaseBefore("0029_email_template_language");
    cleanUp = fixture.cleanUp;

    const german = await createInvoicingOrg(db, "Vor 0029", { locale: "de-DE" });
    const french = await createInvoicingOrg(db, "Avant 0029", { locale: "fr-CA" });
    // Japanese is not a launch language: its organisation's language is English.
    const japanese = await createInvoicingOrg(db, "Before 0029 ja", { locale: "ja-JP" });
    // Written as the app wrote them before 0029: one row per organisation and kind, no language.
    const saved = async (orgId: string, subject: string) =>
      db.execute(sql`insert into email_templates (org_id, kind, subject, body) values (${orgId}, 'invoice_sent', ${subject}, 'Body of {number}')`);
    await saved(german.org.id, "Unsere Rechnung {number}");
    await saved(french.org.id, "Notre facture {number}");
    await saved(japanese.org.id, "Invoice {number} (custom)");

    await migrateRest();

    expect(await getEmailTemplate(german.owner, "invoice_sent", "de", db)).toMatchObject({ subject: "Unsere Rechnung {number}", body: "Body of {number}", isDefault: false });
    expect(await getEmailTemplate(german.owner, "invoice_sent", "en", db)).toMatchObject({ subject: "Invoice {number} from {organization_name}", isDefault: true });
    expect(await getEmailTemplate(french.owner, "invoice_sent", "fr", db)).toMatchObject({ subject: "Notre facture {number}", isDefault: false });
    expect(await getEmailTemplate(japanese.owner, "invoice_sent", "en", db)).toMatchObject({ subject: "Invoice {number} (custom)", isDefault: false });
    const rows = await rowsOf<{ language: string }>(handle, sql`select language from email_templates order by language`);
    expect(rows.map((r) => r.language)).toEqual(["de", "en", "fr"]);

    // After it, an organisation holds one wording per language of the same kind.
    await saveEmailTemplate(german.owner, { kind: "invoice_sent", language: "en", subject: "Our invoice {number}", body: "Body" }, {}, db);
    expect((await getEmailTemplate(german.owner, "invoice_sent", "de", db)).subject).toBe("Unsere Rechnung {number}");
    expect((await getEmailTemplate(german.owner, "invoice_sent", "en", db)).subject).toBe("Our invoice {number}");
    // Migrating an empty database step by step takes most of the default 30 s on a busy machine.
  }, 120_000);
});
