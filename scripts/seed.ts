/**
 * `npm run db:seed [-- --invoices N]`: demo data for trying the app. Safe to run twice: the demo
 * organisation and user are found and reused, and the demo user's password is reset and printed.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { memberships, organizations } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { describeDbError } from "@/lib/db-errors";
import { sealOrganization } from "@/lib/data/encrypted-fields";
import { unsafeCheckStoredKeys } from "@/lib/data/key-check";
import { findUserByEmail } from "@/lib/data/users";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { seedBulkInvoices, seedCatalogue, seedLifecycle } from "./seed-invoices";

export const DEMO_EMAIL = "demo@smartinvoice.local";
const DEMO_ORG = "Demo Company Ltd";

const { values } = parseArgs({ options: { invoices: { type: "string" } }, strict: false });
const invoiceCount = values.invoices === undefined ? 0 : Number(values.invoices);
if (!Number.isInteger(invoiceCount) || invoiceCount < 0) {
  console.error("Usage: npm run db:seed [-- --invoices N]  (N a whole number)");
  process.exit(2);
}

try {
  const db = await getDb();
  // Seeding with other keys than the server's would write data the server cannot read.
  const keys = await unsafeCheckStoredKeys();
  if (!keys.ok) {
    console.error(keys.message);
    await closeDb();
    process.exit(1);
  }
  const password = `demo-${randomBytes(6).toString("hex")}`;
  const passwordHash = await hashPassword(password);
  const result = await db.transaction(async (tx) => {
    let user = await findUserByEmail(DEMO_EMAIL, tx);
    if (user) {
      [user] = await tx.update(users).set({ passwordHash, disabledAt: null, sessionVersion: new Date() }).where(eq(users.id, user.id)).returning();
    } else {
      [user] = await tx.insert(users).values({ name: "Demo Owner", email: DEMO_EMAIL, passwordHash }).returning();
    }
    const [existing] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .innerJoin(memberships, eq(memberships.orgId, organizations.id))
      .where(eq(memberships.userId, user!.id))
      .limit(1);
    let orgId = existing?.id;
    if (!orgId) {
      const id = randomUUID();
      const [org] = await tx
        .insert(organizations)
        .values({
          id,
          name: DEMO_ORG,
          legalName: DEMO_ORG,
          addressLine1: "1 Market Street",
          city: "Springfield",
          postalCode: "12345",
          country: "US",
          email: "billing@demo.example",
          defaultCurrency: "USD",
          locale: "en-US",
          timeZone: "America/New_York",
          paymentTermsDays: 30,
          ...sealOrganization(id, { bankDetails: "Demo Bank · IBAN US00 0000 0000 0000 · BIC DEMOUS00" }),
          onboardedAt: new Date(),
        })
        .returning();
      orgId = org!.id;
      await tx.insert(memberships).values({ orgId, userId: user!.id, role: "owner" });
    }
    return { orgId, created: !existing };
  });
  const member = { orgId: result.orgId, userId: (await findUserByEmail(DEMO_EMAIL))!.id, role: "owner" as const };
  if (await seedCatalogue(db, result.orgId)) {
    await seedLifecycle(db, member);
    console.log("Added customers, items, tax rates, and invoices and quotes in every state.");
  }
  if (invoiceCount > 0) {
    const started = Date.now();
    console.log(`Adding ${invoiceCount} issued invoices…`);
    await seedBulkInvoices(db, member, invoiceCount, (s) => console.log(s));
    console.log(`Added ${invoiceCount} invoices in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  console.log(`Demo organisation: ${DEMO_ORG} (${result.created ? "created" : "already there"})`);
  console.log(`Sign in at ${env.APP_URL}/login`);
  console.log(`  email:    ${DEMO_EMAIL}`);
  console.log(`  password: ${password}`);
  await closeDb();
} catch (error) {
  console.error(`Seeding failed: ${describeDbError(error)}. Nothing was changed.`);
  process.exit(1);
}
