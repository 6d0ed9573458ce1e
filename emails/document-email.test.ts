import { describe, expect, it } from "vitest";
import { defaultTemplate } from "@/lib/email-templates";
import { documentEmail } from "./document-email";
import { escapeHtml } from "./layout";

const link = "https://invoices.example.com/i/tok_123?x=1&y=2";
const values = {
  customer_name: "Jane Doe",
  number: "INV-2026-0001",
  amount_due: "€1,234.56",
  due_date: "Apr 30, 2026",
  total: "€2,000.00",
};
const org = { name: "Acme GmbH", brandColor: "#0f766e" };

describe("documentEmail", () => {
  it("fills the default invoice template into subject, HTML and text", () => {
    const email = documentEmail({ kind: "invoice_sent", template: defaultTemplate("invoice_sent"), values, org, link });
    expect(email.subject).toBe("Invoice INV-2026-0001 from Acme GmbH");
    expect(email.html).toContain("Hi Jane Doe,");
    expect(email.html).toContain("#0f766e");
    expect(email.html).toContain(`href="${escapeHtml(link)}"`);
    expect(email.html).toContain(">View invoice</a>");
    expect(email.text).toContain("€2,000.00");
    expect(email.text).toContain("Apr 30, 2026");
    expect(email.text.split("\n")).toContain(link);
    expect(email.text).not.toMatch(/\{[a-z_]+\}/);
  });

  it("writes the button, footer and preview line in the email's language, skipping the greeting", () => {
    const french = { ...values, amount_due: "1\u202f234,56\u00a0€", total: "2\u202f000,00\u00a0€", due_date: "30 avr. 2026" };
    const email = documentEmail({ kind: "invoice_sent", template: defaultTemplate("invoice_sent", "fr"), language: "fr", values: french, org, link });
    expect(email.subject).toBe("Facture INV-2026-0001 de Acme GmbH");
    expect(email.html).toContain(">Voir la facture</a>");
    expect(email.text).toContain("Voir la facture:");
    expect(email.text).toContain("Vous recevez cet e-mail parce que Acme GmbH vous a envoyé une facture avec Smart Invoice.");
    // The hidden preview line is the first paragraph after "Bonjour Jane Doe,".
    expect(email.html).toMatch(/aria-hidden="true">Merci de votre confiance\. Votre facture INV-2026-0001/);
    const team = documentEmail({ kind: "payment_notification", template: defaultTemplate("payment_notification", "de"), language: "de", values, org, link, toTeam: true });
    expect(team.text).toContain("Sie erhalten diese E-Mail, weil Sie Inhaber oder Administrator von Acme GmbH bei Smart Invoice sind.");
    expect(team.html).toContain(">Rechnung öffnen</a>");
  });

  it("shows the organisation's logo above the message, named by the organisation; its name when it has none", () => {
    const logoUrl = "https://invoices.example.com/logos/0b6f9d9e-0000-4000-8000-000000000001?v=17";
    const withLogo = documentEmail({ kind: "invoice_sent", template: defaultTemplate("invoice_sent"), values, org: { ...org, name: 'Acme "Tools" & Co', logoUrl }, link });
    expect(withLogo.html).toContain(`<img src="${escapeHtml(logoUrl)}" alt="Acme &quot;Tools&quot; &amp; Co" height="40"`);
    expect(withLogo.html).not.toContain(">Smart Invoice<");
    const withoutLogo = documentEmail({ kind: "invoice_sent", template: defaultTemplate("invoice_sent"), values, org, link });
    expect(withoutLogo.html).not.toContain("<img");
    expect(withoutLogo.html).toContain(">Acme GmbH</td>");
    expect(() => documentEmail({ kind: "invoice_sent", template: defaultTemplate("invoice_sent"), values, org: { ...org, logoUrl: "javascript:alert(1)" }, link })).toThrow();
  });

  it("puts amounts due and the link in the text version of a reminder", () => {
    const email = documentEmail({ kind: "reminder_after", template: defaultTemplate("reminder_after"), values, org, link });
    expect(email.text).toContain("€1,234.56 outstanding");
    expect(email.text).toContain(`View invoice:\n${link}`);
  });

  it("labels the button by kind", () => {
    const label = (kind: "quote_sent" | "payment_receipt") =>
      documentEmail({ kind, template: defaultTemplate(kind), values, org, link }).text.includes(kind === "quote_sent" ? "View quote:" : "View receipt:");
    expect(label("quote_sent")).toBe(true);
    expect(label("payment_receipt")).toBe(true);
  });

  it("splits the body into paragraphs on blank lines", () => {
    const email = documentEmail({
      kind: "invoice_sent",
      template: { subject: "Hello", body: "First line\r\nstill first\n\n\n  Second  \n \nThird" },
      values,
      org,
      link,
    });
    expect(email.html.match(/<p style="margin:0 0 16px;font-family:[^"]*font-size:16px/g)).toHaveLength(3);
    expect(email.text).toContain("First line\nstill first\n\nSecond\n\nThird\n");
  });

  it("escapes markup in customer name, organisation name and body", () => {
    const xss = `<script>alert("x")</script>`;
    const img = `<img src=x onerror=alert(1)>`;
    const email = documentEmail({
      kind: "invoice_sent",
      template: { subject: "Invoice {number} for {customer_name}", body: `Hi {customer_name},\n\n${img} from {organization_name}` },
      values: { ...values, customer_name: xss, number: `"><b>1</b>` },
      org: { name: `Evil & Co ${img}`, brandColor: `red;"><script>` },
      link,
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img");
    expect(email.html).not.toContain("<b>");
    expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(email.html).toContain("Evil &amp; Co &lt;img src=x onerror=alert(1)&gt;");
    // Not a hex colour: the layout falls back to its own.
    expect(email.html).not.toContain("red;");
    // The text version is plain text: the same characters, literally.
    expect(email.text).toContain(`Hi ${xss},`);
    expect(email.subject).toBe(`Invoice "><b>1</b> for ${xss}`);
  });

  it("keeps the subject on one line even when a value has newlines", () => {
    const email = documentEmail({
      kind: "invoice_sent",
      template: defaultTemplate("invoice_sent"),
      values: { ...values, number: "INV\r\nBcc: victim@example.com" },
      org,
      link,
    });
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it("refuses a link that is not http(s)", () => {
    expect(() =>
      documentEmail({ kind: "invoice_sent", template: defaultTemplate("invoice_sent"), values, org, link: "javascript:alert(1)" }),
    ).toThrow();
  });
});
