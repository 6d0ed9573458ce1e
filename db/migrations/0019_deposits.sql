ALTER TABLE "document_lines" ADD COLUMN "deposit_invoice_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "deposit_type" "discount_type";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "deposit_value" bigint;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "deposit_amount" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "deposit_for_document_id" uuid;--> statement-breakpoint
ALTER TABLE "document_lines" ADD CONSTRAINT "document_lines_deposit_invoice_fk" FOREIGN KEY ("org_id","deposit_invoice_id") REFERENCES "public"."documents"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_deposit_for_document_fk" FOREIGN KEY ("org_id","deposit_for_document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "documents_deposit_for_document_id_key" ON "documents" USING btree ("deposit_for_document_id");