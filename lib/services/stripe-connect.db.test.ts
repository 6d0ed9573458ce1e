/**
 * Connecting Stripe from Settings → Payments, against the fake Stripe API: one validating call,
 * clear refusals with nothing saved, and the payment options parsed in the organisation's currency.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import type { Member } from "@/lib/data/context";
import { deleteStripeConnection, findStripeConnection } from "@/lib/data/stripe-connections";
import { AppError } from "@/lib/errors";
import { stripeKeysSchema } from "@/lib/validation/stripe";
import { type FakeStripe, startFakeStripe } from "@/tests/support/fake-stripe";
import { createInvoicingOrg, createTaxRate } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { connectStripe, savePaymentOptions } from "./stripe-connect";

let handle: DbHandle;
let db: Db;
let fake: FakeStripe;
let owner: Member;
let member: Member;
const KEYS = { secretKey: "rk_test_connectKey5678", webhookSecret: "whsec_connect_secret_1" };

beforeAll(async () => {
  fake = await startFakeStripe();
  process.env.STRIPE_API_BASE = fake.url;
  handle = await createTestDb();
  db = handle.db;
  ({ owner, member } = await createInvoicingOrg(db, "Connect"));
});
afterEach(async () => {
  fake.reset();
  process.env.STRIPE_API_BASE = fake.url;
  await deleteStripeConnection(owner);
});
afterAll(async () => {
  delete process.env.STRIPE_API_BASE;
  await fake.close();
  await handle?.close();
});

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message, fields: error.fieldErrors ?? {} };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("connectStripe", () => {
  it("checks the key by listing one Checkout Session, then saves it with the account when readable", async () => {
    expect(await connectStripe(owner, KEYS)).toEqual({ livemode: false });
    const list = fake.requests.filter((r) => r.path === "/v1/checkout/sessions");
    expect(list).toMatchObject([{ method: "GET", form: { limit: "1" } }]);
    expect(await findStripeConnection(owner)).toMatchObject({ ...KEYS, accountId: "acct_tKey5678", accountName: "Fake Business", livemode: false, feeEnabled: false });
  });

  it("a key Stripe refuses (401): a field error, nothing saved", async () => {
    const refused = await failure(connectStripe(owner, { ...KEYS, secretKey: "rk_test_invalidKey9999" }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.fields.secretKey).toMatch(/Stripe did not accept this key/);
    expect(await findStripeConnection(owner)).toBeNull();
  });

  it("Stripe unreachable or not answering in time: a message, nothing saved", async () => {
    process.env.STRIPE_API_BASE = "http://127.0.0.1:1";
    expect((await failure(connectStripe(owner, KEYS))).message).toMatch(/could not be reached/);
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    try {
      process.env.STRIPE_API_BASE = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      expect((await failure(connectStripe(owner, KEYS, {}, 300))).message).toMatch(/could not be reached/);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
    expect(await findStripeConnection(owner)).toBeNull();
  });

  it("only admins connect", async () => {
    expect((await failure(connectStripe(member, KEYS))).code).toBe("FORBIDDEN");
    // Refused before asking Stripe anything.
    expect(fake.requests).toHaveLength(0);
  });
});

describe("the keys form", () => {
  const errors = (input: typeof KEYS) => {
    const parsed = stripeKeysSchema.safeParse(input);
    // The first message per field, as the form and the action show it.
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.reverse().map((i) => [i.path.join("."), i.message]));
  };
  it("tells a publishable key, a swapped field and a malformed signing secret apart", () => {
    expect(errors({ ...KEYS, secretKey: "pk_test_abcdefgh1234" }).secretKey).toMatch(/publishable key/);
    expect(errors({ ...KEYS, secretKey: "whsec_abcdefgh1234" }).secretKey).toMatch(/webhook signing secret/);
    expect(errors({ ...KEYS, webhookSecret: "rk_test_abcdefgh1234" }).webhookSecret).toMatch(/starts with whsec_/);
    expect(errors({ secretKey: "  rk_live_abcdefgh1234 ", webhookSecret: "whsec_abcdefgh1234" })).toEqual({});
  });
});

describe("savePaymentOptions", () => {
  const none = { partPaymentsEnabled: false, partPaymentMinimum: "", feeEnabled: false, feeRate: "", feeFixed: "", feeTaxRateId: "" };

  it("parses amounts in the organisation's currency and the rate in basis points", async () => {
    await connectStripe(owner, KEYS);
    const vat = await createTaxRate(db, owner.orgId, { name: "VAT", rateE4: 200_000 });
    const saved = await savePaymentOptions(owner, { partPaymentsEnabled: true, partPaymentMinimum: "20.00", feeEnabled: true, feeRate: "2.9", feeFixed: "0.30", feeTaxRateId: vat.id }, "EUR");
    expect(saved).toEqual({ partPaymentsEnabled: true, partPaymentMinimum: 2_000, feeEnabled: true, feeRateBp: 290, feeFixed: 30, feeTaxRateId: vat.id });
    expect(await findStripeConnection(owner)).toMatchObject(saved);
    expect((await savePaymentOptions(owner, { ...none, partPaymentsEnabled: true, partPaymentMinimum: "500" }, "JPY")).partPaymentMinimum).toBe(500);
  });

  it("refuses a rate with more than two decimals or above 20 %, a zero minimum, too many decimals, another organisation's tax rate", async () => {
    await connectStripe(owner, KEYS);
    const other = await createInvoicingOrg(db, "ConnectOther");
    const foreign = await createTaxRate(db, other.org.id, { name: "Other VAT", rateE4: 100_000 });
    const refused = await failure(savePaymentOptions(owner, { partPaymentsEnabled: true, partPaymentMinimum: "0", feeEnabled: true, feeRate: "2.955", feeFixed: "0.305", feeTaxRateId: foreign.id }, "EUR"));
    expect(Object.keys(refused.fields).sort()).toEqual(["feeFixed", "feeRate", "feeTaxRateId", "partPaymentMinimum"]);
    expect((await failure(savePaymentOptions(owner, { ...none, feeEnabled: true, feeRate: "25" }, "EUR"))).fields.feeRate).toMatch(/at most 20%/);
    expect(await findStripeConnection(owner)).toMatchObject({ partPaymentsEnabled: false, feeEnabled: false });
  });

  it("needs a connection first", async () => {
    expect((await failure(savePaymentOptions(owner, none, "EUR"))).message).toMatch(/Connect Stripe first/);
  });
});
