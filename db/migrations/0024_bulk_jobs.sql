CREATE TYPE "public"."bulk_action" AS ENUM('send', 'remind', 'mark_sent', 'zip');--> statement-breakpoint
CREATE TYPE "public"."bulk_outcome" AS ENUM('succeeded', 'failed', 'skipped');--> statement-breakpoint
CREATE TABLE "bulk_job_items" (
	"job_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"outcome" "bulk_outcome" NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulk_job_items_pkey" PRIMARY KEY("job_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "bulk_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_by_id" uuid NOT NULL,
	"kind" "document_kind" NOT NULL,
	"action" "bulk_action" NOT NULL,
	"document_ids" uuid[] NOT NULL,
	"total" integer NOT NULL,
	"lease_until" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulk_jobs_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "bulk_job_items" ADD CONSTRAINT "bulk_job_items_job_fk" FOREIGN KEY ("org_id","job_id") REFERENCES "public"."bulk_jobs"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_job_items" ADD CONSTRAINT "bulk_job_items_document_fk" FOREIGN KEY ("org_id","document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_jobs" ADD CONSTRAINT "bulk_jobs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_jobs" ADD CONSTRAINT "bulk_jobs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_jobs_org_id_created_by_id_created_at_idx" ON "bulk_jobs" USING btree ("org_id","created_by_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "bulk_jobs_unfinished_idx" ON "bulk_jobs" USING btree ("created_at") WHERE "bulk_jobs"."finished_at" is null;