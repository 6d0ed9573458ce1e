DROP INDEX "documents_org_id_kind_issue_date_idx";--> statement-breakpoint
DROP INDEX "documents_org_id_kind_status_issue_date_idx";--> statement-breakpoint
DROP INDEX "documents_org_id_customer_id_issue_date_idx";--> statement-breakpoint
CREATE INDEX "documents_org_id_kind_issue_date_id_idx" ON "documents" USING btree ("org_id","kind","issue_date","id");--> statement-breakpoint
CREATE INDEX "documents_org_id_kind_status_issue_date_id_idx" ON "documents" USING btree ("org_id","kind","status","issue_date","id");--> statement-breakpoint
CREATE INDEX "documents_org_id_kind_total_id_idx" ON "documents" USING btree ("org_id","kind","total","id");--> statement-breakpoint
CREATE INDEX "documents_org_id_customer_id_issue_date_id_idx" ON "documents" USING btree ("org_id","customer_id","issue_date","id");