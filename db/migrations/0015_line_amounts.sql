-- Issue 15 §1, hand-edited after generation: the new columns are added without NOT NULL, filled
-- from the stored rows by the rule of lib/money.ts (step 2: a percent line discount is
-- round(net × rate / 10^6), halves away from zero as numeric round() does; an amount discount is
-- clamped to |net| with the sign of net; a type without a value is no discount, as in
-- lib/money.ts), then made NOT NULL; the CHECKs come last. Generated
-- statements follow the backfill unchanged.
ALTER TABLE "document_lines" ADD COLUMN "line_discount" bigint;--> statement-breakpoint
ALTER TABLE "document_lines" ADD COLUMN "amount" bigint;--> statement-breakpoint
UPDATE "document_lines" SET "line_discount" = CASE
  WHEN "discount_type" = 'percent' AND "discount_value" IS NOT NULL THEN round("net"::numeric * "discount_value" / 1000000)::bigint
  WHEN "discount_type" = 'amount' AND "discount_value" IS NOT NULL THEN sign("net") * least("discount_value", abs("net"))
  ELSE 0
END;--> statement-breakpoint
UPDATE "document_lines" SET "amount" = "net" - "line_discount";--> statement-breakpoint
ALTER TABLE "document_lines" ALTER COLUMN "line_discount" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "document_lines" ALTER COLUMN "amount" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "line_amount_total" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "document_discount" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "documents" d SET
  "line_amount_total" = d."subtotal" - l."line_discounts",
  "document_discount" = d."discount_total" - l."line_discounts"
FROM (SELECT "document_id", sum("line_discount")::bigint AS "line_discounts" FROM "document_lines" GROUP BY "document_id") l
WHERE l."document_id" = d."id";--> statement-breakpoint
ALTER TABLE "document_lines" ADD CONSTRAINT "document_lines_amounts_check" CHECK ("document_lines"."amount" = "document_lines"."net" - "document_lines"."line_discount" and abs("document_lines"."line_discount") <= abs("document_lines"."net") and "document_lines"."taxable" = "document_lines"."net" - "document_lines"."discount");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_line_amounts_check" CHECK ("documents"."line_amount_total" - "documents"."document_discount" = "documents"."subtotal" - "documents"."discount_total");
