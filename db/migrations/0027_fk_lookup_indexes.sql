-- Indexes on the referencing side of 0026's composite keys: deleting an item or an email finds the
-- rows that name it (ON DELETE SET NULL / CASCADE) by index instead of scanning the whole table.
CREATE INDEX "document_lines_org_id_item_id_idx" ON "document_lines" USING btree ("org_id","item_id") WHERE "document_lines"."item_id" is not null;--> statement-breakpoint
CREATE INDEX "email_events_org_id_email_id_idx" ON "email_events" USING btree ("org_id","email_id");--> statement-breakpoint
CREATE INDEX "recurring_profile_lines_org_id_item_id_idx" ON "recurring_profile_lines" USING btree ("org_id","item_id") WHERE "recurring_profile_lines"."item_id" is not null;