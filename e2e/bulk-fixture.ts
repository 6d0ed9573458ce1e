/**
 * The organisation scripts/e2e-seed.ts writes before the server starts (the embedded database is
 * locked by the server once it runs): 50 issued invoices for e2e/bulk.spec.ts, made through the
 * same DAL functions the editor uses, in seconds rather than 50 trips through the editor.
 */
export const E2E_BULK = {
  email: "bulk-owner@example.com",
  password: "e2e bulk owner passphrase",
  organization: "Bulk Zip Ltd",
  customer: "Zip Client Ltd",
  invoices: 50,
} as const;
