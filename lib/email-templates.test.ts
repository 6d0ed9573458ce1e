import { describe, expect, it } from "vitest";
import {
  defaultTemplate,
  EMAIL_TEMPLATE_KINDS,
  emailTemplateSchema,
  fillTemplate,
  findUnknownPlaceholders,
  SAMPLE_VALUES,
} from "./email-templates";

describe("findUnknownPlaceholders", () => {
  it("accepts every known placeholder and plain text", () => {
    expect(findUnknownPlaceholders("Hi {customer_name}, {number} {amount_due} {due_date} {link} {organization_name} {total}")).toEqual([]);
    expect(findUnknownPlaceholders("No placeholders at all.")).toEqual([]);
  });

  it("reports unknown, misspelt and spaced placeholders", () => {
    expect(findUnknownPlaceholders("{foo} and {Number} and { number } and {foo}")).toEqual(["{foo}", "{Number}", "{ number }"]);
    expect(findUnknownPlaceholders("Empty {}")).toEqual(["{}"]);
  });

  it("reports broken braces", () => {
    expect(findUnknownPlaceholders("Invoice {number is ready")).toEqual(["{number"]);
    expect(findUnknownPlaceholders("Invoice number} is ready")).toEqual(["number}"]);
    expect(findUnknownPlaceholders("{{number}}")).toEqual(["{", "}"]);
    expect(findUnknownPlaceholders("{number\n}")).toEqual(["{number", "}"]);
  });

  // A scan that went back over a long word from every one of its letters took minutes on a
  // 100 KB body and hours on the 1 MB a server action accepts: one request held a core. These
  // inputs finish in milliseconds once the scan is linear; before, they outlast the test's timeout.
  it("reads a long word without braces once, not once per letter", () => {
    expect(findUnknownPlaceholders("x".repeat(50_000))).toEqual([]);
    expect(findUnknownPlaceholders(`${"x".repeat(50_000)}}`)).toEqual([`${"x".repeat(50_000)}}`]);
  });

  it("lists each unknown placeholder once however many there are", () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `{p${i % 3}}`).join("");
    expect(findUnknownPlaceholders(many)).toEqual(["{p0}", "{p1}", "{p2}"]);
  });

  it("finds nothing wrong in the defaults", () => {
    for (const kind of EMAIL_TEMPLATE_KINDS) {
      expect(findUnknownPlaceholders(defaultTemplate(kind).subject)).toEqual([]);
      expect(findUnknownPlaceholders(defaultTemplate(kind).body)).toEqual([]);
    }
  });
});

describe("fillTemplate", () => {
  it("substitutes every occurrence", () => {
    expect(fillTemplate("{number}: {number} for {customer_name}", { number: "INV-1", customer_name: "Jane" })).toBe("INV-1: INV-1 for Jane");
  });

  it("does not substitute inside values (one pass)", () => {
    expect(fillTemplate("Hi {customer_name}, total {total}", { customer_name: "{total}", total: "$5" })).toBe("Hi {total}, total $5");
  });

  it("empties missing values and leaves unknown placeholders alone", () => {
    expect(fillTemplate("[{due_date}] {foo}", {})).toBe("[] {foo}");
  });

  it("fills every default completely with the sample values", () => {
    for (const kind of EMAIL_TEMPLATE_KINDS) {
      expect(fillTemplate(defaultTemplate(kind).body, SAMPLE_VALUES)).not.toMatch(/[{}]/);
    }
  });
});

describe("emailTemplateSchema", () => {
  const valid = { kind: "invoice_sent", language: "en", subject: "Invoice {number}", body: "Hi {customer_name},\r\n\r\nThanks." };

  it("accepts a valid template and normalises line breaks", () => {
    expect(emailTemplateSchema.parse(valid)).toEqual({ kind: "invoice_sent", language: "en", subject: "Invoice {number}", body: "Hi {customer_name},\n\nThanks." });
  });

  it("refuses unknown placeholders with a field error naming them", () => {
    const result = emailTemplateSchema.safeParse({ ...valid, body: "Hi {name}, see {number" });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path[0] === "body");
    expect(issue?.message).toMatch(/^Unknown placeholders \{name\}, \{number\. Use one of: \{customer_name\}, \{number\}/);
    const subject = emailTemplateSchema.safeParse({ ...valid, subject: "Invoice {nummer}" });
    expect(subject.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["subject", expect.stringMatching(/^Unknown placeholder \{nummer\}\. Use one of:/)],
    ]);
  });

  it("keeps the subject on one line and within limits", () => {
    expect(emailTemplateSchema.safeParse({ ...valid, subject: "Line\nbreak" }).success).toBe(false);
    expect(emailTemplateSchema.safeParse({ ...valid, subject: "x".repeat(201) }).success).toBe(false);
    expect(emailTemplateSchema.safeParse({ ...valid, subject: "  " }).success).toBe(false);
    expect(emailTemplateSchema.safeParse({ ...valid, body: "x".repeat(5001) }).success).toBe(false);
    expect(emailTemplateSchema.safeParse({ ...valid, body: "x".repeat(5000) }).success).toBe(true);
    expect(emailTemplateSchema.safeParse({ ...valid, kind: "invoice" }).success).toBe(false);
  });

  it("names one launch language", () => {
    expect(emailTemplateSchema.safeParse({ ...valid, language: "de" }).success).toBe(true);
    const missing = emailTemplateSchema.safeParse({ ...valid, language: undefined });
    expect(missing.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["language", "Choose a language from the list."]]);
    expect(emailTemplateSchema.safeParse({ ...valid, language: "ja" }).success).toBe(false);
  });
});
