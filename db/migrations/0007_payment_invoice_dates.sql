DROP INDEX "payments_org_id_currency_paid_on_idx";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "last_paid_on" date;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "invoice_issue_date" date;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "invoice_due_date" date;--> statement-breakpoint
-- Backfill: payments copy their invoice's dates; invoices record their latest payment date.
UPDATE "payments" SET "invoice_issue_date" = d."issue_date", "invoice_due_date" = d."due_date" FROM "documents" d WHERE d."id" = "payments"."document_id";--> statement-breakpoint
UPDATE "documents" SET "last_paid_on" = p."last_paid_on" FROM (SELECT "document_id", max("paid_on") AS "last_paid_on" FROM "payments" GROUP BY "document_id") p WHERE p."document_id" = "documents"."id";--> statement-breakpoint
ALTER TABLE "payments" ALTER COLUMN "invoice_issue_date" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "documents_org_id_currency_last_paid_on_idx" ON "documents" USING btree ("org_id","currency","last_paid_on","issue_date") WHERE "documents"."kind" = 'invoice' and "documents"."status" = 'paid';--> statement-breakpoint
CREATE INDEX "payments_org_id_currency_paid_on_idx" ON "payments" USING btree ("org_id","currency","paid_on","document_id","amount","invoice_issue_date","invoice_due_date");
