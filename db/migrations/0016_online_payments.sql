CREATE TYPE "public"."online_payment_status" AS ENUM('open', 'processing', 'succeeded', 'failed', 'expired');--> statement-breakpoint
CREATE TABLE "online_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"checkout_session_id" text NOT NULL,
	"payment_intent_id" text,
	"amount" bigint NOT NULL,
	"fee_amount" bigint DEFAULT 0 NOT NULL,
	"fee_tax" bigint DEFAULT 0 NOT NULL,
	"fee_tax_rate_id" uuid,
	"currency" char(3) NOT NULL,
	"status" "online_payment_status" DEFAULT 'open' NOT NULL,
	"payment_id" uuid,
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "online_payments_amount_check" CHECK ("online_payments"."amount" > 0 and "online_payments"."fee_amount" >= 0 and "online_payments"."fee_tax" >= 0 and "online_payments"."fee_tax" <= "online_payments"."fee_amount")
);
--> statement-breakpoint
CREATE TABLE "stripe_connections" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"webhook_id" text NOT NULL,
	"secret_key" text NOT NULL,
	"secret_key_last4" text NOT NULL,
	"webhook_secret" text NOT NULL,
	"previous_webhook_secret" text,
	"previous_webhook_secret_until" timestamp with time zone,
	"account_id" text,
	"account_name" text,
	"livemode" boolean NOT NULL,
	"part_payments_enabled" boolean DEFAULT false NOT NULL,
	"part_payment_minimum" bigint,
	"fee_enabled" boolean DEFAULT false NOT NULL,
	"fee_rate_bp" integer DEFAULT 0 NOT NULL,
	"fee_fixed" bigint DEFAULT 0 NOT NULL,
	"fee_tax_rate_id" uuid,
	"connected_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stripe_connections_fee_check" CHECK ("stripe_connections"."fee_rate_bp" >= 0 and "stripe_connections"."fee_rate_bp" < 10000 and "stripe_connections"."fee_fixed" >= 0),
	CONSTRAINT "stripe_connections_part_minimum_check" CHECK ("stripe_connections"."part_payment_minimum" is null or "stripe_connections"."part_payment_minimum" > 0)
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"type" text NOT NULL,
	"outcome" text NOT NULL,
	"stripe_created_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "online_payments" ADD CONSTRAINT "online_payments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_payments" ADD CONSTRAINT "online_payments_fee_tax_rate_id_tax_rates_id_fk" FOREIGN KEY ("fee_tax_rate_id") REFERENCES "public"."tax_rates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_payments" ADD CONSTRAINT "online_payments_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_payments" ADD CONSTRAINT "online_payments_document_fk" FOREIGN KEY ("org_id","document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_connections" ADD CONSTRAINT "stripe_connections_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_connections" ADD CONSTRAINT "stripe_connections_fee_tax_rate_id_tax_rates_id_fk" FOREIGN KEY ("fee_tax_rate_id") REFERENCES "public"."tax_rates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_connections" ADD CONSTRAINT "stripe_connections_connected_by_id_users_id_fk" FOREIGN KEY ("connected_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_events" ADD CONSTRAINT "stripe_events_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "online_payments_checkout_session_id_key" ON "online_payments" USING btree ("checkout_session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "online_payments_payment_intent_id_key" ON "online_payments" USING btree ("payment_intent_id");--> statement-breakpoint
CREATE INDEX "online_payments_org_id_document_id_idx" ON "online_payments" USING btree ("org_id","document_id");--> statement-breakpoint
CREATE INDEX "online_payments_org_id_processing_idx" ON "online_payments" USING btree ("org_id","currency") WHERE "online_payments"."status" = 'processing';--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_connections_webhook_id_key" ON "stripe_connections" USING btree ("webhook_id");--> statement-breakpoint
CREATE INDEX "stripe_events_org_id_received_at_idx" ON "stripe_events" USING btree ("org_id","received_at");