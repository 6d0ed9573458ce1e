import { describe, expect, it } from "vitest";
import { defaultTemplate, EMAIL_TEMPLATE_KINDS, emailActionLabel, emailTemplateSchema, fillTemplate, findUnknownPlaceholders } from "@/lib/email-templates";
import { emailCatalogs, emailMessages } from "./catalogs/email";
import { LANGUAGES } from "./languages";

/**
 * Email keys whose translation may read as the English does. None today: every launch language
 * words each template, button and footer its own way. A key added here needs a reason beside it.
 */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {};

describe("email catalogs", () => {
  const english = emailCatalogs.en;
  const keys = Object.keys(english) as (keyof typeof english)[];
  const translations = LANGUAGES.filter((l) => l !== "en");

  it.each(translations)("%s has every key, none empty, none left in English", (language) => {
    const catalog = emailCatalogs[language];
    expect(Object.keys(catalog).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(catalog[key].trim(), key).not.toBe("");
    const untranslated = keys.filter((key) => catalog[key] === english[key] && !SAME_AS_ENGLISH[language]?.includes(key));
    expect(untranslated).toEqual([]);
  });

  it("keeps every placeholder of the English text in each translation (no amount, date or name dropped)", () => {
    const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    for (const language of translations)
      for (const key of keys) expect(placeholders(emailCatalogs[language][key]), `${language} ${key}`).toEqual(placeholders(english[key]));
  });

  it("gives every default wording in every language that the settings form would accept", () => {
    for (const language of LANGUAGES)
      for (const kind of EMAIL_TEMPLATE_KINDS) {
        const template = defaultTemplate(kind, language);
        expect(findUnknownPlaceholders(template.subject), `${language} ${kind}`).toEqual([]);
        expect(findUnknownPlaceholders(template.body), `${language} ${kind}`).toEqual([]);
        expect(emailTemplateSchema.safeParse({ kind, language, ...template }).success, `${language} ${kind}`).toBe(true);
      }
  });

  it("reads the defaults and buttons in the language asked for", () => {
    const values = { customer_name: "Jeanne Martin", number: "F-2026-0007", total: "1 234,50 €", amount_due: "1 234,50 €", due_date: "30 avril 2026", organization_name: "Muster GmbH" };
    expect(fillTemplate(defaultTemplate("invoice_sent", "fr").subject, values)).toBe("Facture F-2026-0007 de Muster GmbH");
    expect(fillTemplate(defaultTemplate("invoice_sent", "fr").body, values)).toContain(
      "Votre facture F-2026-0007 d’un montant de 1 234,50 € est prête ; 1 234,50 € sont à régler avant le 30 avril 2026.",
    );
    expect(defaultTemplate("reminder_after", "de").subject).toBe("Rechnung {number} ist überfällig");
    expect(emailActionLabel("invoice_sent", "de")).toBe("Rechnung ansehen");
    expect(emailActionLabel("quote_sent", "es")).toBe("Ver presupuesto");
    expect(emailActionLabel("invoice_sent")).toBe("View invoice");
  });

  it("formats the fixed lines (ICU) with their values in every language", () => {
    for (const language of LANGUAGES) {
      const t = emailMessages(language);
      expect(t("footer.invoice", { org: "Muster GmbH" }), language).toContain("Muster GmbH");
      expect(t("footer.team", { org: "Muster GmbH" }), language).toContain("Muster GmbH");
      const fee = t("lateFee", { amount: "12,00 €", number: "RE-9" });
      expect(fee, language).toContain("12,00 €");
      expect(fee, language).toContain("RE-9");
      expect(t("copyLink"), language).not.toMatch(/[{}]/);
    }
    expect(emailMessages("fr")("footer.quote", { org: "Muster GmbH" })).toBe("Vous recevez cet e-mail parce que Muster GmbH vous a envoyé un devis avec Smart Invoice.");
  });
});
