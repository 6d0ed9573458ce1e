/**
 * User text with markup, script URLs, template syntax and spreadsheet formulas stays text in every
 * output that is not the browser UI (e2e/security.spec.ts covers that): the email HTML, the PDF and
 * CSV exports.
 */
import { describe, expect, it } from "vitest";
import { documentEmail } from "@/emails/document-email";
import { csvCell } from "@/lib/csv";
import { defaultTemplate } from "@/lib/email-templates";
import { renderDocumentPdfBuffer } from "@/pdf/render";
import { sampleDocument, sampleLines } from "@/pdf/sample-data";
import { pdfText } from "@/pdf/testing";
import { XSS_PAYLOADS } from "./support/xss-payloads";

describe("XSS payloads in user text", () => {
  it.each(XSS_PAYLOADS)("the email HTML escapes %s", (payload) => {
    const email = documentEmail({
      kind: "invoice_sent",
      template: defaultTemplate("invoice_sent"),
      values: { customer_name: payload, number: "INV-2026-0001", amount_due: "€1.00", due_date: "Apr 30, 2026", total: "€1.00" },
      org: { name: payload, brandColor: "#0f766e" },
      link: "https://invoices.example.com/i/tok",
    });
    // No tag or attribute from the payload survives; its text does, escaped.
    expect(email.html).not.toContain("<script>alert");
    expect(email.html).not.toContain("<img src=x");
    expect(email.html).not.toMatch(/href="javascript:/i);
    expect(email.html).toContain(payload.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;"));
    expect(email.text).toContain(payload);
  });

  it("the PDF prints every payload as plain text (customer, line description, notes)", async () => {
    const data = sampleDocument(sampleLines(XSS_PAYLOADS.length, (i) => XSS_PAYLOADS[i]!), { notes: XSS_PAYLOADS.join(" | ") });
    const customer = { ...data.document.customer, name: XSS_PAYLOADS[1]! };
    const { text } = await pdfText(await renderDocumentPdfBuffer({ ...data, document: { ...data.document, customer, customerSnapshot: customer } }));
    for (const payload of XSS_PAYLOADS) expect(text).toContain(payload);
    // Template syntax is not evaluated.
    expect(text).not.toMatch(/(^|\s)49(\s|$)/);
  });

  it("CSV cells that start a formula are neutralised; the rest are quoted as text", () => {
    expect(csvCell("=cmd|' /C calc'!A0")).not.toMatch(/^"?=/);
    for (const payload of XSS_PAYLOADS) expect(csvCell(payload)).toContain(payload.replace(/"/g, '""'));
  });
});
