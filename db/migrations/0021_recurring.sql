CREATE TYPE "public"."missed_occurrence_policy" AS ENUM('draft', 'as_scheduled');--> statement-breakpoint
CREATE TYPE "public"."occurrence_state" AS ENUM('created', 'failed');--> statement-breakpoint
CREATE TYPE "public"."recurring_action" AS ENUM('draft', 'issue', 'send');--> statement-breakpoint
CREATE TYPE "public"."recurring_end" AS ENUM('never', 'after', 'on');--> statement-breakpoint
CREATE TYPE "public"."recurring_frequency" AS ENUM('weekly', 'monthly', 'yearly');--> statement-breakpoint
CREATE TYPE "public"."recurring_status" AS ENUM('active', 'paused', 'ended');--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"ok" boolean,
	"summary" jsonb,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "late_fee_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"fee_type" "discount_type" NOT NULL,
	"fee_value" bigint NOT NULL,
	"currency" char(3),
	"tax_rate_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "late_fee_settings_value_check" CHECK ("late_fee_settings"."fee_value" > 0 and ("late_fee_settings"."fee_type" = 'percent' or "late_fee_settings"."currency" is not null))
);
--> statement-breakpoint
CREATE TABLE "late_fees" (
	"org_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"fee_document_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "late_fees_pkey" PRIMARY KEY("document_id","step")
);
--> statement-breakpoint
CREATE TABLE "recurring_occurrences" (
	"org_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"occurrence_date" date NOT NULL,
	"state" "occurrence_state" NOT NULL,
	"document_id" uuid,
	"missed" boolean DEFAULT false NOT NULL,
	"action" "recurring_action",
	"email_id" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recurring_occurrences_pkey" PRIMARY KEY("profile_id","occurrence_date")
);
--> statement-breakpoint
CREATE TABLE "recurring_profile_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"item_id" uuid,
	"description" text NOT NULL,
	"unit" text,
	"quantity_e4" bigint NOT NULL,
	"unit_price" bigint NOT NULL,
	"discount_type" "discount_type",
	"discount_value" bigint,
	"tax_rate_ids" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recurring_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"discount_type" "discount_type",
	"discount_value" bigint,
	"notes" text,
	"terms" text,
	"footer" text,
	"payment_terms_days" integer DEFAULT 30 NOT NULL,
	"action" "recurring_action" DEFAULT 'draft' NOT NULL,
	"attach_pdf" boolean DEFAULT true NOT NULL,
	"frequency" "recurring_frequency" NOT NULL,
	"interval" integer DEFAULT 1 NOT NULL,
	"weekday" integer,
	"day_of_month" integer,
	"month_of_year" integer,
	"start_date" date NOT NULL,
	"end_type" "recurring_end" DEFAULT 'never' NOT NULL,
	"end_after_count" integer,
	"end_date" date,
	"status" "recurring_status" DEFAULT 'active' NOT NULL,
	"next_date" date,
	"occurrence_count" integer DEFAULT 0 NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recurring_profiles_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "recurring_profiles_schedule_check" CHECK ("recurring_profiles"."interval" between 1 and 52
        and ("recurring_profiles"."frequency" <> 'weekly' or "recurring_profiles"."weekday" between 1 and 7)
        and ("recurring_profiles"."frequency" = 'weekly' or "recurring_profiles"."day_of_month" between 1 and 31)
        and ("recurring_profiles"."frequency" <> 'yearly' or "recurring_profiles"."month_of_year" between 1 and 12)
        and ("recurring_profiles"."end_type" <> 'after' or "recurring_profiles"."end_after_count" >= 1)
        and ("recurring_profiles"."end_type" <> 'on' or "recurring_profiles"."end_date" is not null)
        and "recurring_profiles"."payment_terms_days" between 0 and 365
        and "recurring_profiles"."occurrence_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "recurring_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"missed_policy" "missed_occurrence_policy" DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "late_fee_settings" ADD CONSTRAINT "late_fee_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "late_fee_settings" ADD CONSTRAINT "late_fee_settings_tax_rate_id_tax_rates_id_fk" FOREIGN KEY ("tax_rate_id") REFERENCES "public"."tax_rates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "late_fees" ADD CONSTRAINT "late_fees_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "late_fees" ADD CONSTRAINT "late_fees_document_fk" FOREIGN KEY ("org_id","document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "late_fees" ADD CONSTRAINT "late_fees_fee_document_fk" FOREIGN KEY ("org_id","fee_document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_occurrences" ADD CONSTRAINT "recurring_occurrences_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_occurrences" ADD CONSTRAINT "recurring_occurrences_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_occurrences" ADD CONSTRAINT "recurring_occurrences_email_id_emails_id_fk" FOREIGN KEY ("email_id") REFERENCES "public"."emails"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_occurrences" ADD CONSTRAINT "recurring_occurrences_profile_fk" FOREIGN KEY ("org_id","profile_id") REFERENCES "public"."recurring_profiles"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_profile_lines" ADD CONSTRAINT "recurring_profile_lines_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_profile_lines" ADD CONSTRAINT "recurring_profile_lines_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_profile_lines" ADD CONSTRAINT "recurring_profile_lines_profile_fk" FOREIGN KEY ("org_id","profile_id") REFERENCES "public"."recurring_profiles"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_profiles" ADD CONSTRAINT "recurring_profiles_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_profiles" ADD CONSTRAINT "recurring_profiles_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_profiles" ADD CONSTRAINT "recurring_profiles_customer_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_settings" ADD CONSTRAINT "recurring_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_runs_finished_at_idx" ON "job_runs" USING btree ("finished_at");--> statement-breakpoint
CREATE INDEX "late_fees_org_id_idx" ON "late_fees" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "recurring_occurrences_org_id_occurrence_date_idx" ON "recurring_occurrences" USING btree ("org_id","occurrence_date");--> statement-breakpoint
CREATE INDEX "recurring_profile_lines_profile_id_position_idx" ON "recurring_profile_lines" USING btree ("profile_id","position");--> statement-breakpoint
CREATE INDEX "recurring_profiles_org_id_status_next_date_idx" ON "recurring_profiles" USING btree ("org_id","status","next_date");--> statement-breakpoint
CREATE INDEX "recurring_profiles_due_idx" ON "recurring_profiles" USING btree ("next_date") WHERE "recurring_profiles"."status" = 'active';