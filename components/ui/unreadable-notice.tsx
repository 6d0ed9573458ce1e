import { Alert } from "./alert";

const labels: Record<string, string> = {
  "organizations.tax_id": "tax ID",
  "organizations.bank_details": "bank details",
  "customers.tax_id": "tax ID",
  "documents.customer_snapshot.tax_id": "customer's tax ID",
};

/**
 * Shown where a stored encrypted value could not be decrypted (lib/data/encrypted-fields.ts): the
 * field is blank rather than the page failing, and this says why and what to do.
 */
export function UnreadableNotice({ fields }: { fields: string[] | undefined }) {
  if (!fields?.length) return null;
  const names = [...new Set(fields.map((f) => labels[f] ?? f))].join(", ");
  return (
    <Alert>
      The saved {names} can&apos;t be read with this server&apos;s encryption keys and {fields.length === 1 ? "is" : "are"} shown as blank. Ask whoever runs
      the server to check SECRET_KEY and ENCRYPTION_SALT, or enter the value again.
    </Alert>
  );
}
