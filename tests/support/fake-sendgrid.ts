import { generateKeyPairSync, sign } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** The parts of SendGrid's v3 mail/send body the tests look at. */
export type SendgridBody = {
  personalizations: { to: { email: string; name?: string }[] }[];
  from: { email: string; name?: string };
  reply_to?: { email: string; name?: string };
  subject: string;
  content: { type: string; value: string }[];
  attachments?: { content: string; filename: string; type?: string; disposition?: string }[];
  custom_args?: Record<string, string>;
  tracking_settings?: unknown;
};

export type RecordedRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: SendgridBody };

/**
 * "hang": never answers and keeps nothing. "late": keeps the message (it will be delivered) but
 * answers 202 only after `lateMs`, longer than the client waits: the lost answer of issue 13.
 */
export type Failure = "500" | "400" | "429" | "hang" | "late";

export type FakeSendgrid = {
  /** Base URL to pass as sendgridApiUrl, e.g. http://127.0.0.1:54321 */
  url: string;
  /** Every request received, including the ones answered with a failure. */
  requests: RecordedRequest[];
  /** The messages SendGrid kept and will deliver: answered 202, or "late" (answered after the timeout). */
  accepted: RecordedRequest[];
  /** Base64 DER key of the signed Event Webhook (what SENDGRID_WEBHOOK_PUBLIC_KEY would hold). */
  webhookPublicKey: string;
  /** A POST of these events to the event webhook, signed as SendGrid signs it. */
  eventRequest(events: unknown[], url?: string): Request;
  /** Answer the next `count` requests with this failure instead of 202. */
  failNext(failure: Failure, count?: number): void;
  /** Forget recorded requests and queued failures; message ids start again at fake-msg-1. */
  reset(): void;
  close(): Promise<void>;
};

/**
 * A stand-in for https://api.sendgrid.com on 127.0.0.1 (a free port): records POST
 * /v3/mail/send requests and answers 202 with an x-message-id, or a failure when told to.
 */
export async function startFakeSendgrid({ lateMs = 1_000 }: { lateMs?: number } = {}): Promise<FakeSendgrid> {
  const requests: RecordedRequest[] = [];
  const accepted: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const failures: Failure[] = [];
  const hanging = new Set<ServerResponse>();
  let counter = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v3/mail/send") {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: "not found" }] }));
        return;
      }
      let body: SendgridBody;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as SendgridBody;
      } catch {
        res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: "invalid JSON" }] }));
        return;
      }
      const recorded = { method: req.method, url: req.url, headers: req.headers, body };
      requests.push(recorded);
      const failure = failures.shift();
      switch (failure) {
        case "late": {
          accepted.push(recorded);
          counter += 1;
          const id = `fake-msg-${counter}`;
          const timer = setTimeout(() => {
            timers.delete(timer);
            if (!res.destroyed) res.writeHead(202, { "x-message-id": id }).end();
          }, lateMs);
          timers.add(timer);
          hanging.add(res);
          return;
        }
        case "hang":
          hanging.add(res); // never answered; close() cuts it
          return;
        case "500":
          res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: "internal error" }] }));
          return;
        case "429":
          res.writeHead(429, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: "too many requests" }] }));
          return;
        case "400":
          res.writeHead(400, { "content-type": "application/json" }).end(
            JSON.stringify({
              errors: [{ message: "The from address does not match a verified Sender Identity.", field: "from", help: null }],
            }),
          );
          return;
        default:
          accepted.push(recorded);
          counter += 1;
          res.writeHead(202, { "x-message-id": `fake-msg-${counter}` }).end();
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    accepted,
    webhookPublicKey: publicKey.export({ format: "der", type: "spki" }).toString("base64"),
    eventRequest(events, url = "http://localhost/api/webhooks/sendgrid") {
      const body = JSON.stringify(events);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = sign("sha256", Buffer.from(timestamp + body), { key: privateKey, dsaEncoding: "der" }).toString("base64");
      return new Request(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-twilio-email-event-webhook-signature": signature,
          "x-twilio-email-event-webhook-timestamp": timestamp,
        },
        body,
      });
    },
    failNext(failure, count = 1) {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    reset() {
      requests.length = 0;
      accepted.length = 0;
      failures.length = 0;
      counter = 0;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const res of hanging) res.destroy();
      hanging.clear();
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}
