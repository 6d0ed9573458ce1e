CREATE TABLE "document_einvoices" (
	"org_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"format" text NOT NULL,
	"xml" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_einvoices_document_id_format_pk" PRIMARY KEY("document_id","format")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "tax_registration_id" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "electronic_address" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "electronic_address_scheme" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "iban" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "bic" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "einvoice_format" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "buyer_reference" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "electronic_address" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "electronic_address_scheme" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "einvoice_format" text;--> statement-breakpoint
ALTER TABLE "document_taxes" ADD COLUMN "vat_category" text;--> statement-breakpoint
ALTER TABLE "document_taxes" ADD COLUMN "exemption_reason" text;--> statement-breakpoint
ALTER TABLE "document_taxes" ADD COLUMN "exemption_code" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "delivery_date" date;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "period_start" date;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "period_end" date;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "purchase_order_ref" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "buyer_reference" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "payment_means_code" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "einvoice_format" text;--> statement-breakpoint
ALTER TABLE "tax_rates" ADD COLUMN "vat_category" text DEFAULT 'S' NOT NULL;--> statement-breakpoint
ALTER TABLE "tax_rates" ADD COLUMN "exemption_reason" text;--> statement-breakpoint
ALTER TABLE "tax_rates" ADD COLUMN "exemption_code" text;--> statement-breakpoint
ALTER TABLE "document_einvoices" ADD CONSTRAINT "document_einvoices_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_einvoices" ADD CONSTRAINT "document_einvoices_document_fk" FOREIGN KEY ("org_id","document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_einvoice_format_check" CHECK ("organizations"."einvoice_format" in ('none','xrechnung-ubl','xrechnung-cii','peppol-bis','factur-x'));--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_einvoice_format_check" CHECK ("customers"."einvoice_format" in ('none','xrechnung-ubl','xrechnung-cii','peppol-bis','factur-x'));--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_einvoice_format_check" CHECK ("documents"."einvoice_format" in ('xrechnung-ubl','xrechnung-cii','peppol-bis','factur-x'));--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_period_check" CHECK (("documents"."period_start" is null) = ("documents"."period_end" is null) and ("documents"."period_start" is null or "documents"."period_start" <= "documents"."period_end"));--> statement-breakpoint
ALTER TABLE "tax_rates" ADD CONSTRAINT "tax_rates_vat_category_check" CHECK ("tax_rates"."vat_category" in ('S','Z','E','AE','K','G','O','L','M'));--> statement-breakpoint
ALTER TABLE "tax_rates" ADD CONSTRAINT "tax_rates_rate_check" CHECK ("tax_rates"."rate_e4" between -1000000 and 1000000 and ("tax_rates"."rate_e4" >= 0 or (not "tax_rates"."inclusive" and not "tax_rates"."compound")));--> statement-breakpoint
-- Existing 0% rates are zero-rated (Z), not standard-rated: EN 16931 refuses a standard rate of 0 (BR-S-05).
UPDATE "tax_rates" SET "vat_category" = 'Z' WHERE "rate_e4" = 0;
