-- Issue 14 §4, the rest: every reference from an organisation's row to another organisation-owned
-- row is a composite (org_id, x_id) foreign key, so the database itself refuses a row naming
-- another organisation's item, tax rate, payment, email or document. Hand-edited after
-- drizzle-kit generate (regenerating it loses all of the below):
-- 1. The UNIQUE (org_id, id) targets come first (drizzle-kit emits them after the keys that need them).
-- 2. email_events.org_id becomes NOT NULL. Events are stored by the SendGrid webhook
--    (lib/services/provider-events.ts), which took org_id from the email's row, so a null org_id is
--    an event of account mail (a password reset or invitation: an email with no organisation).
--    Every reader of events is an organisation's page, so nobody could ever see those: they are
--    deleted here, and from now on the handler confirms such a send without storing its events.
--    An event whose org_id disagrees with its email's (none is known) takes the email's.
-- 3. "ON DELETE SET NULL" on a composite key would null org_id as well, which is NOT NULL: the
--    column list form SET NULL ("x_id") (Postgres 15+, PGlite is 17) nulls only the reference.
--    drizzle-kit cannot express it; the schema says .onDelete("set null") and the snapshot agrees.
-- 4. Before each set-null key is added, a reference that does not name a row of the same
--    organisation is cleared, as deleting its target would have done. The app always scoped
--    these, so this is expected to change nothing; it only guarantees the migration applies.
--    Refunds (payments_refund_of_fk, cascade) are money and are not touched: a cross-organisation
--    refund, which no write path can make, would stop the migration for a person to look at.
-- On Postgres 14 or older the SET NULL ("x_id") form below is a bare syntax error: say why instead.
DO $$ BEGIN IF current_setting('server_version_num')::int < 150000 THEN RAISE EXCEPTION 'Migration 0026 needs PostgreSQL 15 or newer (this server is %)', current_setting('server_version'); END IF; END $$;--> statement-breakpoint
ALTER TABLE "emails" ADD CONSTRAINT "emails_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "tax_rates" ADD CONSTRAINT "tax_rates_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "document_lines" DROP CONSTRAINT "document_lines_item_id_items_id_fk";
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_refund_of_fk";
--> statement-breakpoint
ALTER TABLE "email_events" DROP CONSTRAINT "email_events_email_id_emails_id_fk";
--> statement-breakpoint
ALTER TABLE "email_events" DROP CONSTRAINT "email_events_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "reminder_sends" DROP CONSTRAINT "reminder_sends_email_id_emails_id_fk";
--> statement-breakpoint
ALTER TABLE "online_payments" DROP CONSTRAINT "online_payments_fee_tax_rate_id_tax_rates_id_fk";
--> statement-breakpoint
ALTER TABLE "online_payments" DROP CONSTRAINT "online_payments_payment_id_payments_id_fk";
--> statement-breakpoint
ALTER TABLE "stripe_connections" DROP CONSTRAINT "stripe_connections_fee_tax_rate_id_tax_rates_id_fk";
--> statement-breakpoint
ALTER TABLE "stripe_events" DROP CONSTRAINT "stripe_events_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "late_fee_settings" DROP CONSTRAINT "late_fee_settings_tax_rate_id_tax_rates_id_fk";
--> statement-breakpoint
ALTER TABLE "recurring_occurrences" DROP CONSTRAINT "recurring_occurrences_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "recurring_occurrences" DROP CONSTRAINT "recurring_occurrences_email_id_emails_id_fk";
--> statement-breakpoint
ALTER TABLE "recurring_profile_lines" DROP CONSTRAINT "recurring_profile_lines_item_id_items_id_fk";
--> statement-breakpoint
UPDATE "email_events" AS ev SET "org_id" = em."org_id" FROM "emails" AS em WHERE em."id" = ev."email_id" AND ev."org_id" IS DISTINCT FROM em."org_id";--> statement-breakpoint
DELETE FROM "email_events" WHERE "org_id" IS NULL OR "email_id" IS NULL;--> statement-breakpoint
UPDATE "email_events" AS ev SET "document_id" = NULL WHERE ev."document_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "documents" AS d WHERE d."org_id" = ev."org_id" AND d."id" = ev."document_id");--> statement-breakpoint
ALTER TABLE "email_events" ALTER COLUMN "email_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "email_events" ALTER COLUMN "org_id" SET NOT NULL;--> statement-breakpoint
UPDATE "document_lines" AS r SET "item_id" = NULL WHERE r."item_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "items" AS p WHERE p."org_id" = r."org_id" AND p."id" = r."item_id");--> statement-breakpoint
UPDATE "recurring_profile_lines" AS r SET "item_id" = NULL WHERE r."item_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "items" AS p WHERE p."org_id" = r."org_id" AND p."id" = r."item_id");--> statement-breakpoint
UPDATE "reminder_sends" AS r SET "email_id" = NULL WHERE r."email_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "emails" AS p WHERE p."org_id" = r."org_id" AND p."id" = r."email_id");--> statement-breakpoint
UPDATE "recurring_occurrences" AS r SET "email_id" = NULL WHERE r."email_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "emails" AS p WHERE p."org_id" = r."org_id" AND p."id" = r."email_id");--> statement-breakpoint
UPDATE "recurring_occurrences" AS r SET "document_id" = NULL WHERE r."document_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "documents" AS p WHERE p."org_id" = r."org_id" AND p."id" = r."document_id");--> statement-breakpoint
UPDATE "stripe_events" AS r SET "document_id" = NULL WHERE r."document_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "documents" AS p WHERE p."org_id" = r."org_id" AND p."id" = r."document_id");--> statement-breakpoint
UPDATE "online_payments" AS r SET "payment_id" = NULL WHERE r."payment_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "payments" AS p WHERE p."org_id" = r."org_id" AND p."id" = r."payment_id");--> statement-breakpoint
UPDATE "online_payments" AS r SET "fee_tax_rate_id" = NULL WHERE r."fee_tax_rate_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "tax_rates" AS p WHERE p."org_id" = r."org_id" AND p."id" = r."fee_tax_rate_id");--> statement-breakpoint
UPDATE "stripe_connections" AS r SET "fee_tax_rate_id" = NULL WHERE r."fee_tax_rate_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "tax_rates" AS p WHERE p."org_id" = r."org_id" AND p."id" = r."fee_tax_rate_id");--> statement-breakpoint
UPDATE "late_fee_settings" AS r SET "tax_rate_id" = NULL WHERE r."tax_rate_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "tax_rates" AS p WHERE p."org_id" = r."org_id" AND p."id" = r."tax_rate_id");--> statement-breakpoint
ALTER TABLE "document_lines" ADD CONSTRAINT "document_lines_item_fk" FOREIGN KEY ("org_id","item_id") REFERENCES "public"."items"("org_id","id") ON DELETE SET NULL ("item_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_refund_of_fk" FOREIGN KEY ("org_id","refund_of_id") REFERENCES "public"."payments"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_events" ADD CONSTRAINT "email_events_email_fk" FOREIGN KEY ("org_id","email_id") REFERENCES "public"."emails"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_events" ADD CONSTRAINT "email_events_document_fk" FOREIGN KEY ("org_id","document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_sends" ADD CONSTRAINT "reminder_sends_email_fk" FOREIGN KEY ("org_id","email_id") REFERENCES "public"."emails"("org_id","id") ON DELETE SET NULL ("email_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_payments" ADD CONSTRAINT "online_payments_fee_tax_rate_fk" FOREIGN KEY ("org_id","fee_tax_rate_id") REFERENCES "public"."tax_rates"("org_id","id") ON DELETE SET NULL ("fee_tax_rate_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_payments" ADD CONSTRAINT "online_payments_payment_fk" FOREIGN KEY ("org_id","payment_id") REFERENCES "public"."payments"("org_id","id") ON DELETE SET NULL ("payment_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_connections" ADD CONSTRAINT "stripe_connections_fee_tax_rate_fk" FOREIGN KEY ("org_id","fee_tax_rate_id") REFERENCES "public"."tax_rates"("org_id","id") ON DELETE SET NULL ("fee_tax_rate_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_events" ADD CONSTRAINT "stripe_events_document_fk" FOREIGN KEY ("org_id","document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE SET NULL ("document_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "late_fee_settings" ADD CONSTRAINT "late_fee_settings_tax_rate_fk" FOREIGN KEY ("org_id","tax_rate_id") REFERENCES "public"."tax_rates"("org_id","id") ON DELETE SET NULL ("tax_rate_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_occurrences" ADD CONSTRAINT "recurring_occurrences_document_fk" FOREIGN KEY ("org_id","document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE SET NULL ("document_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_occurrences" ADD CONSTRAINT "recurring_occurrences_email_fk" FOREIGN KEY ("org_id","email_id") REFERENCES "public"."emails"("org_id","id") ON DELETE SET NULL ("email_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_profile_lines" ADD CONSTRAINT "recurring_profile_lines_item_fk" FOREIGN KEY ("org_id","item_id") REFERENCES "public"."items"("org_id","id") ON DELETE SET NULL ("item_id") ON UPDATE no action;
