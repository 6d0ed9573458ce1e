CREATE TYPE "public"."discount_type" AS ENUM('percent', 'amount');--> statement-breakpoint
CREATE TYPE "public"."document_kind" AS ENUM('invoice', 'quote', 'credit_note');--> statement-breakpoint
CREATE TYPE "public"."document_status" AS ENUM('draft', 'issued', 'sent', 'viewed', 'partially_paid', 'paid', 'void', 'accepted', 'declined', 'expired', 'converted');--> statement-breakpoint
CREATE TYPE "public"."rounding_mode" AS ENUM('line', 'document');--> statement-breakpoint
CREATE TABLE "customer_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"address_line1" text,
	"address_line2" text,
	"city" text,
	"postal_code" text,
	"region" text,
	"country" char(2),
	"tax_id" text,
	"currency" char(3),
	"language" text,
	"payment_terms_days" integer,
	"notes" text,
	"email_bounced_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_user_id" uuid,
	"meta" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"item_id" uuid,
	"description" text NOT NULL,
	"unit" text,
	"quantity_e4" bigint NOT NULL,
	"unit_price" bigint NOT NULL,
	"discount_type" "discount_type",
	"discount_value" bigint,
	"taxes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"net" bigint NOT NULL,
	"discount" bigint NOT NULL,
	"taxable" bigint NOT NULL,
	"tax" bigint NOT NULL,
	"total" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_taxes" (
	"org_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"tax_id" text NOT NULL,
	"name" text NOT NULL,
	"rate_e4" integer NOT NULL,
	"inclusive" boolean NOT NULL,
	"compound" boolean NOT NULL,
	"base" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "document_taxes_document_id_tax_id_pk" PRIMARY KEY("document_id","tax_id")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" "document_kind" NOT NULL,
	"status" "document_status" DEFAULT 'draft' NOT NULL,
	"number" text,
	"customer_id" uuid NOT NULL,
	"customer_snapshot" jsonb,
	"currency" char(3) NOT NULL,
	"issue_date" date NOT NULL,
	"due_date" date,
	"rounding" "rounding_mode" DEFAULT 'line' NOT NULL,
	"discount_type" "discount_type",
	"discount_value" bigint,
	"notes" text,
	"terms" text,
	"footer" text,
	"subtotal" bigint DEFAULT 0 NOT NULL,
	"discount_total" bigint DEFAULT 0 NOT NULL,
	"tax_total" bigint DEFAULT 0 NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	"amount_paid" bigint DEFAULT 0 NOT NULL,
	"amount_credited" bigint DEFAULT 0 NOT NULL,
	"balance" bigint DEFAULT 0 NOT NULL,
	"source_document_id" uuid,
	"void_reason" text,
	"issued_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"viewed_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"unit" text,
	"unit_price" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"tax_rate_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_sequences" (
	"org_id" uuid NOT NULL,
	"kind" "document_kind" NOT NULL,
	"period" integer NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "number_sequences_org_id_kind_period_pk" PRIMARY KEY("org_id","kind","period")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"method" text NOT NULL,
	"reference" text,
	"note" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"rate_e4" integer NOT NULL,
	"inclusive" boolean DEFAULT false NOT NULL,
	"compound" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "invoice_number_format" text DEFAULT 'INV-{YYYY}-{SEQ:4}' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "quote_number_format" text DEFAULT 'QUO-{YYYY}-{SEQ:4}' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "credit_note_number_format" text DEFAULT 'CN-{YYYY}-{SEQ:4}' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "numbering_resets_yearly" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "rounding" text DEFAULT 'line' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "default_notes" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "default_terms" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "default_footer" text;--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD CONSTRAINT "customer_contacts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD CONSTRAINT "customer_contacts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_events" ADD CONSTRAINT "document_events_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_events" ADD CONSTRAINT "document_events_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_events" ADD CONSTRAINT "document_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_lines" ADD CONSTRAINT "document_lines_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_lines" ADD CONSTRAINT "document_lines_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_lines" ADD CONSTRAINT "document_lines_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_taxes" ADD CONSTRAINT "document_taxes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_taxes" ADD CONSTRAINT "document_taxes_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_sequences" ADD CONSTRAINT "number_sequences_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_rates" ADD CONSTRAINT "tax_rates_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_contacts_org_id_customer_id_idx" ON "customer_contacts" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_contacts_one_primary_key" ON "customer_contacts" USING btree ("customer_id") WHERE "customer_contacts"."is_primary";--> statement-breakpoint
CREATE INDEX "customers_org_id_lower_name_idx" ON "customers" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "customers_org_id_created_at_idx" ON "customers" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "document_events_document_id_created_at_idx" ON "document_events" USING btree ("document_id","created_at");--> statement-breakpoint
CREATE INDEX "document_lines_document_id_position_idx" ON "document_lines" USING btree ("document_id","position");--> statement-breakpoint
CREATE INDEX "document_taxes_org_id_idx" ON "document_taxes" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_org_id_kind_number_key" ON "documents" USING btree ("org_id","kind","number");--> statement-breakpoint
CREATE INDEX "documents_org_id_kind_issue_date_idx" ON "documents" USING btree ("org_id","kind","issue_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "documents_org_id_kind_status_issue_date_idx" ON "documents" USING btree ("org_id","kind","status","issue_date" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "documents_org_id_customer_id_issue_date_idx" ON "documents" USING btree ("org_id","customer_id","issue_date" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "documents_org_id_due_date_idx" ON "documents" USING btree ("org_id","due_date") WHERE "documents"."kind" = 'invoice' and "documents"."status" in ('issued','sent','viewed','partially_paid');--> statement-breakpoint
CREATE INDEX "documents_source_document_id_idx" ON "documents" USING btree ("source_document_id");--> statement-breakpoint
CREATE INDEX "items_org_id_lower_name_idx" ON "items" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "payments_org_id_document_id_idx" ON "payments" USING btree ("org_id","document_id");--> statement-breakpoint
CREATE INDEX "payments_org_id_paid_on_idx" ON "payments" USING btree ("org_id","paid_on");--> statement-breakpoint
CREATE INDEX "tax_rates_org_id_name_idx" ON "tax_rates" USING btree ("org_id","name");