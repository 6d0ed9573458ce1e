/**
 * Emails in the document's language (issue 20): a German organisation (de-DE) emails its customers
 * in each document's language (the customer's, else German), with that language's wording, button,
 * footer, <html lang>/dir and money and date formats; a template customised in one language is used
 * for that language only. One line, 1 × 1,234.50 EUR, no tax; due 2026-04-30.
 *
 * Hand-worked formats (Intl, as CLDR writes them): fr "1 234,50 €" (U+202F between the thousands,
 * U+00A0 before €) and "30 avr. 2026"; de-DE "1.234,50 €" and "30.04.2026"; nl "€ 1.234,50" and "30 apr 2026".
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { type Customer, emails } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { recordPayment } from "@/lib/data/documents/payments";
import { saveEmailTemplate } from "@/lib/data/email-templates";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { enqueuePaymentEmails } from "./payment-emails";
import { sendReminderNow } from "./reminders";
import { sendDocument } from "./send-document";

const FR_AMOUNT = "1\u202f234,50\u00a0€";
const DE_AMOUNT = "1.234,50\u00a0€";
const NL_AMOUNT = "€\u00a01.234,50";

let handle: DbHandle;
let db: Db;
let owner: Member;
let member: Member;
let orgName: string;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  const a = await createInvoicingOrg(db, "Muster", { country: "DE", locale: "de-DE", defaultCurrency: "EUR" });
  ({ owner, member } = a);
  orgName = a.org.name;
});
afterAll(async () => {
  await handle?.close();
});

async function issuedInvoice(customer: Customer) {
  const draft = await saveDraft(member, { ...draftInput(customer.id, { description: "Beratung", quantityE4: 10_000, unitPrice: 123_450 }), dueDate: "2026-04-30" });
  return issueDocument(member, draft.id);
}

const onlyEmailOf = async (documentId: string) => {
  const rows = await db.select().from(emails).where(eq(emails.documentId, documentId));
  expect(rows).toHaveLength(1);
  return rows[0]!;
};

const customerIn = (language: string | null, name: string) => createCustomer(db, member.orgId, { name, email: `${name.split(" ")[0]!.toLowerCase()}@customer.test`, language });

describe("sending an invoice", () => {
  it("writes to a French customer in French, with French amounts and dates", async () => {
    const invoice = await issuedInvoice(await customerIn("fr", "Dupont SARL"));
    await sendDocument(member, invoice.id, undefined, { attachPdf: false });
    const email = await onlyEmailOf(invoice.id);
    expect(email.subject).toBe(`Facture ${invoice.number} de ${orgName}`);
    for (const body of [email.text, email.html]) {
      expect(body).toContain("Bonjour Dupont SARL,");
      expect(body).toContain(`Votre facture ${invoice.number} d’un montant de ${FR_AMOUNT} est prête ; ${FR_AMOUNT} sont à régler avant le 30 avr. 2026.`);
      expect(body).toContain("Voir la facture");
      expect(body).toContain(`Vous recevez cet e-mail parce que ${orgName} vous a envoyé une facture avec Smart Invoice.`);
      expect(body).not.toContain("View invoice");
    }
    expect(email.html).toContain('<html lang="fr" dir="ltr">');
    expect(email.html).toContain("Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :");
  });

  it("writes to a customer without a language in the organisation's German", async () => {
    const invoice = await issuedInvoice(await customerIn(null, "Schmidt KG"));
    await sendDocument(member, invoice.id, undefined, { attachPdf: false });
    const email = await onlyEmailOf(invoice.id);
    expect(email.subject).toBe(`Rechnung ${invoice.number} von ${orgName}`);
    expect(email.text).toContain(`Ihre Rechnung ${invoice.number} über ${DE_AMOUNT} ist bereit; ${DE_AMOUNT} sind bis zum 30.04.2026 fällig.`);
    expect(email.text).toContain("Rechnung ansehen:");
    expect(email.html).toContain('<html lang="de" dir="ltr">');
  });

  it("writes to an Arabic-speaking customer right to left", async () => {
    const invoice = await issuedInvoice(await customerIn("ar", "Haddad Trading"));
    await sendDocument(member, invoice.id, undefined, { attachPdf: false });
    const email = await onlyEmailOf(invoice.id);
    expect(email.subject).toBe(`الفاتورة ${invoice.number} من ${orgName}`);
    expect(email.html).toContain('<html lang="ar" dir="rtl">');
    expect(email.text).toContain("عرض الفاتورة:");
  });

  it("uses the organisation's French wording for the French customer, not for a Dutch one", async () => {
    await saveEmailTemplate(owner, { kind: "invoice_sent", language: "fr", subject: "Votre facture {number}", body: "Chère cliente, cher client,\n\nMontant : {amount_due}, échéance {due_date}." });
    const french = await issuedInvoice(await customerIn("fr", "Lefèvre et Fils"));
    const dutch = await issuedInvoice(await customerIn("nl", "Jansen BV"));
    await sendDocument(member, french.id, undefined, { attachPdf: false });
    await sendDocument(member, dutch.id, undefined, { attachPdf: false });

    const toFrench = await onlyEmailOf(french.id);
    expect(toFrench.subject).toBe(`Votre facture ${french.number}`);
    expect(toFrench.text).toContain(`Montant : ${FR_AMOUNT}, échéance 30 avr. 2026.`);

    const toDutch = await onlyEmailOf(dutch.id);
    expect(toDutch.subject).toBe(`Factuur ${dutch.number} van ${orgName}`);
    expect(toDutch.text).toContain(`Uw factuur ${dutch.number} van ${NL_AMOUNT} staat klaar; ${NL_AMOUNT} moet uiterlijk 30 apr 2026 betaald zijn.`);
    expect(toDutch.text).toContain("Factuur bekijken:");
    expect(toDutch.text).not.toContain("Montant");
  });
});

describe("sending a reminder", () => {
  // 2026-05-10 is ten days after the due date: the overdue reminder (step 7 of the default schedule).
  const tenDaysLate = new Date("2026-05-10T12:00:00Z");

  it("reminds a French customer in French, and the customised French reminder reaches French customers only", async () => {
    const plain = await issuedInvoice(await customerIn("fr", "Moreau SA"));
    await sendReminderNow(member, plain.id, 7, undefined, tenDaysLate);
    const first = await onlyEmailOf(plain.id);
    expect(first.subject).toBe(`La facture ${plain.number} est en retard de paiement`);
    expect(first.text).toContain(`la facture ${plain.number}, échue le 30 avr. 2026, présente encore un solde de ${FR_AMOUNT}.`);
    expect(first.html).toContain('<html lang="fr" dir="ltr">');

    await saveEmailTemplate(owner, { kind: "reminder_after", language: "fr", subject: "Relance : {number}", body: "Reste dû : {amount_due}." });
    const french = await issuedInvoice(await customerIn("fr", "Girard SAS"));
    const dutch = await issuedInvoice(await customerIn("nl", "De Vries NV"));
    const german = await issuedInvoice(await customerIn(null, "Weber GmbH"));
    for (const invoice of [french, dutch, german]) await sendReminderNow(member, invoice.id, 7, undefined, tenDaysLate);

    const toFrench = await onlyEmailOf(french.id);
    expect(toFrench.subject).toBe(`Relance : ${french.number}`);
    expect(toFrench.text).toContain(`Reste dû : ${FR_AMOUNT}.`);
    const toDutch = await onlyEmailOf(dutch.id);
    expect(toDutch.subject).toBe(`Factuur ${dutch.number} is vervallen`);
    expect(toDutch.text).toContain(`staat van factuur ${dutch.number}, vervallen op 30 apr 2026, nog ${NL_AMOUNT} open.`);
    const toGerman = await onlyEmailOf(german.id);
    expect(toGerman.subject).toBe(`Rechnung ${german.number} ist überfällig`);
    expect(toGerman.text).toContain(`von der Rechnung ${german.number}, fällig am 30.04.2026, noch ${DE_AMOUNT} offen.`);
  });
});

describe("a payment received online", () => {
  it("thanks the French customer in French and tells the team in the organisation's German", async () => {
    const invoice = await issuedInvoice(await customerIn("fr", "Lambert SARL"));
    await db.transaction(async (tx) => {
      const payment = await recordPayment(member, invoice.id, { paidOn: "2026-04-02", amount: 50_000, method: "Stripe" }, {}, tx);
      await enqueuePaymentEmails(tx, { orgId: member.orgId, paymentId: payment.id });
    });
    const rows = await db.select().from(emails).where(eq(emails.documentId, invoice.id));
    const receipt = rows.find((r) => r.kind === "payment_receipt")!;
    expect(receipt.subject).toBe(`Paiement reçu pour la facture ${invoice.number}`);
    // 1,234.50 − 500.00 = 734.50 still due.
    expect(receipt.text).toContain(`Nous avons bien reçu votre paiement de 500,00\u00a0€ pour la facture ${invoice.number}. Le montant restant dû est de 734,50\u00a0€.`);
    expect(receipt.text).toContain("Voir le reçu:");
    const notice = rows.find((r) => r.kind === "payment_notification")!;
    expect(notice.subject).toBe(`Lambert SARL hat 500,00\u00a0€ auf Rechnung ${invoice.number} gezahlt`);
    expect(notice.text).toContain(`Gute Nachricht: Lambert SARL hat 500,00\u00a0€ online auf die Rechnung ${invoice.number} (Gesamtbetrag ${DE_AMOUNT}) gezahlt.`);
    expect(notice.text).toContain(`Sie erhalten diese E-Mail, weil Sie Inhaber oder Administrator von ${orgName} bei Smart Invoice sind.`);
    expect(notice.html).toContain('<html lang="de" dir="ltr">');
  });
});
