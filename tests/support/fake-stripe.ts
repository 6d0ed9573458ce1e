/**
 * A stand-in for api.stripe.com and Stripe's hosted Checkout on 127.0.0.1, for the tests (Vitest
 * and the e2e server). The app reaches it through STRIPE_API_BASE (lib/stripe/client.ts); the
 * browser follows the Checkout `url` it returns. Events are signed exactly as Stripe signs them
 * (Stripe.webhooks.generateTestHeaderString) and POSTed to the endpoints registered with
 * `addEndpoint` (real Stripe: the webhook endpoints the owner configures in the Dashboard).
 *
 * Over 300 lines: it is one fake service (API, hosted page, event emitter) the tests read as one.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

export type FakeRequest = { method: string; path: string; headers: IncomingHttpHeaders; form: Record<string, string>; idempotencyKey?: string };

export type FakeSession = {
  id: string;
  object: "checkout.session";
  mode: "payment";
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid" | "no_payment_required";
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  line_items: { name: string; amount: number; quantity: number }[];
  payment_intent: string | null;
  success_url: string;
  cancel_url: string | null;
  url: string | null;
  created: number;
  livemode: boolean;
  /** Which key created it (the fake's notion of "the connected account"). */
  apiKey: string;
};

export type FakeCharge = { id: string; object: "charge"; amount: number; amount_refunded: number; currency: string; payment_intent: string; refunded: boolean; created: number; livemode: boolean; apiKey: string };
export type FakePaymentIntent = { id: string; object: "payment_intent"; amount: number; amount_received: number; currency: string; status: "processing" | "succeeded" | "requires_payment_method"; latest_charge: string; metadata: Record<string, string>; created: number; livemode: boolean; apiKey: string };
export type FakeEvent = { id: string; object: "event"; type: string; created: number; livemode: boolean; api_version: string; pending_webhooks: number; request: { id: null; idempotency_key: null }; data: { object: Record<string, unknown> } };
export type Delivery = { eventId: string; url: string; status: number };

export type FakeStripe = {
  /** http://127.0.0.1:<port>: STRIPE_API_BASE, and the host of the hosted Checkout pages. */
  url: string;
  requests: FakeRequest[];
  sessions: Map<string, FakeSession>;
  paymentIntents: Map<string, FakePaymentIntent>;
  charges: Map<string, FakeCharge>;
  /** Every event generated, in order (what a test replays). */
  events: FakeEvent[];
  deliveries: Delivery[];
  /** Keys the API answers 401 to (anything containing "invalid" is refused too). */
  rejectedKeys: Set<string>;
  /** Where events of the account that `apiKey` belongs to are POSTed, signed with `secret`. */
  addEndpoint(endpoint: { url: string; secret: string; apiKey?: string }): void;
  /** The client completes Checkout: "card" succeeds at once; "sepa_debit" leaves the payment processing. */
  pay(sessionId: string, method?: "card" | "sepa_debit", amount?: number): Promise<FakeEvent[]>;
  /** A delayed method's outcome, days later. */
  settle(sessionId: string, outcome: "succeeded" | "failed"): Promise<FakeEvent[]>;
  refund(paymentIntentId: string, amount?: number): Promise<FakeEvent[]>;
  dispute(paymentIntentId: string): Promise<FakeEvent[]>;
  /** A signed POST body and Stripe-Signature header for an event (or any payload), as Stripe sends it. */
  sign(event: unknown, secret: string, timestamp?: number): { body: string; signature: string };
  /** Sends an already generated event again (Stripe retries, replays from the Dashboard). */
  redeliver(eventId: string): Promise<void>;
  reset(): void;
  close(): Promise<void>;
};

const API_VERSION = "2026-10-28.endive";
const KEY = /^(sk|rk)_(test|live)_[A-Za-z0-9]{6,}$/;
const now = () => Math.floor(Date.now() / 1000);
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

/** Stripe's form encoding (a[b][0][c]=v) flattened to its bracketed keys: enough for asserting and for reading the few fields used. */
function parseForm(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

function stripeError(status: number, type: string, message: string, code?: string) {
  return { status, body: { error: { type, message, ...(code ? { code } : {}) } } };
}

function publicSession(s: FakeSession) {
  const { apiKey: _k, line_items: _l, ...rest } = s;
  return rest;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: FakeRequest[] = [];
  const sessions = new Map<string, FakeSession>();
  const paymentIntents = new Map<string, FakePaymentIntent>();
  const charges = new Map<string, FakeCharge>();
  const events: FakeEvent[] = [];
  const deliveries: Delivery[] = [];
  const endpoints: { url: string; secret: string; apiKey?: string }[] = [];
  const rejectedKeys = new Set<string>();
  const idempotent = new Map<string, { form: string; status: number; body: unknown }>();
  const eventKey = new Map<string, string | undefined>();
  let base = "";

  const sign = (event: unknown, secret: string, timestamp = now()) => {
    const body = typeof event === "string" ? event : JSON.stringify(event, null, 2);
    return { body, signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp }) };
  };

  async function deliver(event: FakeEvent, apiKey: string | undefined) {
    for (const endpoint of endpoints.filter((e) => !e.apiKey || e.apiKey === apiKey)) {
      const { body, signature } = sign(event, endpoint.secret);
      let status = 0;
      try {
        const res = await fetch(endpoint.url, { method: "POST", headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": signature }, body });
        status = res.status;
        await res.arrayBuffer();
      } catch {
        status = 0;
      }
      deliveries.push({ eventId: event.id, url: endpoint.url, status });
    }
  }

  async function emit(type: string, object: Record<string, unknown>, apiKey: string, livemode: boolean): Promise<FakeEvent> {
    const event: FakeEvent = { id: newId("evt"), object: "event", type, created: now(), livemode, api_version: API_VERSION, pending_webhooks: 1, request: { id: null, idempotency_key: null }, data: { object: structuredClone(object) } };
    events.push(event);
    eventKey.set(event.id, apiKey);
    await deliver(event, apiKey);
    return event;
  }

  function api(method: string, path: string, form: Record<string, string>, apiKey: string): { status: number; body: unknown } {
    const livemode = apiKey.includes("_live_");
    if (method === "GET" && (path === "/v1/account" || path === "/v1/balance")) {
      return path === "/v1/account"
        ? { status: 200, body: { id: `acct_${apiKey.slice(-8)}`, object: "account", business_profile: { name: "Fake Business" }, settings: { dashboard: { display_name: "Fake Business" } }, charges_enabled: true, livemode } }
        : { status: 200, body: { object: "balance", available: [], pending: [], livemode } };
    }
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const amount = (i: number) => Number(form[`line_items[${i}][price_data][unit_amount]`] ?? 0) * Number(form[`line_items[${i}][quantity]`] ?? 1);
      const lineItems: FakeSession["line_items"] = [];
      for (let i = 0; form[`line_items[${i}][quantity]`] !== undefined; i++) {
        lineItems.push({ name: form[`line_items[${i}][price_data][product_data][name]`] ?? "", amount: Number(form[`line_items[${i}][price_data][unit_amount]`] ?? 0), quantity: Number(form[`line_items[${i}][quantity]`]) });
      }
      if (!lineItems.length || !form.success_url) return stripeError(400, "invalid_request_error", "Missing required param: line_items or success_url.");
      const currencies = new Set(Object.entries(form).filter(([k]) => /^line_items\[\d+\]\[price_data\]\[currency\]$/.test(k)).map(([, v]) => v.toLowerCase()));
      if (currencies.size !== 1) return stripeError(400, "invalid_request_error", "All line items must have the same currency.");
      const metadata = Object.fromEntries(Object.entries(form).filter(([k]) => k.startsWith("metadata[")).map(([k, v]) => [k.slice(9, -1), v]));
      const id = newId(livemode ? "cs_live" : "cs_test");
      const session: FakeSession = {
        id,
        object: "checkout.session",
        mode: "payment",
        status: "open",
        payment_status: "unpaid",
        amount_total: lineItems.reduce((sum, _l, i) => sum + amount(i), 0),
        currency: [...currencies][0]!,
        client_reference_id: form.client_reference_id ?? null,
        metadata,
        line_items: lineItems,
        payment_intent: null,
        success_url: form.success_url,
        cancel_url: form.cancel_url ?? null,
        url: `${base}/checkout/${id}`,
        created: now(),
        livemode,
        apiKey,
      };
      sessions.set(id, session);
      return { status: 200, body: publicSession(session) };
    }
    const sessionMatch = /^\/v1\/checkout\/sessions\/([\w]+)(\/expire)?$/.exec(path);
    if (sessionMatch) {
      const session = sessions.get(sessionMatch[1]!);
      if (!session || session.apiKey !== apiKey) return stripeError(404, "invalid_request_error", `No such checkout.session: '${sessionMatch[1]}'`, "resource_missing");
      if (method === "POST" && sessionMatch[2]) {
        if (session.status !== "open") return stripeError(400, "invalid_request_error", "Only Checkout Sessions with a status of open can be expired.");
        session.status = "expired";
        session.url = null;
      }
      return { status: 200, body: publicSession(session) };
    }
    if (method === "GET" && (path === "/v1/checkout/sessions" || path === "/v1/payment_intents")) {
      const gte = Number(form["created[gte]"] ?? 0);
      const all = path === "/v1/payment_intents" ? [...paymentIntents.values()] : [...sessions.values()].map((s) => ({ ...s, apiKey: s.apiKey }));
      const mine = all.filter((o) => o.apiKey === apiKey && o.created >= gte).reverse();
      const after = form.starting_after ? mine.findIndex((o) => o.id === form.starting_after) + 1 : 0;
      const limit = Math.min(Number(form.limit ?? 10), 100);
      const page = mine.slice(after, after + limit);
      const data = page.map((o) => ("object" in o && o.object === "checkout.session" ? publicSession(o as FakeSession) : (({ apiKey: _k, ...rest }) => rest)(o as FakePaymentIntent)));
      return { status: 200, body: { object: "list", url: path, has_more: after + limit < mine.length, data } };
    }
    const piMatch = /^\/v1\/payment_intents\/([\w]+)$/.exec(path);
    if (method === "GET" && piMatch) {
      const pi = paymentIntents.get(piMatch[1]!);
      if (!pi || pi.apiKey !== apiKey) return stripeError(404, "invalid_request_error", `No such payment_intent: '${piMatch[1]}'`, "resource_missing");
      const { apiKey: _k, ...rest } = pi;
      return { status: 200, body: rest };
    }
    return stripeError(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}).`);
  }

  function checkoutPage(session: FakeSession): string {
    const total = (session.amount_total / 100).toFixed(2);
    const items = session.line_items.map((l) => `<li>${l.name.replace(/[<&]/g, "")} — ${(l.amount / 100).toFixed(2)} × ${l.quantity}</li>`).join("");
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Fake Checkout</title></head><body>
<main><h1>Fake Stripe Checkout</h1><ul>${items}</ul><p>Total: <strong data-testid="checkout-total">${total} ${session.currency.toUpperCase()}</strong></p>
<form method="post" action="/checkout/${session.id}/pay"><input type="hidden" name="method" value="card"><button>Pay with card</button></form>
<form method="post" action="/checkout/${session.id}/pay"><input type="hidden" name="method" value="sepa_debit"><button>Pay with SEPA Debit</button></form>
${session.cancel_url ? `<a href="${session.cancel_url}">Back</a>` : ""}</main></body></html>`;
  }

  async function pay(sessionId: string, method: "card" | "sepa_debit" = "card", amount?: number): Promise<FakeEvent[]> {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`fake stripe: no session ${sessionId}`);
    if (session.status !== "open") throw new Error(`fake stripe: session ${sessionId} is ${session.status}`);
    const paid = amount ?? session.amount_total;
    const delayed = method === "sepa_debit";
    const pi: FakePaymentIntent = { id: newId("pi"), object: "payment_intent", amount: paid, amount_received: delayed ? 0 : paid, currency: session.currency, status: delayed ? "processing" : "succeeded", latest_charge: newId("ch"), metadata: session.metadata, created: now(), livemode: session.livemode, apiKey: session.apiKey };
    paymentIntents.set(pi.id, pi);
    charges.set(pi.latest_charge, { id: pi.latest_charge, object: "charge", amount: paid, amount_refunded: 0, currency: session.currency, payment_intent: pi.id, refunded: false, created: now(), livemode: session.livemode, apiKey: session.apiKey });
    Object.assign(session, { status: "complete", payment_status: delayed ? "unpaid" : "paid", payment_intent: pi.id, amount_total: paid, url: null });
    return [await emit("checkout.session.completed", publicSession(session), session.apiKey, session.livemode)];
  }

  async function settle(sessionId: string, outcome: "succeeded" | "failed"): Promise<FakeEvent[]> {
    const session = sessions.get(sessionId);
    const pi = session?.payment_intent ? paymentIntents.get(session.payment_intent) : undefined;
    if (!session || !pi) throw new Error(`fake stripe: session ${sessionId} was not paid`);
    pi.status = outcome === "succeeded" ? "succeeded" : "requires_payment_method";
    pi.amount_received = outcome === "succeeded" ? pi.amount : 0;
    session.payment_status = outcome === "succeeded" ? "paid" : "unpaid";
    return [await emit(`checkout.session.async_payment_${outcome}`, publicSession(session), session.apiKey, session.livemode)];
  }

  async function refund(paymentIntentId: string, amount?: number): Promise<FakeEvent[]> {
    const pi = paymentIntents.get(paymentIntentId);
    const charge = pi ? charges.get(pi.latest_charge) : undefined;
    if (!pi || !charge) throw new Error(`fake stripe: no payment ${paymentIntentId}`);
    const refunded = amount ?? charge.amount - charge.amount_refunded;
    if (refunded <= 0 || charge.amount_refunded + refunded > charge.amount) throw new Error("fake stripe: refund exceeds the charge");
    charge.amount_refunded += refunded;
    charge.refunded = charge.amount_refunded === charge.amount;
    const { apiKey: _k, ...object } = charge;
    return [await emit("charge.refunded", object, charge.apiKey, charge.livemode)];
  }

  async function dispute(paymentIntentId: string): Promise<FakeEvent[]> {
    const pi = paymentIntents.get(paymentIntentId);
    if (!pi) throw new Error(`fake stripe: no payment ${paymentIntentId}`);
    const object = { id: newId("dp"), object: "dispute", amount: pi.amount, currency: pi.currency, charge: pi.latest_charge, payment_intent: pi.id, reason: "fraudulent", status: "needs_response", created: now(), livemode: pi.livemode };
    return [await emit("charge.dispute.created", object, pi.apiKey, pi.livemode)];
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const url = new URL(req.url ?? "/", base);
        const raw = Buffer.concat(chunks).toString("utf8");
        const form = req.method === "GET" ? Object.fromEntries(url.searchParams) : parseForm(raw);
        const send = (status: number, body: unknown, type = "application/json") => {
          res.writeHead(status, { "content-type": type, "request-id": newId("req") });
          res.end(typeof body === "string" ? body : JSON.stringify(body));
        };
        // Test control over HTTP, for the e2e tests (another process than the one running the fake).
        if (url.pathname.startsWith("/__fake/")) {
          const body = (raw ? JSON.parse(raw) : {}) as Record<string, string | number | undefined>;
          const str = (k: string) => String(body[k] ?? "");
          switch (`${req.method} ${url.pathname}`) {
            case "POST /__fake/endpoints":
              endpoints.push({ url: str("url"), secret: str("secret"), ...(body.apiKey ? { apiKey: str("apiKey") } : {}) });
              return send(200, { ok: true });
            case "POST /__fake/settle":
              return send(200, await settle(str("sessionId"), str("outcome") === "failed" ? "failed" : "succeeded"));
            case "POST /__fake/refund":
              return send(200, await refund(str("paymentIntentId"), body.amount === undefined ? undefined : Number(body.amount)));
            case "POST /__fake/dispute":
              return send(200, await dispute(str("paymentIntentId")));
            case "POST /__fake/redeliver": {
              const event = events.find((e) => e.id === str("eventId"));
              if (event) await deliver(event, eventKey.get(event.id));
              return send(event ? 200 : 404, { ok: !!event });
            }
            case "GET /__fake/state":
              return send(200, { sessions: [...sessions.values()].map(publicSession), events, deliveries, requests: requests.map(({ headers: _h, ...r }) => r) });
          }
          return send(404, { error: "unknown fake control" });
        }
        // The hosted Checkout page the browser is sent to.
        const page = /^\/checkout\/(\w+)(\/pay)?$/.exec(url.pathname);
        if (page) {
          const session = sessions.get(page[1]!);
          if (!session) return send(404, "No such session", "text/plain");
          if (!page[2]) return send(200, checkoutPage(session), "text/html; charset=utf-8");
          if (session.status === "open") await pay(session.id, form.method === "sepa_debit" ? "sepa_debit" : "card");
          res.writeHead(303, { location: session.success_url.replace("{CHECKOUT_SESSION_ID}", session.id) });
          return res.end();
        }
        const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
        const idempotencyKey = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : undefined;
        requests.push({ method: req.method ?? "GET", path: url.pathname, headers: req.headers, form, idempotencyKey });
        if (!KEY.test(auth) || auth.includes("invalid") || rejectedKeys.has(auth)) {
          return send(401, stripeError(401, "invalid_request_error", `Invalid API Key provided: ${auth.slice(0, 8)}${"*".repeat(8)}${auth.slice(-4)}`).body);
        }
        if (req.method === "POST" && idempotencyKey) {
          const seen = idempotent.get(`${auth}:${idempotencyKey}`);
          if (seen && seen.form !== raw) {
            return send(400, stripeError(400, "idempotency_error", "Keys for idempotent requests can only be used with the same parameters they were first used with.").body);
          }
          if (seen) return send(seen.status, seen.body);
        }
        const answer = api(req.method ?? "GET", url.pathname, form, auth);
        if (req.method === "POST" && idempotencyKey) idempotent.set(`${auth}:${idempotencyKey}`, { form: raw, ...answer });
        send(answer.status, answer.body);
      })().catch((error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.FAKE_STRIPE_PORT ?? 0), "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    requests,
    sessions,
    paymentIntents,
    charges,
    events,
    deliveries,
    rejectedKeys,
    addEndpoint: (endpoint) => endpoints.push(endpoint),
    pay,
    settle,
    refund,
    dispute,
    sign,
    async redeliver(eventId) {
      const event = events.find((e) => e.id === eventId);
      if (!event) throw new Error(`fake stripe: no event ${eventId}`);
      await deliver(event, eventKey.get(eventId));
    },
    reset() {
      for (const list of [requests, events, deliveries, endpoints] as unknown[][]) list.length = 0;
      for (const map of [sessions, paymentIntents, charges, idempotent, eventKey]) map.clear();
      rejectedKeys.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
