/**
 * Review & send as an attacker fills it in (issue 19 probe): header injection through CC or the
 * subject, more copies than allowed, a message far beyond the template's length. Each is a
 * field error the dialog shows, never a message queued.
 */
import { describe, expect, it } from "vitest";
import { sendSchema } from "./send";

const valid = {
  id: "0b9f4d2e-6a3c-4f6e-9a52-3f1c2b7d8e90",
  to: "ap@client.example",
  cc: "",
  subject: "Invoice {number}",
  body: "Hello,\n\nYour invoice is attached.",
  attachPdf: true,
  submissionKey: "5e0c1c7a-2b9d-4d7e-8f3a-1a2b3c4d5e6f",
};

const errors = (input: Partial<typeof valid>) => {
  const result = sendSchema.safeParse({ ...valid, ...input });
  const out: Record<string, string> = {};
  // The first issue of each field, as the dialog shows it (lib/actions/safe-action.ts).
  for (const issue of result.success ? [] : result.error.issues) out[issue.path.join(".")] ??= issue.message;
  return out;
};

describe("Review & send refuses what would smuggle headers or recipients", () => {
  it("accepts the ordinary message", () => {
    expect(errors({})).toEqual({});
    expect(errors({ cc: "boss@client.example; ap2@client.example" })).toEqual({});
  });

  it("refuses CR/LF in CC: the line after it is a bad address, not a Bcc header", () => {
    expect(errors({ cc: "boss@client.example\r\nBcc: everyone@victims.example" })).toEqual({
      cc: "“Bcc:” is not an email address. Separate addresses with commas.",
    });
  });

  it("refuses CR/LF and headers in To", () => {
    expect(errors({ to: "ap@client.example\r\nBcc: everyone@victims.example" })).toHaveProperty("to");
    expect(errors({ to: "Evil <ap@client.example>" })).toHaveProperty("to");
  });

  it("keeps the subject on one line", () => {
    expect(errors({ subject: "Invoice\r\nBcc: everyone@victims.example" })).toEqual({ subject: "Keep the subject on one line." });
  });

  it("copies at most five addresses", () => {
    const six = Array.from({ length: 6 }, (_, i) => `c${i}@client.example`).join(", ");
    expect(errors({ cc: six })).toEqual({ cc: "Copy at most 5 addresses." });
  });

  it("refuses a 1 MB message with the template's length rule", () => {
    expect(errors({ body: "x".repeat(1024 * 1024) })).toEqual({ body: "Use at most 5000 characters." });
  });
});
