import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseSendGridEvents, verifySendGridSignature } from "./sendgrid-webhook";

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  // As SendGrid shows it: base64 of the DER SubjectPublicKeyInfo.
  return { publicKey: publicKey.export({ format: "der", type: "spki" }).toString("base64"), privateKey };
}

function signed(privateKey: KeyObject, timestamp: string, body: string): string {
  return sign("sha256", Buffer.from(timestamp + body), { key: privateKey, dsaEncoding: "der" }).toString("base64");
}

const { publicKey, privateKey } = keyPair();
const now = Date.UTC(2026, 2, 10, 12, 0, 0);
const timestamp = String(now / 1000);
const rawBody = `[{"email":"jane@example.com","event":"delivered","sg_event_id":"ZGVsaXZlcmVk","timestamp":${now / 1000},"email_id":"b3c1b9a2-8d1e-4f0a-9c4e-3b2a1d0e9f8a"}]\r\n`;
const signature = signed(privateKey, timestamp, rawBody);

describe("verifySendGridSignature", () => {
  it("accepts a valid signature, over a string or the raw bytes", () => {
    expect(verifySendGridSignature({ publicKey, signature, timestamp, rawBody, now })).toEqual({ ok: true });
    expect(verifySendGridSignature({ publicKey, signature, timestamp, rawBody: Buffer.from(rawBody), now })).toEqual({ ok: true });
  });

  it("accepts a timestamp within five minutes either way", () => {
    expect(verifySendGridSignature({ publicKey, signature, timestamp, rawBody, now: now + 299_000 }).ok).toBe(true);
    expect(verifySendGridSignature({ publicKey, signature, timestamp, rawBody, now: now - 299_000 }).ok).toBe(true);
  });

  it("accepts the key as PEM too", () => {
    const pem = `-----BEGIN PUBLIC KEY-----\n${publicKey.match(/.{1,64}/g)!.join("\n")}\n-----END PUBLIC KEY-----\n`;
    expect(verifySendGridSignature({ publicKey: pem, signature, timestamp, rawBody, now }).ok).toBe(true);
  });

  it("rejects a tampered body", () => {
    const tampered = rawBody.replace("delivered", "bounce");
    expect(verifySendGridSignature({ publicKey, signature, timestamp, rawBody: tampered, now })).toEqual({ ok: false, reason: "bad_signature" });
    // Even one byte of trailing whitespace.
    expect(verifySendGridSignature({ publicKey, signature, timestamp, rawBody: rawBody.trimEnd(), now }).ok).toBe(false);
  });

  it("rejects a signature made with another key", () => {
    const other = keyPair();
    expect(verifySendGridSignature({ publicKey: other.publicKey, signature, timestamp, rawBody, now })).toEqual({ ok: false, reason: "bad_signature" });
    const forged = signed(other.privateKey, timestamp, rawBody);
    expect(verifySendGridSignature({ publicKey, signature: forged, timestamp, rawBody, now }).ok).toBe(false);
  });

  it("rejects a signature replayed with another timestamp", () => {
    const later = String(now / 1000 + 60);
    expect(verifySendGridSignature({ publicKey, signature, timestamp: later, rawBody, now })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects old and future timestamps even with a valid signature", () => {
    const old = String(now / 1000 - 301);
    expect(verifySendGridSignature({ publicKey, signature: signed(privateKey, old, rawBody), timestamp: old, rawBody, now })).toEqual({
      ok: false,
      reason: "bad_timestamp",
    });
    const future = String(now / 1000 + 301);
    expect(verifySendGridSignature({ publicKey, signature: signed(privateKey, future, rawBody), timestamp: future, rawBody, now }).ok).toBe(false);
    expect(verifySendGridSignature({ publicKey, signature, timestamp: "12.5", rawBody, now })).toEqual({ ok: false, reason: "bad_timestamp" });
  });

  it("rejects missing headers", () => {
    expect(verifySendGridSignature({ publicKey, signature: null, timestamp, rawBody, now })).toEqual({ ok: false, reason: "missing_headers" });
    expect(verifySendGridSignature({ publicKey, signature, timestamp: undefined, rawBody, now })).toEqual({ ok: false, reason: "missing_headers" });
    expect(verifySendGridSignature({ publicKey, signature: "", timestamp: "", rawBody, now }).ok).toBe(false);
  });

  it("rejects garbage signatures and unusable keys without throwing", () => {
    expect(verifySendGridSignature({ publicKey, signature: "not base64 at all!", timestamp, rawBody, now })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifySendGridSignature({ publicKey, signature: Buffer.from("short").toString("base64"), timestamp, rawBody, now }).ok).toBe(false);
    expect(verifySendGridSignature({ publicKey: "bm90IGEga2V5", signature, timestamp, rawBody, now })).toEqual({ ok: false, reason: "bad_key" });
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ format: "der", type: "spki" }).toString("base64");
    expect(verifySendGridSignature({ publicKey: rsa, signature, timestamp, rawBody, now })).toEqual({ ok: false, reason: "bad_key" });
  });
});

describe("parseSendGridEvents", () => {
  it("keeps the recorded event types and skips the rest", () => {
    const events = parseSendGridEvents([
      { event: "delivered", sg_event_id: "a", timestamp: 1, email_id: "x" },
      { event: "group_unsubscribe", sg_event_id: "b", timestamp: 1 },
      { event: "bounce", sg_event_id: "c", timestamp: 1, reason: "550 no such user", type: "bounce" },
      "nonsense",
      { event: "open", timestamp: "not a number" },
    ]);
    expect(events?.map((e) => e.event)).toEqual(["delivered", "bounce"]);
    expect(events?.[1]?.reason).toBe("550 no such user");
  });

  it("answers null for a body that is not an array", () => {
    expect(parseSendGridEvents({ event: "delivered" })).toBeNull();
    expect(parseSendGridEvents(null)).toBeNull();
  });
});
