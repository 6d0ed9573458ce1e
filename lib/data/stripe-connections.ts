import "server-only";
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { stripeConnections, type StripeConnection } from "@/db/schema";
import { recordAudit } from "./audit";
import { actorId, assertCan, type Member, type Reader, type RequestMeta } from "./context";
import { openStripeConnection, sealStripeConnection, type Unreadable } from "./encrypted-fields";

/**
 * An organisation's Stripe credentials (Settings → Payments). The secret key and signing secrets
 * are sealed on every write and opened on every read here, so nothing above this module handles
 * ciphertext. Reads for a settings page go through `describeStripeConnection`, which never
 * returns a secret.
 */

/** A connection with its secrets in the clear: for the Stripe client and the webhook check only. */
export type OpenStripeConnection = StripeConnection & Unreadable;

/** What the settings page shows: no secret, the key masked. */
export type StripeConnectionSummary = Omit<StripeConnection, "secretKey" | "webhookSecret" | "previousWebhookSecret"> & {
  maskedKey: string;
  hasPreviousWebhookSecret: boolean;
};

export function maskKey(prefixSource: string, last4: string): string {
  // "rk_live_…a1b2": the kind of key and its mode stay visible, the rest does not.
  const prefix = /^(rk|sk)_(live|test)_/.exec(prefixSource)?.[0] ?? "";
  return `${prefix}…${last4}`;
}

/** The organisation's connection with its secrets opened, or null when Stripe is not connected. */
export async function findStripeConnection(reader: Reader, tx?: Executor): Promise<OpenStripeConnection | null> {
  const db = tx ?? (await getDb());
  const [row] = await db.select().from(stripeConnections).where(eq(stripeConnections.orgId, reader.orgId));
  return row ? openStripeConnection(row) : null;
}

/** For the settings page: whether Stripe is connected, to which account, the key masked. */
export async function describeStripeConnection(member: Member, tx?: Executor): Promise<StripeConnectionSummary | null> {
  assertCan(member, "settings.manage");
  const row = await findStripeConnection(member, tx);
  if (!row) return null;
  const { secretKey, webhookSecret: _webhookSecret, previousWebhookSecret, ...rest } = row;
  return {
    ...rest,
    maskedKey: maskKey(secretKey ?? (row.livemode ? "rk_live_" : "rk_test_"), row.secretKeyLast4),
    hasPreviousWebhookSecret: previousWebhookSecret != null,
  };
}

/**
 * The webhook route's lookup: by the public id in the URL, before anyone is known (the signature
 * is checked with the secret found here). Unscoped by nature; the caller then acts for row.orgId only.
 */
export async function unsafeFindStripeConnectionByWebhookId(webhookId: string, tx?: Executor): Promise<OpenStripeConnection | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(webhookId)) return null;
  const db = tx ?? (await getDb());
  const [row] = await db.select().from(stripeConnections).where(eq(stripeConnections.webhookId, webhookId));
  return row ? openStripeConnection(row) : null;
}

export type StripeCredentials = {
  secretKey: string;
  webhookSecret: string;
  accountId: string | null;
  accountName: string | null;
  livemode: boolean;
};

/**
 * Saves credentials the caller has already validated with Stripe. A first connect draws the
 * webhook id; reconnecting keeps it (the URL registered in Stripe stays right). A changed signing
 * secret keeps the old one valid for 24 hours, as Stripe does when a secret is rolled.
 */
export async function saveStripeConnection(member: Member, creds: StripeCredentials, meta: RequestMeta = {}, tx?: Executor): Promise<void> {
  assertCan(member, "settings.manage");
  const db = tx ?? (await getDb());
  await db.transaction(async (t) => {
    const [existing] = await t.select().from(stripeConnections).where(eq(stripeConnections.orgId, member.orgId)).for("update");
    const previous = existing ? openStripeConnection(existing) : null;
    const secretChanged = previous?.webhookSecret != null && previous.webhookSecret !== creds.webhookSecret;
    const sealed = sealStripeConnection(member.orgId, {
      secretKey: creds.secretKey,
      webhookSecret: creds.webhookSecret,
      previousWebhookSecret: secretChanged ? previous.webhookSecret : (previous?.previousWebhookSecret ?? null),
    });
    const values = {
      ...sealed,
      secretKeyLast4: creds.secretKey.slice(-4),
      previousWebhookSecretUntil: secretChanged ? sql`now() + interval '24 hours'` : (existing?.previousWebhookSecretUntil ?? null),
      accountId: creds.accountId,
      accountName: creds.accountName,
      livemode: creds.livemode,
      connectedById: actorId(member),
      updatedAt: sql`now()`,
    };
    if (existing) {
      await t.update(stripeConnections).set(values).where(eq(stripeConnections.orgId, member.orgId));
    } else {
      await t.insert(stripeConnections).values({ orgId: member.orgId, webhookId: randomBytes(18).toString("base64url"), ...values });
    }
    await recordAudit(
      { action: "organization.updated", orgId: member.orgId, actorUserId: actorId(member), targetType: "stripe_connection", meta: { stripe: existing ? "updated" : "connected", accountId: creds.accountId, livemode: creds.livemode }, ...meta },
      t,
    );
  });
}

/** Removes the credentials; online payments already recorded stay. */
export async function deleteStripeConnection(member: Member, meta: RequestMeta = {}, tx?: Executor): Promise<void> {
  assertCan(member, "settings.manage");
  const db = tx ?? (await getDb());
  await db.transaction(async (t) => {
    const deleted = await t.delete(stripeConnections).where(eq(stripeConnections.orgId, member.orgId)).returning({ accountId: stripeConnections.accountId });
    if (deleted.length) {
      await recordAudit({ action: "organization.updated", orgId: member.orgId, actorUserId: actorId(member), targetType: "stripe_connection", meta: { stripe: "disconnected", accountId: deleted[0]!.accountId }, ...meta }, t);
    }
  });
}

export type PaymentOptions = {
  partPaymentsEnabled: boolean;
  partPaymentMinimum: number | null;
  feeEnabled: boolean;
  feeRateBp: number;
  feeFixed: number;
  feeTaxRateId: string | null;
};

/** Part payments and the pass-through fee; only for a connected organisation. */
export async function updateStripePaymentOptions(member: Member, options: PaymentOptions, meta: RequestMeta = {}, tx?: Executor): Promise<boolean> {
  assertCan(member, "settings.manage");
  const db = tx ?? (await getDb());
  return db.transaction(async (t) => {
    const updated = await t
      .update(stripeConnections)
      .set({ ...options, updatedAt: sql`now()` })
      .where(eq(stripeConnections.orgId, member.orgId))
      .returning({ orgId: stripeConnections.orgId });
    if (updated.length) {
      await recordAudit({ action: "organization.updated", orgId: member.orgId, actorUserId: actorId(member), targetType: "stripe_connection", meta: { stripe: "options", ...options }, ...meta }, t);
    }
    return updated.length > 0;
  });
}
