import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { tooManyMessage } from "@/lib/rate-limit";
import { UNEXPECTED_FAILURE } from "@/lib/services/recurring";
import { taxCategoryErrors } from "@/lib/validation/tax-rates";
import { findMessageSources, type MessageSource } from "@/tests/support/message-sources";
import { isKnownAppMessage, localizeAppFieldErrors, localizeAppMessage } from "./app-messages";
import { catalogs as appCatalogs } from "./catalogs/app/messages";
import { catalogs as validationCatalogs } from "./catalogs/app/validation";

const de = (message: string) => localizeAppMessage(message, "de");
const sources = findMessageSources();
const literals = [...new Set(sources.flatMap((s) => (s.kind === "literal" ? [s.text] : [])))];
const templates = sources.filter((s): s is Extract<MessageSource, { kind: "template" }> => s.kind === "template");
const dynamics = sources.filter((s): s is Extract<MessageSource, { kind: "dynamic" }> => s.kind === "dynamic");

/**
 * Messages the code builds at run time, which the scan cannot read: each says where its wording
 * comes from, with samples of what it produces that must be in a catalog, or why it stays English.
 * A new one fails the test until it is listed here.
 */
const DYNAMIC: Record<string, { samples: string[] } | { english: string }> = {
  ...Object.fromEntries(
    ["bulk", "command-search", "einvoice-viewer", "jobs", "onboarding", "sending"].map((name) => [
      `lib/actions/${name}.ts: tooManyMessage(decision.retryAfterS)`,
      { samples: [1, 30, 59, 60, 61, 3600, 86_400].map(tooManyMessage) },
    ]),
  ),
  // The money parser's messages (lib/money.ts parseScaled), the schemas' too: the validation catalog words them.
  ...Object.fromEntries(
    ["lib/actions/documents.ts", "lib/actions/recurring.ts", "lib/data/documents/totals.ts"].map((file) => [
      `${file}: error.message`,
      { samples: ["Enter an amount.", "Enter the amount in digits, like 1234.56.", "The amount is too large to be handled exactly.", "Enter a quantity."] },
    ]),
  ),
  // lib/uploads.ts checkLogo's `message:`, which the scan reads.
  "lib/actions/organization.ts: check.message": { samples: ["Choose an image file.", "The logo must be 512 KB or smaller.", "Use a PNG, JPEG or WebP image (SVG is not accepted)."] },
  // lib/validation/tax-rates.ts taxCategoryErrors, shared with the tax-rate form.
  "lib/data/tax-rates.ts: Object.values(errors)[0]": {
    samples: [
      { rateE4: -150_000, inclusive: true, compound: true, vatCategory: "S" },
      { rateE4: 0, inclusive: false, compound: false, vatCategory: "S" },
      { rateE4: 70_000, inclusive: false, compound: false, vatCategory: "E", exemptionCode: "VATEX-XX" },
      { rateE4: 0, inclusive: false, compound: false, vatCategory: "X" },
    ].flatMap((input) => Object.values(taxCategoryErrors(input))),
  },
  // stripeProblem (lib/services/stripe-reconcile.ts), stored on the reconciliation and shown by "Check now".
  "lib/services/stripe-reconcile.ts: stripeProblem(error)": {
    samples: [
      "Stripe refused the saved key. Check that it is still valid and may read PaymentIntents (Settings → Payments).",
      "Stripe could not be reached. Nothing was checked; try again later.",
      "Stripe answered with an error: rate limited",
    ],
  },
  "lib/actions/stripe-reconciliation.ts: result.error": { samples: ["Stripe could not be reached. Nothing was checked; try again later.", "Stripe answered with an error: No such key"] },
  "lib/actions/stripe-reconciliation.ts: await recordMissingStripePayment(member, paymentIntentId)": {
    samples: ["Recorded: €120.00 on INV-0007.", "This payment was already recorded."],
  },
  // The e-invoice reader's errors and an issue's refusal, one problem a line (lib/einvoice/check-words.ts).
  "lib/services/einvoice-viewer.ts: error.message": {
    samples: [
      "This file declares a DOCTYPE, which e-invoices never do, so it was not read.",
      "This file is not well-formed XML, so it cannot be an e-invoice.",
      "This XML file is not an e-invoice: its root element is html. Expected a UBL Invoice or CreditNote, or a CII CrossIndustryInvoice.",
    ],
  },
  "lib/services/einvoice.ts: refusalMessage(issued.kind, format, generated.reasons)": {
    samples: [
      "This invoice can't be issued as XRechnung 3.0 (UBL) yet. Fix these first:\n• Buyer reference (Leitweg-ID) is required for XRechnung.\n• Your organisation's city is required (seller city, BR-DE-3).",
      "This credit note can't be issued as Peppol BIS Billing 3.0 (UBL) yet. Fix these first:\n• Official rule BR-CO-10: Sum of Invoice line net amount = Σ Invoice line net amount.\n• XML schema: element 'cbc:Note' is not expected",
    ],
  },
};

/** A catalog's English templates as text with their `{arguments}` in place. */
const englishTemplates = [appCatalogs.en, validationCatalogs.en].flatMap((catalog) =>
  Object.values(catalog).map((template) => {
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    return String(new IntlMessageFormat(template, "en").format(Object.fromEntries(names.map((n) => [n, `{${n}}`]))));
  }),
);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("app messages: every message the code raises or returns is in a catalog", () => {
  it("finds the messages in the code", () => {
    expect(literals.length).toBeGreaterThan(100);
    expect(literals).toEqual(
      expect.arrayContaining(["Document was not found.", "Payment options saved.", "This invoice has payments. Delete them or issue a credit note instead.", "Bulk action not found."]),
    );
    expect(templates.map((t) => t.parts[0])).toContain("This invitation was sent to ");
  });

  it("knows every literal message (notFound(what) as the sentence it makes)", () => {
    expect(literals.filter((text) => !isKnownAppMessage(text))).toEqual([]);
  });

  it("has a template for every message built with values", () => {
    const unmatched = templates.filter(({ parts }) => {
      // Each ${…} is a wildcard: some catalog template must have this shape.
      const shape = new RegExp(`^${parts.map(escape).join(".+?")}$`, "s");
      return !englishTemplates.some((english) => shape.test(english));
    });
    expect(unmatched.map((t) => `${t.where}: ${t.parts.join("${…}")}`)).toEqual([]);
  });

  it("lists every message built at run time, and knows its samples", () => {
    const found = [...new Set(dynamics.map((d) => `${d.file}: ${d.expression}`))].sort();
    expect(found).toEqual(Object.keys(DYNAMIC).sort());
    for (const [where, entry] of Object.entries(DYNAMIC)) {
      if (!("samples" in entry)) continue;
      for (const sample of entry.samples) {
        expect(isKnownAppMessage(sample), `${where}: ${sample}`).toBe(true);
        expect(de(sample), sample).not.toBe(sample);
      }
    }
  });

  it("gives English users exactly what the code says", () => {
    for (const text of literals) expect(localizeAppMessage(text, "en")).toBe(text);
    expect(localizeAppMessage("This invitation was sent to a@example.com. Sign in with that address to accept it.", "en")).toBe(
      "This invitation was sent to a@example.com. Sign in with that address to accept it.",
    );
  });

  it("words every literal message in German", () => {
    expect(literals.filter((text) => de(text) === text)).toEqual([]);
  });
});

describe("localizeAppMessage in German", () => {
  it("gives each noun of notFound its article", () => {
    expect(de("Document was not found.")).toBe("Das Dokument wurde nicht gefunden.");
    expect(de("Customer was not found.")).toBe("Der Kunde wurde nicht gefunden.");
    expect(de("Invoice was not found.")).toBe("Die Rechnung wurde nicht gefunden.");
    expect(de("That item was not found.")).toBe("Der Eintrag wurde nicht gefunden.");
  });

  it("words conflicts and successes", () => {
    expect(de("This invoice has payments. Delete them or issue a credit note instead.")).toBe(
      "Zu dieser Rechnung gibt es Zahlungen. Löschen Sie sie oder stellen Sie stattdessen eine Gutschrift aus.",
    );
    expect(de("Only an issued invoice that hasn't been sent can be marked as sent.")).toBe("Nur eine ausgestellte, noch nicht versendete Rechnung kann als versendet markiert werden.");
    expect(de("Payment options saved.")).toBe("Zahlungsoptionen gespeichert.");
    expect(de("You don't have permission to do that.")).toBe("Dazu fehlt Ihnen die Berechtigung.");
  });

  it("keeps the values exact", () => {
    expect(de("This invitation was sent to anna.schmidt+test@example.de. Sign in with that address to accept it.")).toBe(
      "Diese Einladung wurde an anna.schmidt+test@example.de gesendet. Melden Sie sich mit dieser Adresse an, um sie anzunehmen.",
    );
    expect(de('The tax rate "USt. 19 % (alt)" is archived. Choose a current rate on the lines.')).toBe(
      "Der Steuersatz „USt. 19 % (alt)“ ist archiviert. Wählen Sie in den Positionen einen aktuellen Steuersatz.",
    );
    expect(de('The tax rates "VAT 20", "Reduced 5" on this profile are archived. Choose current rates on the profile\'s lines; the next run creates the invoice.')).toBe(
      'Die Steuersätze "VAT 20", "Reduced 5" dieser wiederkehrenden Rechnung sind archiviert. Wählen Sie in ihren Positionen aktuelle Steuersätze; der nächste Lauf erstellt die Rechnung.',
    );
    expect(de("Bulk actions work on up to 500 documents at a time, and more match this filter. Narrow the filter (dates, status or customer) and try again.")).toBe(
      "Sammelaktionen umfassen höchstens 500 Dokumente auf einmal, und mehr passen zu diesem Filter. Grenzen Sie den Filter ein (Datum, Status oder Kunde) und versuchen Sie es erneut.",
    );
    expect(de("The customer now bills in CHF but this profile bills in EUR. Change the profile's currency or the customer's; the next run creates the invoice.")).toBe(
      "Der Kunde rechnet jetzt in CHF ab, diese wiederkehrende Rechnung aber in EUR. Ändern Sie die Währung der wiederkehrenden Rechnung oder die des Kunden; der nächste Lauf erstellt die Rechnung.",
    );
  });

  it("counts in German", () => {
    expect(de(tooManyMessage(1))).toBe("Zu viele Versuche. Versuchen Sie es in 1 Sekunde erneut.");
    expect(de(tooManyMessage(45))).toBe("Zu viele Versuche. Versuchen Sie es in 45 Sekunden erneut.");
    expect(de(tooManyMessage(60))).toBe("Zu viele Versuche. Versuchen Sie es in 1 Minute erneut.");
    expect(de(tooManyMessage(300))).toBe("Zu viele Versuche. Versuchen Sie es in 5 Minuten erneut.");
    expect(de("Your sending limit is reached. Try again in 12 minutes.")).toBe("Ihr Sendelimit ist erreicht. Versuchen Sie es in 12 Minuten erneut.");
    expect(de("Checked: 1 mismatch to look at.")).toBe("Geprüft: 1 Abweichung ist zu klären.");
    expect(de("Checked: 1,204 mismatches to look at.")).toBe("Geprüft: 1.204 Abweichungen sind zu klären.");
  });

  it("finds schema messages the data layer repeats in the validation catalog", () => {
    expect(de("The due date can't be before the issue date.")).toBe("Das Fälligkeitsdatum kann nicht vor dem Ausstellungsdatum liegen.");
  });

  it("words field errors, and leaves English ones alone", () => {
    const errors = { amount: "That is more than the balance due.", currentPassword: "Your current password is not correct." };
    expect(localizeAppFieldErrors(errors, "de")).toEqual({ amount: "Das ist mehr als der offene Betrag.", currentPassword: "Ihr aktuelles Passwort ist nicht korrekt." });
    expect(localizeAppFieldErrors(errors, "en")).toBe(errors);
    expect(localizeAppFieldErrors(undefined, "de")).toBeUndefined();
  });

  it("words the reasons stored for a document of a bulk action and for a failed recurring run", () => {
    expect(de("Something went wrong with this document. Try it on its own page.")).toBe("Bei diesem Dokument ist etwas schiefgelaufen. Versuchen Sie es auf seiner eigenen Seite.");
    expect(de(UNEXPECTED_FAILURE)).toBe(
      "Beim Erstellen dieser Rechnung ist bei uns etwas schiefgelaufen. Sie wird bei jedem Lauf erneut versucht; falls das so bleibt, steht der Grund im Protokoll des Servers.",
    );
  });

  it("returns a message no catalog knows unchanged (the scan above keeps the code's from being one)", () => {
    expect(de("Ein bereits deutscher Text.")).toBe("Ein bereits deutscher Text.");
  });
});
