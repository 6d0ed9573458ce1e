-- Why an online payment needs its owner, as data (lib/payment-attention.ts), so the invoice page words it in the
-- reader's language; "attention" keeps the English sentence. Read by onlinePaymentsNeedingAttention.
ALTER TABLE "online_payments" ADD COLUMN "attention_detail" jsonb;