ALTER TABLE "stripe_connections" ADD COLUMN "last_reconciled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stripe_connections" ADD COLUMN "last_reconciliation" jsonb;