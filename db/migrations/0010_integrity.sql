-- Issue 14 §4, hand-ordered: drizzle-kit emits the UNIQUE (org_id, id) constraints after the
-- composite foreign keys that reference them, which Postgres refuses. After regenerating this
-- migration, move these two statements back to the top. No data fix is needed: every write path
-- already scoped its references to the organisation and kept the ledger in step, since 0001.
ALTER TABLE "customers" ADD CONSTRAINT "customers_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "customer_contacts" DROP CONSTRAINT "customer_contacts_customer_id_customers_id_fk";
--> statement-breakpoint
ALTER TABLE "document_events" DROP CONSTRAINT "document_events_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "document_lines" DROP CONSTRAINT "document_lines_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "document_taxes" DROP CONSTRAINT "document_taxes_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_customer_id_customers_id_fk";
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "document_links" DROP CONSTRAINT "document_links_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "document_reminder_overrides" DROP CONSTRAINT "document_reminder_overrides_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "reminder_sends" DROP CONSTRAINT "reminder_sends_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD CONSTRAINT "customer_contacts_customer_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_events" ADD CONSTRAINT "document_events_document_fk" FOREIGN KEY ("org_id","document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_lines" ADD CONSTRAINT "document_lines_document_fk" FOREIGN KEY ("org_id","document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_taxes" ADD CONSTRAINT "document_taxes_document_fk" FOREIGN KEY ("org_id","document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_customer_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_source_document_fk" FOREIGN KEY ("org_id","source_document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_document_fk" FOREIGN KEY ("org_id","document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_links" ADD CONSTRAINT "document_links_document_fk" FOREIGN KEY ("org_id","document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_reminder_overrides" ADD CONSTRAINT "document_reminder_overrides_document_fk" FOREIGN KEY ("org_id","document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_sends" ADD CONSTRAINT "reminder_sends_document_fk" FOREIGN KEY ("org_id","document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_ledger_check" CHECK ("documents"."balance" = case when "documents"."status" = 'void' or ("documents"."kind" <> 'invoice' and "documents"."status" <> 'draft') then 0 else "documents"."total" - "documents"."amount_paid" - "documents"."amount_credited" end);--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_amounts_check" CHECK ("documents"."amount_paid" >= 0 and "documents"."amount_credited" >= 0 and ("documents"."status" = 'draft' or ("documents"."total" >= 0 and "documents"."balance" >= 0)));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_check" CHECK ("payments"."amount" > 0);