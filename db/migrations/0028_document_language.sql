-- A document's own language (lib/i18n): null = its customer's, else the organisation's. Read by the PDF and the client page.
ALTER TABLE "documents" ADD COLUMN "language" text;