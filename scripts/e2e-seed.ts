/**
 * Seeds what e2e tests need in numbers the browser would take minutes to type (run by
 * scripts/e2e-server.ts before the server starts): the E2E_BULK owner and their issued invoices.
 * Through the real DAL (drafts saved, then issued and numbered), so the documents are like any other.
 */
import { closeDb } from "@/db";
import { createCustomer } from "@/lib/data/customers";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { registerAccount } from "@/lib/data/users";
import { customerSchema } from "@/lib/validation/customers";
import { E2E_BULK } from "../e2e/bulk-fixture";

const { user, org } = await registerAccount({ name: "Bea Bulk", email: E2E_BULK.email, password: E2E_BULK.password, organizationName: E2E_BULK.organization });
const owner = { userId: user.id, orgId: org.id, role: "owner" as const };
const customer = await createCustomer(owner, customerSchema.parse({ name: E2E_BULK.customer, email: "ap@zip-client.example", contacts: [] }));
for (let i = 1; i <= E2E_BULK.invoices; i++) {
  const draft = await saveDraft(owner, {
    kind: "invoice",
    customerId: customer.id,
    currency: "EUR",
    issueDate: new Date().toISOString().slice(0, 10),
    dueDate: null,
    lines: [{ description: `Bulk work ${i}`, quantityE4: 10_000, unitPrice: 10_000 + i, taxRateIds: [] }],
  });
  await issueDocument(owner, draft.id);
}
console.log(`Seeded ${E2E_BULK.invoices} issued invoices for ${E2E_BULK.email}.`);
await closeDb();
