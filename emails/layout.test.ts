import { describe, expect, it } from "vitest";
import { emailChangeEmail } from "./email-change";
import { invitationEmail } from "./invitation";
import { escapeHtml, oneLine, renderEmail } from "./layout";
import { passwordResetEmail } from "./password-reset";

const url = "https://invoices.example.com/reset-password?token=abc123&x=1";

describe("escapeHtml", () => {
  it("escapes markup and both kinds of quote", () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;",
    );
  });
});

describe("oneLine", () => {
  it("joins lines but keeps the no-break spaces that hold an amount together", () => {
    expect(oneLine("Facture\n\t de  Muster")).toBe("Facture de Muster");
    expect(oneLine(" Payé : 1\u202f234,50\u00a0€ ")).toBe("Payé : 1\u202f234,50\u00a0€");
  });
});

describe("renderEmail in a language", () => {
  const content = { heading: "Rechnung", paragraphs: ["Hallo"], action: { label: "Rechnung ansehen", url } };

  it("is English, left to right, when no language is given", () => {
    const { html } = renderEmail(content);
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain("If the button does not work, copy this link into your browser:");
  });

  it("names the language and says the fixed line in it", () => {
    const { html } = renderEmail({ ...content, language: "de" });
    expect(html).toContain('<html lang="de" dir="ltr">');
    expect(html).toContain("Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:");
    expect(html).not.toContain("If the button does not work");
  });

  it("reads Arabic and Hebrew right to left", () => {
    expect(renderEmail({ ...content, language: "ar" }).html).toContain('<html lang="ar" dir="rtl">');
    expect(renderEmail({ ...content, language: "he" }).html).toContain('<html lang="he" dir="rtl">');
  });
});

describe("renderEmail", () => {
  it("escapes every piece of user text in the HTML and keeps it literal in the text", () => {
    const evil = `<script>alert(1)</script> "Bob" O'Neil`;
    const { html, text } = renderEmail({
      preheader: evil,
      heading: evil,
      paragraphs: [evil],
      action: { label: evil, url },
      footer: evil,
    });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain(`"Bob"`);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &quot;Bob&quot; O&#39;Neil");
    expect(text).toContain(evil);
  });

  it("links the action in the HTML and puts its URL on its own line in the text", () => {
    const { html, text } = renderEmail({ heading: "Hello", paragraphs: ["Body"], action: { label: "Open", url } });
    expect(html).toContain(`<a href="${escapeHtml(url)}"`);
    expect(text.split("\n")).toContain(url);
  });

  it("is an accessible, table-based document", () => {
    const { html } = renderEmail({ heading: "Hello", paragraphs: ["Body"] });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('<table role="presentation"');
    expect(html).toContain("<title>Hello</title>");
    expect(html).toContain("<h1");
  });

  it("refuses non-http links and falls back from a suspicious brand colour", () => {
    expect(() => renderEmail({ heading: "x", paragraphs: [], action: { label: "x", url: "javascript:alert(1)" } })).toThrow();
    expect(() => renderEmail({ heading: "x", paragraphs: [], action: { label: "x", url: "/relative" } })).toThrow();
    const { html } = renderEmail({ heading: "x", paragraphs: [], brandColor: "red;background:url(x)" });
    expect(html).not.toContain("url(x)");
    expect(renderEmail({ heading: "x", paragraphs: [], brandColor: "#0f766e" }).html).toContain("#0f766e");
  });
});

describe("templates", () => {
  it("password reset: link works once, for one hour, ignore if not asked", () => {
    const email = passwordResetEmail({ name: `<img src=x onerror=alert(1)> "Ann"`, url });
    expect(email.subject).toBe("Reset your Smart Invoice password");
    expect(email.html).toContain("&lt;img src=x onerror=alert(1)&gt; &quot;Ann&quot;");
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain(`href="${escapeHtml(url)}"`);
    expect(email.text).toContain(url);
    expect(email.text).toContain("works once and for one hour");
    expect(email.text).toMatch(/did not ask/);
  });

  it("invitation: names the inviter, organisation and role; valid 7 days", () => {
    const email = invitationEmail({ inviterName: "Jane <b>Doe</b>", orgName: `Acme "Tools" & Co`, role: "admin", url });
    expect(email.subject).toBe(`Jane <b>Doe</b> invited you to Acme "Tools" & Co on Smart Invoice`);
    expect(email.html).toContain("Jane &lt;b&gt;Doe&lt;/b&gt; invited you to join Acme &quot;Tools&quot; &amp; Co as an admin.");
    expect(email.text).toContain("valid for 7 days");
    expect(email.text).toContain(url);
  });

  it("email change: confirms the new address; valid 24 hours", () => {
    const email = emailChangeEmail({ name: "Ann", newEmail: "ann@new.example", url });
    expect(email.text).toContain("ann@new.example");
    expect(email.text).toContain("24 hours");
    expect(email.html).toContain(`href="${escapeHtml(url)}"`);
  });

  it("writes account emails in the user's app language", () => {
    const reset = passwordResetEmail({ name: "Jörg", url, language: "de" });
    expect(reset.subject).toBe("Setzen Sie Ihr Smart-Invoice-Passwort zurück");
    expect(reset.html).toContain('<html lang="de" dir="ltr">');
    expect(reset.text).toContain("Hallo Jörg,");
    expect(reset.text).toContain("Der Link funktioniert einmal und eine Stunde lang.");
    const change = emailChangeEmail({ name: "", newEmail: "jo@neu.example", url, language: "de" });
    expect(change.text).toContain("Hallo,");
    expect(change.text).toContain("Sie möchten sich künftig mit jo@neu.example bei Smart Invoice anmelden.");
    const invite = invitationEmail({ inviterName: "", orgName: "Müller GmbH", role: "admin", url, language: "de" });
    expect(invite.text).toContain("Eine Kollegin oder ein Kollege hat Sie eingeladen, Müller GmbH als Administrator beizutreten.");
    // A name with ICU syntax in it is a value, printed as typed.
    expect(invitationEmail({ inviterName: "{boss}'s", orgName: "A", role: "owner", url }).subject).toBe("{boss}'s invited you to A on Smart Invoice");
  });

  it("keeps subjects on one line", () => {
    const email = invitationEmail({ inviterName: "Eve\r\nBcc: x@y", orgName: "Acme", role: "member", url });
    expect(email.subject).not.toMatch(/[\r\n]/);
  });
});
