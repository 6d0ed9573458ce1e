import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { emailDeliveryFor } from "./delivery";

const secrets = { SECRET_KEY: "k".repeat(32), ENCRYPTION_SALT: "s".repeat(16) };
const deliveryWith = (source: Record<string, string>) => {
  const parsed = parseEnv(source, { devSecret: (name) => `dev-${name}`.padEnd(32, "-") });
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  return emailDeliveryFor(parsed.env);
};

describe("emailDeliveryFor: whether email reaches anyone", () => {
  it("is 'none' in production without SendGrid or SMTP and with DEBUG off (empty values count as unset)", () => {
    expect(deliveryWith({ NODE_ENV: "production", ...secrets })).toBe("none");
    expect(deliveryWith({ NODE_ENV: "production", ...secrets, SENDGRID_API_KEY: "", EMAIL_HOST: " ", DEBUG: "false" })).toBe("none");
  });

  it("uses a provider whenever SendGrid or SMTP is configured", () => {
    expect(deliveryWith({ NODE_ENV: "production", ...secrets, SENDGRID_API_KEY: "SG.x", SENDGRID_FROM_EMAIL: "billing@example.com" })).toBe("provider");
    expect(deliveryWith({ NODE_ENV: "production", ...secrets, EMAIL_HOST: "smtp.example.com" })).toBe("provider");
    expect(deliveryWith({ NODE_ENV: "development", EMAIL_HOST: "smtp.example.com" })).toBe("provider");
  });

  it("keeps the readable outbox in development, and in production for a platform administrator with DEBUG on", () => {
    expect(deliveryWith({ NODE_ENV: "development" })).toBe("outbox");
    expect(deliveryWith({ NODE_ENV: "test" })).toBe("outbox");
    expect(deliveryWith({ NODE_ENV: "production", ...secrets, DEBUG: "true" })).toBe("outbox");
  });
});
