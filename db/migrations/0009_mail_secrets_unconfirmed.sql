ALTER TYPE "public"."email_status" ADD VALUE 'unconfirmed';--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "sealed_body" text;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
-- Issue 13: messages already delivered keep no usable token. Every token the app mails is 43
-- base64url characters after a "/" or "=" in a URL (lib/mail/secrets.ts); rows still waiting are
-- redacted when they are delivered (lib/mail/index.ts).
UPDATE "emails" SET
  "html" = regexp_replace("html", '([/=])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])', '\1[redacted]', 'g'),
  "text" = regexp_replace("text", '([/=])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])', '\1[redacted]', 'g')
WHERE "status" = 'sent';
