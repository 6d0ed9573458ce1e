import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { addMember, createUser, uniqueName } from "@/tests/support/accounts";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "./context";
import { createCustomer } from "./customers";
import { createOrganization, getOrganization, updateOrganization } from "./organizations";
import { getSetupFacts } from "./setup-progress";
import { completedSteps } from "@/lib/onboarding-progress";

let handle: DbHandle;
let db: Db;
beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
});
afterAll(async () => {
  await handle?.close();
});

const customer = (name: string) => ({
  name, email: null, phone: null, addressLine1: null, addressLine2: null, city: null, postalCode: null, region: null, country: null,
  taxId: null, currency: null, paymentTermsDays: null, notes: null, contacts: [],
});

describe("onboarding and the Get started checklist, from stored data", () => {
  it("an organisation created with the first step's answers has them stored, and only step 1 done", async () => {
    const founder = await createUser(db, "founder");
    const org = await createOrganization(founder.id, uniqueName("Atelier"), {}, db, { country: "FR", defaultCurrency: "EUR", locale: "fr-FR", timeZone: "Europe/Paris" });
    const owner: Member = { userId: founder.id, orgId: org.id, role: "owner" };
    const stored = await getOrganization(owner, db);
    expect([stored.country, stored.defaultCurrency, stored.locale, stored.timeZone]).toEqual(["FR", "EUR", "fr-FR", "Europe/Paris"]);
    expect(completedSteps(stored)).toEqual({ business: true, address: false, payment: false, logo: false });

    await updateOrganization(owner, { addressLine1: "12 rue de Rivoli", city: "Paris", iban: "FR7630006000011234567890189" }, {}, db);
    expect(completedSteps(await getOrganization(owner, db))).toEqual({ business: true, address: true, payment: true, logo: false });
  });

  it("customers, invoices and colleagues are ticked off for their own organisation only", async () => {
    const founder = await createUser(db, "founder");
    const org = await createOrganization(founder.id, uniqueName("Ours"), {}, db);
    const owner: Member = { userId: founder.id, orgId: org.id, role: "owner" };
    const other = await createUser(db, "other");
    const theirs = await createOrganization(other.id, uniqueName("Theirs"), {}, db);
    const theirOwner: Member = { userId: other.id, orgId: theirs.id, role: "owner" };

    expect(await getSetupFacts(owner, db)).toEqual({ hasCustomer: false, hasInvoice: false, hasTeam: false });
    // Another organisation's customer and second member change nothing here.
    await createCustomer(theirOwner, customer("Their client"), {}, db);
    await addMember(db, theirs.id, await createUser(db, "their-colleague"), "member");
    expect(await getSetupFacts(owner, db)).toEqual({ hasCustomer: false, hasInvoice: false, hasTeam: false });

    await createCustomer(owner, customer("Our client"), {}, db);
    await addMember(db, org.id, await createUser(db, "colleague"), "member");
    expect(await getSetupFacts(owner, db)).toEqual({ hasCustomer: true, hasInvoice: false, hasTeam: true });
  });
});
