CREATE TABLE "customer_reminder_snoozes" (
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"promised_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_reminder_snoozes_pkey" PRIMARY KEY("org_id","customer_id")
);
--> statement-breakpoint
-- Hand-written: organisations that existed before this migration had reminders on (no row meant on);
-- they keep them on, now visible in Settings → Reminders. New organisations start with them off.
INSERT INTO "reminder_settings" ("org_id", "enabled") SELECT "id", true FROM "organizations" ON CONFLICT ("org_id") DO NOTHING;--> statement-breakpoint
ALTER TABLE "reminder_settings" ALTER COLUMN "enabled" SET DEFAULT false;--> statement-breakpoint
ALTER TABLE "customer_reminder_snoozes" ADD CONSTRAINT "customer_reminder_snoozes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_reminder_snoozes" ADD CONSTRAINT "customer_reminder_snoozes_customer_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE cascade ON UPDATE no action;