-- Email templates are edited per language (lib/i18n): one row per organisation, kind and language.
ALTER TABLE "email_templates" ADD COLUMN "language" text;--> statement-breakpoint
-- A template saved before this was written in the organisation's language: the language of its
-- locale when that is a launch language (as lib/i18n documentLanguage picks it), else English.
UPDATE "email_templates" AS t SET "language" = CASE
  WHEN lower(split_part(replace(o."locale", '_', '-'), '-', 1)) IN ('en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'ar', 'he')
  THEN lower(split_part(replace(o."locale", '_', '-'), '-', 1))
  ELSE 'en' END
FROM "organizations" AS o WHERE o."id" = t."org_id";--> statement-breakpoint
ALTER TABLE "email_templates" ALTER COLUMN "language" SET NOT NULL;--> statement-breakpoint
DROP INDEX "email_templates_org_id_kind_key";--> statement-breakpoint
-- Serves the one lookup: this organisation's wording of this kind in this language (lib/data/email-templates.ts).
CREATE UNIQUE INDEX "email_templates_org_id_kind_language_key" ON "email_templates" USING btree ("org_id","kind","language");
