CREATE TABLE "item_sales_daily" (
	"org_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"day" date NOT NULL,
	"line_key" text NOT NULL,
	"item_id" uuid,
	"description" text NOT NULL,
	"lines" integer DEFAULT 0 NOT NULL,
	"quantity_e4" bigint DEFAULT 0 NOT NULL,
	"tax" bigint DEFAULT 0 NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "item_sales_daily_org_id_currency_day_line_key_pk" PRIMARY KEY("org_id","currency","day","line_key")
);
--> statement-breakpoint
CREATE TABLE "payments_daily" (
	"org_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"paid_on" date NOT NULL,
	"invoice_issue_date" date NOT NULL,
	"invoice_due_date" date NOT NULL,
	"payments" integer DEFAULT 0 NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "payments_daily_org_id_currency_paid_on_invoice_issue_date_invoice_due_date_pk" PRIMARY KEY("org_id","currency","paid_on","invoice_issue_date","invoice_due_date")
);
--> statement-breakpoint
CREATE TABLE "receivables" (
	"org_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"customer_id" uuid NOT NULL,
	"issue_date" date NOT NULL,
	"due_date" date NOT NULL,
	"invoices" integer DEFAULT 0 NOT NULL,
	"unpaid" integer DEFAULT 0 NOT NULL,
	"balance" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "receivables_org_id_currency_customer_id_issue_date_due_date_pk" PRIMARY KEY("org_id","currency","customer_id","issue_date","due_date")
);
--> statement-breakpoint
CREATE TABLE "sales_daily" (
	"org_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"day" date NOT NULL,
	"customer_id" uuid NOT NULL,
	"invoice_count" integer DEFAULT 0 NOT NULL,
	"invoiced" bigint DEFAULT 0 NOT NULL,
	"invoiced_tax" bigint DEFAULT 0 NOT NULL,
	"credit_note_count" integer DEFAULT 0 NOT NULL,
	"credited" bigint DEFAULT 0 NOT NULL,
	"credited_tax" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "sales_daily_org_id_currency_day_customer_id_pk" PRIMARY KEY("org_id","currency","day","customer_id")
);
--> statement-breakpoint
CREATE TABLE "tax_daily" (
	"org_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"day" date NOT NULL,
	"name" text NOT NULL,
	"rate_e4" integer NOT NULL,
	"inclusive" boolean NOT NULL,
	"documents" integer DEFAULT 0 NOT NULL,
	"base" bigint DEFAULT 0 NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "tax_daily_org_id_currency_day_name_rate_e4_inclusive_pk" PRIMARY KEY("org_id","currency","day","name","rate_e4","inclusive")
);
--> statement-breakpoint
ALTER TABLE "item_sales_daily" ADD CONSTRAINT "item_sales_daily_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments_daily" ADD CONSTRAINT "payments_daily_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receivables" ADD CONSTRAINT "receivables_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_daily" ADD CONSTRAINT "sales_daily_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_daily" ADD CONSTRAINT "tax_daily_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written from here: the functions and triggers that keep the rollups, and the backfill from
-- existing data.
-- Statement-level triggers with transition tables, like document_totals (0005): a bulk insert costs
-- one grouped upsert per rollup, and groups are upserted in key order so concurrent writers lock
-- rollup rows in the same order. Each trigger states its change as a "delta" query (rows leaving
-- with weight -1, rows entering with +1) and EXECUTEs the upsert that rollups_*_upsert(delta)
-- writes around it (the transition tables are visible to the trigger function's own queries only). A document counts when it is an invoice or a credit note, neither draft nor
-- void. Its lines and tax breakdown count while it does: the documents trigger adds or removes the
-- ones present when the document starts or stops counting, and their own triggers add or remove
-- the ones written while it counts (the bulk seed writes an issued document, then its lines).
-- Organisations being deleted are skipped: their rollups are cascade-deleted with them.
CREATE FUNCTION "rollups_sales_upsert"(delta text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  -- delta: (w, org_id, kind, currency, issue_date, customer_id, total, tax_total) of counted documents.
  RETURN format($q$
    WITH delta AS (%s)
    INSERT INTO sales_daily AS t (org_id, currency, day, customer_id, invoice_count, invoiced, invoiced_tax, credit_note_count, credited, credited_tax)
    SELECT d.org_id, d.currency, d.issue_date, d.customer_id,
      coalesce(sum(d.w) FILTER (WHERE d.kind = 'invoice'), 0),
      coalesce(sum(d.w * d.total) FILTER (WHERE d.kind = 'invoice'), 0),
      coalesce(sum(d.w * d.tax_total) FILTER (WHERE d.kind = 'invoice'), 0),
      coalesce(sum(d.w) FILTER (WHERE d.kind = 'credit_note'), 0),
      coalesce(sum(d.w * d.total) FILTER (WHERE d.kind = 'credit_note'), 0),
      coalesce(sum(d.w * d.tax_total) FILTER (WHERE d.kind = 'credit_note'), 0)
    FROM delta d JOIN organizations o ON o.id = d.org_id
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (org_id, currency, day, customer_id) DO UPDATE
      SET invoice_count = t.invoice_count + excluded.invoice_count, invoiced = t.invoiced + excluded.invoiced, invoiced_tax = t.invoiced_tax + excluded.invoiced_tax,
        credit_note_count = t.credit_note_count + excluded.credit_note_count, credited = t.credited + excluded.credited, credited_tax = t.credited_tax + excluded.credited_tax
  $q$, delta);
END
$$;
--> statement-breakpoint
CREATE FUNCTION "rollups_lines_upsert"(delta text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  -- delta: (w, org_id, currency, day, sign, item_id, description, quantity_e4, tax, total) of counted lines; sign -1 on credit notes.
  RETURN format($q$
    WITH delta AS (%s)
    INSERT INTO item_sales_daily AS t (org_id, currency, day, line_key, item_id, description, lines, quantity_e4, tax, total)
    SELECT l.org_id, l.currency, l.day, coalesce('item:' || l.item_id, 'text:' || md5(l.description)), l.item_id, CASE WHEN l.item_id IS NULL THEN l.description ELSE '' END,
      sum(l.w), sum(l.w * l.sign * l.quantity_e4), sum(l.w * l.sign * l.tax), sum(l.w * l.sign * l.total)
    FROM delta l JOIN organizations o ON o.id = l.org_id
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4
    ON CONFLICT (org_id, currency, day, line_key) DO UPDATE
      SET lines = t.lines + excluded.lines, quantity_e4 = t.quantity_e4 + excluded.quantity_e4, tax = t.tax + excluded.tax, total = t.total + excluded.total
  $q$, delta);
END
$$;
--> statement-breakpoint
CREATE FUNCTION "rollups_taxes_upsert"(delta text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  -- delta: (w, org_id, currency, day, sign, name, rate_e4, inclusive, base, amount) of counted tax breakdown rows.
  RETURN format($q$
    WITH delta AS (%s)
    INSERT INTO tax_daily AS t (org_id, currency, day, name, rate_e4, inclusive, documents, base, amount)
    SELECT x.org_id, x.currency, x.day, x.name, x.rate_e4, x.inclusive, sum(x.w), sum(x.w * x.sign * x.base), sum(x.w * x.sign * x.amount)
    FROM delta x JOIN organizations o ON o.id = x.org_id
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (org_id, currency, day, name, rate_e4, inclusive) DO UPDATE
      SET documents = t.documents + excluded.documents, base = t.base + excluded.base, amount = t.amount + excluded.amount
  $q$, delta);
END
$$;
--> statement-breakpoint
CREATE FUNCTION "rollups_receivables_upsert"(delta text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  -- delta: (w, org_id, currency, customer_id, issue_date, due_date, balance) of open invoices.
  RETURN format($q$
    WITH delta AS (%s)
    INSERT INTO receivables AS t (org_id, currency, customer_id, issue_date, due_date, invoices, unpaid, balance)
    SELECT r.org_id, r.currency, r.customer_id, r.issue_date, r.due_date, sum(r.w), coalesce(sum(r.w) FILTER (WHERE r.balance <> 0), 0), sum(r.w * r.balance)
    FROM delta r JOIN organizations o ON o.id = r.org_id
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (org_id, currency, customer_id, issue_date, due_date) DO UPDATE
      SET invoices = t.invoices + excluded.invoices, unpaid = t.unpaid + excluded.unpaid, balance = t.balance + excluded.balance
  $q$, delta);
END
$$;
--> statement-breakpoint
CREATE FUNCTION "rollups_payments_upsert"(delta text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  -- delta: (w, org_id, currency, paid_on, invoice_issue_date, invoice_due_date, amount) of payments.
  RETURN format($q$
    WITH delta AS (%s)
    INSERT INTO payments_daily AS t (org_id, currency, paid_on, invoice_issue_date, invoice_due_date, payments, amount)
    SELECT p.org_id, p.currency, p.paid_on, p.invoice_issue_date, p.invoice_due_date, sum(p.w), sum(p.w * p.amount)
    FROM delta p JOIN organizations o ON o.id = p.org_id
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (org_id, currency, paid_on, invoice_issue_date, invoice_due_date) DO UPDATE
      SET payments = t.payments + excluded.payments, amount = t.amount + excluded.amount
  $q$, delta);
END
$$;
--> statement-breakpoint
-- The delta of a statement on a table with an id: `cols`, `includes` (whether a row contributes) and
-- `seen` (everything its contribution depends on) are templates on a row alias (%1$s). An update
-- that changes nothing in `seen` (a payment moving an invoice from issued to paid is no change to
-- its sales, "sent" and "viewed" none to anything) contributes nothing.
CREATE FUNCTION "rollups_delta"(op text, cols text, includes text, seen text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF op = 'INSERT' THEN
    RETURN format('SELECT 1 AS w, %s FROM new_rows n WHERE %s', format(cols, 'n'), format(includes, 'n'));
  ELSIF op = 'DELETE' THEN
    RETURN format('SELECT -1 AS w, %s FROM old_rows o WHERE %s', format(cols, 'o'), format(includes, 'o'));
  END IF;
  RETURN format(
    'SELECT -1 AS w, %1$s FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE %3$s AND %5$s IS DISTINCT FROM %6$s
     UNION ALL SELECT 1, %2$s FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE %4$s AND %5$s IS DISTINCT FROM %6$s',
    format(cols, 'o'), format(cols, 'n'), format(includes, 'o'), format(includes, 'n'), format(seen, 'o'), format(seen, 'n'));
END
$$;
--> statement-breakpoint
CREATE FUNCTION "rollups_documents"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  counts text := '(%1$s.kind IN (''invoice'', ''credit_note'') AND %1$s.status NOT IN (''draft'', ''void''))';
  open text := '(%1$s.kind = ''invoice'' AND %1$s.status IN (''issued'', ''sent'', ''viewed'', ''partially_paid''))';
  docs text := rollups_delta(TG_OP,
    '%1$s.id, %1$s.org_id, %1$s.kind, %1$s.currency, %1$s.issue_date, %1$s.customer_id, %1$s.total, %1$s.tax_total', counts,
    '(' || counts || ', %1$s.org_id, %1$s.kind, %1$s.currency, %1$s.issue_date, %1$s.customer_id, %1$s.total, %1$s.tax_total)');
  opens text := rollups_delta(TG_OP,
    '%1$s.id, %1$s.org_id, %1$s.currency, %1$s.customer_id, %1$s.issue_date, coalesce(%1$s.due_date, ''infinity''::date) AS due_date, %1$s.balance', open,
    '(' || open || ', %1$s.org_id, %1$s.currency, %1$s.customer_id, %1$s.issue_date, %1$s.due_date, %1$s.balance)');
BEGIN
  EXECUTE rollups_sales_upsert(format('SELECT w, org_id, kind, currency, issue_date, customer_id, total, tax_total FROM (%s) d', docs));
  EXECUTE rollups_receivables_upsert(format('SELECT w, org_id, currency, customer_id, issue_date, due_date, balance FROM (%s) r', opens));
  -- A document's lines and tax breakdown reference it, so none exist yet when it is inserted.
  IF TG_OP = 'INSERT' THEN
    RETURN NULL;
  END IF;
  EXECUTE rollups_lines_upsert(format(
    'SELECT d.w, d.org_id, d.currency, d.issue_date AS day, CASE WHEN d.kind = ''credit_note'' THEN -1 ELSE 1 END AS sign, l.item_id, l.description, l.quantity_e4, l.tax, l.total
     FROM (%s) d JOIN document_lines l ON l.org_id = d.org_id AND l.document_id = d.id', docs));
  EXECUTE rollups_taxes_upsert(format(
    'SELECT d.w, d.org_id, d.currency, d.issue_date AS day, CASE WHEN d.kind = ''credit_note'' THEN -1 ELSE 1 END AS sign, x.name, x.rate_e4, x.inclusive, x.base, x.amount
     FROM (%s) d JOIN document_taxes x ON x.org_id = d.org_id AND x.document_id = d.id', docs));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "rollups_payments"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols text := '%1$s.id, %1$s.org_id, %1$s.currency, %1$s.paid_on, %1$s.invoice_issue_date, coalesce(%1$s.invoice_due_date, ''infinity''::date) AS invoice_due_date, %1$s.amount';
  seen text := '(%1$s.org_id, %1$s.currency, %1$s.paid_on, %1$s.invoice_issue_date, %1$s.invoice_due_date, %1$s.amount)';
BEGIN
  EXECUTE rollups_payments_upsert(format(
    'SELECT w, org_id, currency, paid_on, invoice_issue_date, invoice_due_date, amount FROM (%s) p', rollups_delta(TG_OP, cols, 'true', seen)));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "rollups_document_lines"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols text := '%1$s.document_id, %1$s.item_id, %1$s.description, %1$s.quantity_e4, %1$s.tax, %1$s.total';
  lines text;
BEGIN
  -- Issued lines are not edited; an update (an item deleted: item_id set null) moves the line from its old key to its new one.
  lines := concat_ws(' UNION ALL ',
    CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN format('SELECT -1 AS w, %s FROM old_rows r', format(cols, 'r')) END,
    CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN format('SELECT 1 AS w, %s FROM new_rows r', format(cols, 'r')) END);
  EXECUTE rollups_lines_upsert(format(
    'SELECT l.w, d.org_id, d.currency, d.issue_date AS day, CASE WHEN d.kind = ''credit_note'' THEN -1 ELSE 1 END AS sign, l.item_id, l.description, l.quantity_e4, l.tax, l.total
     FROM (%s) l JOIN documents d ON d.id = l.document_id
     WHERE d.kind IN (''invoice'', ''credit_note'') AND d.status NOT IN (''draft'', ''void'')', lines));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "rollups_document_taxes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols text := '%1$s.document_id, %1$s.name, %1$s.rate_e4, %1$s.inclusive, %1$s.base, %1$s.amount';
  taxes text;
BEGIN
  taxes := concat_ws(' UNION ALL ',
    CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN format('SELECT -1 AS w, %s FROM old_rows r', format(cols, 'r')) END,
    CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN format('SELECT 1 AS w, %s FROM new_rows r', format(cols, 'r')) END);
  EXECUTE rollups_taxes_upsert(format(
    'SELECT x.w, d.org_id, d.currency, d.issue_date AS day, CASE WHEN d.kind = ''credit_note'' THEN -1 ELSE 1 END AS sign, x.name, x.rate_e4, x.inclusive, x.base, x.amount
     FROM (%s) x JOIN documents d ON d.id = x.document_id
     WHERE d.kind IN (''invoice'', ''credit_note'') AND d.status NOT IN (''draft'', ''void'')', taxes));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "rollups_documents_insert" AFTER INSERT ON "documents" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "rollups_documents"();--> statement-breakpoint
CREATE TRIGGER "rollups_documents_update" AFTER UPDATE ON "documents" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "rollups_documents"();--> statement-breakpoint
CREATE TRIGGER "rollups_documents_delete" AFTER DELETE ON "documents" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "rollups_documents"();--> statement-breakpoint
CREATE TRIGGER "rollups_payments_insert" AFTER INSERT ON "payments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "rollups_payments"();--> statement-breakpoint
CREATE TRIGGER "rollups_payments_update" AFTER UPDATE ON "payments" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "rollups_payments"();--> statement-breakpoint
CREATE TRIGGER "rollups_payments_delete" AFTER DELETE ON "payments" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "rollups_payments"();--> statement-breakpoint
CREATE TRIGGER "rollups_document_lines_insert" AFTER INSERT ON "document_lines" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "rollups_document_lines"();--> statement-breakpoint
CREATE TRIGGER "rollups_document_lines_update" AFTER UPDATE ON "document_lines" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "rollups_document_lines"();--> statement-breakpoint
CREATE TRIGGER "rollups_document_lines_delete" AFTER DELETE ON "document_lines" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "rollups_document_lines"();--> statement-breakpoint
CREATE TRIGGER "rollups_document_taxes_insert" AFTER INSERT ON "document_taxes" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "rollups_document_taxes"();--> statement-breakpoint
CREATE TRIGGER "rollups_document_taxes_update" AFTER UPDATE ON "document_taxes" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "rollups_document_taxes"();--> statement-breakpoint
CREATE TRIGGER "rollups_document_taxes_delete" AFTER DELETE ON "document_taxes" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "rollups_document_taxes"();--> statement-breakpoint
-- Backfill: the same sums over every counted document already there.
INSERT INTO "sales_daily" (org_id, currency, day, customer_id, invoice_count, invoiced, invoiced_tax, credit_note_count, credited, credited_tax)
SELECT org_id, currency, issue_date, customer_id,
  count(*) FILTER (WHERE kind = 'invoice'), coalesce(sum(total) FILTER (WHERE kind = 'invoice'), 0), coalesce(sum(tax_total) FILTER (WHERE kind = 'invoice'), 0),
  count(*) FILTER (WHERE kind = 'credit_note'), coalesce(sum(total) FILTER (WHERE kind = 'credit_note'), 0), coalesce(sum(tax_total) FILTER (WHERE kind = 'credit_note'), 0)
FROM "documents" WHERE kind IN ('invoice', 'credit_note') AND status NOT IN ('draft', 'void')
GROUP BY 1, 2, 3, 4;--> statement-breakpoint
INSERT INTO "item_sales_daily" (org_id, currency, day, line_key, item_id, description, lines, quantity_e4, tax, total)
SELECT d.org_id, d.currency, d.issue_date, coalesce('item:' || l.item_id, 'text:' || md5(l.description)), l.item_id, CASE WHEN l.item_id IS NULL THEN l.description ELSE '' END,
  count(*), sum(s.sign * l.quantity_e4), sum(s.sign * l.tax), sum(s.sign * l.total)
FROM "documents" d JOIN "document_lines" l ON l.org_id = d.org_id AND l.document_id = d.id
CROSS JOIN LATERAL (SELECT CASE WHEN d.kind = 'credit_note' THEN -1 ELSE 1 END AS sign) s
WHERE d.kind IN ('invoice', 'credit_note') AND d.status NOT IN ('draft', 'void')
GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
INSERT INTO "tax_daily" (org_id, currency, day, name, rate_e4, inclusive, documents, base, amount)
SELECT d.org_id, d.currency, d.issue_date, x.name, x.rate_e4, x.inclusive, count(*), sum(s.sign * x.base), sum(s.sign * x.amount)
FROM "documents" d JOIN "document_taxes" x ON x.org_id = d.org_id AND x.document_id = d.id
CROSS JOIN LATERAL (SELECT CASE WHEN d.kind = 'credit_note' THEN -1 ELSE 1 END AS sign) s
WHERE d.kind IN ('invoice', 'credit_note') AND d.status NOT IN ('draft', 'void')
GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
INSERT INTO "receivables" (org_id, currency, customer_id, issue_date, due_date, invoices, unpaid, balance)
SELECT org_id, currency, customer_id, issue_date, coalesce(due_date, 'infinity'::date), count(*), count(*) FILTER (WHERE balance <> 0), sum(balance)
FROM "documents" WHERE kind = 'invoice' AND status IN ('issued', 'sent', 'viewed', 'partially_paid')
GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
INSERT INTO "payments_daily" (org_id, currency, paid_on, invoice_issue_date, invoice_due_date, payments, amount)
SELECT org_id, currency, paid_on, invoice_issue_date, coalesce(invoice_due_date, 'infinity'::date), count(*), sum(amount)
FROM "payments"
GROUP BY 1, 2, 3, 4, 5;
