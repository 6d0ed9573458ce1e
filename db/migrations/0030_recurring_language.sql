-- A recurring profile's language for its occurrences (lib/i18n): null = the customer's, as a document's own override.
ALTER TABLE "recurring_profiles" ADD COLUMN "language" text;
