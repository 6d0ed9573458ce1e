-- Trigram indexes for the lists' "contains" search (pg_trgm is a trusted extension: the database
-- owner may create it, on Render as on PGlite, which loads it in db/index.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "document_totals" (
	"org_id" uuid NOT NULL,
	"kind" "document_kind" NOT NULL,
	"status" "document_status" NOT NULL,
	"currency" char(3) NOT NULL,
	"count" bigint NOT NULL,
	"total" bigint NOT NULL,
	"balance" bigint NOT NULL,
	CONSTRAINT "document_totals_org_id_kind_status_currency_pk" PRIMARY KEY("org_id","kind","status","currency")
);
--> statement-breakpoint
CREATE INDEX "customers_name_trgm_idx" ON "customers" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "documents_number_trgm_idx" ON "documents" USING gin ("number" gin_trgm_ops);--> statement-breakpoint
-- document_totals follows every change to documents. Statement-level triggers with transition
-- tables: a bulk insert costs one upsert per group, not one per row. Groups are upserted in key
-- order so concurrent writers lock summary rows in the same order (no deadlock between them), and
-- an update that moves no amount between groups (a timestamp, the notes) touches no summary row.
CREATE FUNCTION "document_totals_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO document_totals AS t (org_id, kind, status, currency, count, total, balance)
    SELECT org_id, kind, status, currency, count(*), sum(total), sum(balance)
    FROM new_rows GROUP BY org_id, kind, status, currency ORDER BY org_id, kind, status, currency
    ON CONFLICT (org_id, kind, status, currency) DO UPDATE
      SET count = t.count + excluded.count, total = t.total + excluded.total, balance = t.balance + excluded.balance;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO document_totals AS t (org_id, kind, status, currency, count, total, balance)
    SELECT org_id, kind, status, currency, -count(*), -sum(total), -sum(balance)
    FROM old_rows GROUP BY org_id, kind, status, currency ORDER BY org_id, kind, status, currency
    ON CONFLICT (org_id, kind, status, currency) DO UPDATE
      SET count = t.count + excluded.count, total = t.total + excluded.total, balance = t.balance + excluded.balance;
  ELSE
    INSERT INTO document_totals AS t (org_id, kind, status, currency, count, total, balance)
    SELECT org_id, kind, status, currency, sum(n), sum(total), sum(balance)
    FROM (
      SELECT o.org_id, o.kind, o.status, o.currency, -1 AS n, -o.total AS total, -o.balance AS balance
      FROM old_rows o JOIN new_rows n USING (id)
      WHERE (o.org_id, o.kind, o.status, o.currency, o.total, o.balance) IS DISTINCT FROM (n.org_id, n.kind, n.status, n.currency, n.total, n.balance)
      UNION ALL
      SELECT n.org_id, n.kind, n.status, n.currency, 1, n.total, n.balance
      FROM old_rows o JOIN new_rows n USING (id)
      WHERE (o.org_id, o.kind, o.status, o.currency, o.total, o.balance) IS DISTINCT FROM (n.org_id, n.kind, n.status, n.currency, n.total, n.balance)
    ) AS moved
    GROUP BY org_id, kind, status, currency
    HAVING sum(n) <> 0 OR sum(total) <> 0 OR sum(balance) <> 0
    ORDER BY org_id, kind, status, currency
    ON CONFLICT (org_id, kind, status, currency) DO UPDATE
      SET count = t.count + excluded.count, total = t.total + excluded.total, balance = t.balance + excluded.balance;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "document_totals_insert" AFTER INSERT ON "documents" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "document_totals_apply"();--> statement-breakpoint
CREATE TRIGGER "document_totals_update" AFTER UPDATE ON "documents" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "document_totals_apply"();--> statement-breakpoint
CREATE TRIGGER "document_totals_delete" AFTER DELETE ON "documents" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "document_totals_apply"();--> statement-breakpoint
INSERT INTO "document_totals" (org_id, kind, status, currency, count, total, balance)
SELECT org_id, kind, status, currency, count(*), sum(total), sum(balance) FROM "documents" GROUP BY org_id, kind, status, currency;
