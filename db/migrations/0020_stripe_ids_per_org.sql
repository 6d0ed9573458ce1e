DROP INDEX "payments_external_id_key";--> statement-breakpoint
DROP INDEX "online_payments_payment_intent_id_key";--> statement-breakpoint
-- Hand-written (drizzle-kit cannot name the old key): 0016 created it inline, so Postgres named it stripe_events_pkey.
-- Stripe ids are unique per organisation, not globally: one Stripe account connected to two organisations sends each event to both.
ALTER TABLE "stripe_events" DROP CONSTRAINT "stripe_events_pkey";--> statement-breakpoint
ALTER TABLE "stripe_events" ADD CONSTRAINT "stripe_events_org_id_id_pk" PRIMARY KEY("org_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_org_id_external_id_key" ON "payments" USING btree ("org_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "online_payments_org_id_payment_intent_id_key" ON "online_payments" USING btree ("org_id","payment_intent_id");