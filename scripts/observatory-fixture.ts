/**
 * For scripts/observatory.ts: an account with an issued invoice and its client link, written to
 * the embedded database in DATA_DIR before the app opens it, and a session cookie for that account
 * (the JWT Auth.js would issue at sign-in). Prints {cookie, token}.
 */
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { SESSION_COOKIE, SESSION_IDLE_S } from "@/auth.config";
import { closeDb, getDb } from "@/db";
import { customers } from "@/db/schema";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { ensureDocumentLink } from "@/lib/data/links";
import { registerAccount } from "@/lib/data/users";
import { env } from "@/lib/env";

const db = await getDb();
const email = `observatory-${randomBytes(4).toString("hex")}@example.test`;
const password = `Obs-${randomBytes(12).toString("hex")}`;
const { user, org } = await registerAccount({ name: "Observatory Owner", email, password, organizationName: "Observatory Ltd" });
const member = { userId: user.id, orgId: org.id, role: "owner" as const };
const [customer] = await db
  .insert(customers)
  .values({ orgId: org.id, name: "Scan Customer", email: "billing@customer.test", addressLine1: "1 Main Street", city: "Springfield", postalCode: "12345", country: "DE" })
  .returning();
const draft = await saveDraft(member, {
  kind: "invoice",
  customerId: customer!.id,
  currency: "EUR",
  issueDate: "2026-03-10",
  dueDate: null,
  lines: [{ description: "Consulting", quantityE4: 10_000, unitPrice: 10_000, taxRateIds: [] }],
});
await issueDocument(member, draft.id);
const token = await ensureDocumentLink(member, draft.id);
await closeDb();
const jwt = await encode({
  secret: env.SECRET_KEY,
  salt: SESSION_COOKIE,
  maxAge: SESSION_IDLE_S,
  token: { sub: user.id, sv: user.sessionVersion.getTime(), sid: crypto.randomUUID(), authAt: Date.now() },
});
process.stdout.write(JSON.stringify({ cookie: `${SESSION_COOKIE}=${jwt}`, token }) + "\n");
