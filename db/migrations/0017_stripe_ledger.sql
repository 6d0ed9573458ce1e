ALTER TABLE "documents" DROP CONSTRAINT "documents_amounts_check";--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_amount_check";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "gateway_overpaid" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "disputed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "refund_of_id" uuid;--> statement-breakpoint
ALTER TABLE "online_payments" ADD COLUMN "attention" text;--> statement-breakpoint
ALTER TABLE "stripe_events" ADD COLUMN "document_id" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_refund_of_fk" FOREIGN KEY ("refund_of_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_events" ADD CONSTRAINT "stripe_events_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_external_id_key" ON "payments" USING btree ("external_id");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_amounts_check" CHECK ("documents"."amount_paid" >= 0 and "documents"."amount_credited" >= 0 and ("documents"."status" = 'draft' or ("documents"."total" >= 0 and ("documents"."balance" >= 0 or ("documents"."gateway_overpaid" and "documents"."kind" = 'invoice' and "documents"."status" = 'paid')))));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_check" CHECK (("payments"."refund_of_id" is null and "payments"."amount" > 0) or ("payments"."refund_of_id" is not null and "payments"."amount" < 0));