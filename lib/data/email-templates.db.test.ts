import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { auditLog } from "@/db/schema";
import { defaultTemplate, EMAIL_TEMPLATE_KINDS } from "@/lib/email-templates";
import { addMember, createAccount, createUser, expectAppError } from "@/tests/support/accounts";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "./context";
import { getEmailTemplate, listEmailTemplates, resetEmailTemplate, saveEmailTemplate, unsafeGetEmailTemplateForOrg } from "./email-templates";

let handle: DbHandle;
let db: Db;
let owner: Member;
let admin: Member;
let member: Member;
let otherOwner: Member;

const custom = { kind: "invoice_sent" as const, language: "en" as const, subject: "Your invoice {number}", body: "Dear {customer_name},\n\nPlease pay {amount_due} by {due_date}." };

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  const a = await createAccount(db, "tmpl");
  owner = a.member;
  admin = await addMember(db, a.org.id, await createUser(db, "tmpl-admin"), "admin");
  member = await addMember(db, a.org.id, await createUser(db, "tmpl-member"), "member");
  otherOwner = (await createAccount(db, "tmpl-other")).member;
});
afterAll(async () => {
  await handle?.close();
});

describe("email templates", () => {
  it("returns the defaults when nothing is saved", async () => {
    const t = await getEmailTemplate(owner, "quote_sent", "en");
    expect(t).toEqual({ kind: "quote_sent", language: "en", ...defaultTemplate("quote_sent"), isDefault: true, updatedAt: null });
    const list = await listEmailTemplates(member, "en");
    expect(list.map((l) => l.kind)).toEqual([...EMAIL_TEMPLATE_KINDS]);
    expect(list.every((l) => l.isDefault)).toBe(true);
  });

  it("saves an override, replaces it on a second save, and records it in the audit log", async () => {
    const saved = await saveEmailTemplate(admin, custom, { ip: "203.0.113.9" });
    expect(saved).toMatchObject({ ...custom, isDefault: false });
    expect(await getEmailTemplate(member, "invoice_sent", "en")).toMatchObject({ ...custom, isDefault: false });

    await saveEmailTemplate(owner, { ...custom, subject: "Invoice {number} (updated)" });
    expect((await getEmailTemplate(owner, "invoice_sent", "en")).subject).toBe("Invoice {number} (updated)");
    const list = await listEmailTemplates(owner, "en");
    expect(list.filter((l) => !l.isDefault).map((l) => l.kind)).toEqual(["invoice_sent"]);
    expect((await unsafeGetEmailTemplateForOrg(owner.orgId, "invoice_sent", "en")).subject).toBe("Invoice {number} (updated)");

    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, owner.orgId), eq(auditLog.action, "organization.updated")));
    expect(audits).toHaveLength(2);
    expect(audits.map((a) => a.meta)).toEqual([{ emailTemplate: "invoice_sent", language: "en" }, { emailTemplate: "invoice_sent", language: "en" }]);
    expect(audits.find((a) => a.actorUserId === admin.userId)?.ip).toBe("203.0.113.9");
  });

  it("refuses unknown or broken placeholders with a field error", async () => {
    const e = await expectAppError(saveEmailTemplate(owner, { ...custom, kind: "reminder_after", body: "Hi {name}, pay {amount_due" }), "BAD_REQUEST");
    expect(e.fieldErrors?.body).toMatch(/^Unknown placeholders \{name\}, \{amount_due\. Use one of:/);
    const s = await expectAppError(saveEmailTemplate(owner, { ...custom, kind: "reminder_after", subject: "Due { due_date }" }), "BAD_REQUEST");
    expect(Object.keys(s.fieldErrors ?? {})).toEqual(["subject"]);
    expect((await getEmailTemplate(owner, "reminder_after", "en")).isDefault).toBe(true);
  });

  it("refuses plain members", async () => {
    await expectAppError(saveEmailTemplate(member, { ...custom, kind: "quote_sent" }), "FORBIDDEN");
    await expectAppError(resetEmailTemplate(member, "invoice_sent", "en"), "FORBIDDEN");
    expect((await getEmailTemplate(owner, "quote_sent", "en")).isDefault).toBe(true);
  });

  it("keeps organisations apart: another organisation reads its own default", async () => {
    await saveEmailTemplate(owner, { ...custom, kind: "payment_receipt", subject: "Org A receipt {number}" });
    expect(await getEmailTemplate(otherOwner, "payment_receipt", "en")).toMatchObject({ ...defaultTemplate("payment_receipt"), isDefault: true });
    expect((await listEmailTemplates(otherOwner, "en")).every((t) => t.isDefault)).toBe(true);
    // Resetting in B neither touches A's template nor fails.
    await resetEmailTemplate(otherOwner, "payment_receipt", "en");
    expect((await getEmailTemplate(owner, "payment_receipt", "en")).subject).toBe("Org A receipt {number}");
    // B saving the same kind creates B's own row.
    await saveEmailTemplate(otherOwner, { ...custom, kind: "payment_receipt", subject: "Org B receipt" });
    expect((await getEmailTemplate(owner, "payment_receipt", "en")).subject).toBe("Org A receipt {number}");
    expect((await getEmailTemplate(otherOwner, "payment_receipt", "en")).subject).toBe("Org B receipt");
  });

  it("resets to the default, idempotently", async () => {
    await saveEmailTemplate(owner, { ...custom, kind: "reminder_before", subject: "Soon: {number}" });
    const reset = await resetEmailTemplate(admin, "reminder_before", "en");
    expect(reset).toMatchObject({ ...defaultTemplate("reminder_before"), isDefault: true });
    expect((await getEmailTemplate(owner, "reminder_before", "en")).isDefault).toBe(true);
    await expect(resetEmailTemplate(owner, "reminder_before", "en")).resolves.toMatchObject({ isDefault: true });
  });

  it("keeps each language's wording apart: saving or resetting German leaves English as it was", async () => {
    const english = { kind: "quote_sent" as const, language: "en" as const, subject: "Our quote {number}", body: "Hello {customer_name},\n\nHere it is." };
    const german = { kind: "quote_sent" as const, language: "de" as const, subject: "Unser Angebot {number}", body: "Hallo {customer_name},\n\nhier ist es." };
    await saveEmailTemplate(owner, english);
    await saveEmailTemplate(owner, german);
    expect(await getEmailTemplate(owner, "quote_sent", "en")).toMatchObject({ ...english, isDefault: false });
    expect(await getEmailTemplate(owner, "quote_sent", "de")).toMatchObject({ ...german, isDefault: false });
    // A language nobody edited reads its own default, not another language's wording.
    expect(await getEmailTemplate(owner, "quote_sent", "fr")).toMatchObject({ language: "fr", subject: "Devis {number} de {organization_name}", isDefault: true });
    expect((await listEmailTemplates(owner, "de")).filter((t) => !t.isDefault).map((t) => t.kind)).toEqual(["quote_sent"]);

    // Saving German again replaces the German row only.
    await saveEmailTemplate(owner, { ...german, subject: "Angebot {number} (neu)" });
    expect((await getEmailTemplate(owner, "quote_sent", "de")).subject).toBe("Angebot {number} (neu)");
    expect((await getEmailTemplate(owner, "quote_sent", "en")).subject).toBe("Our quote {number}");

    const reset = await resetEmailTemplate(owner, "quote_sent", "de");
    expect(reset).toMatchObject({ language: "de", subject: "Angebot {number} von {organization_name}", isDefault: true });
    expect(await getEmailTemplate(owner, "quote_sent", "en")).toMatchObject({ ...english, isDefault: false });
    await resetEmailTemplate(owner, "quote_sent", "en");
  });

  it("refuses a language that is not a launch language", async () => {
    const e = await expectAppError(saveEmailTemplate(owner, { ...custom, language: "ja" as never }), "BAD_REQUEST");
    expect(e.fieldErrors).toEqual({ language: "Choose a language from the list." });
    await expectAppError(getEmailTemplate(owner, "invoice_sent", "ja" as never), "BAD_REQUEST");
    await expectAppError(resetEmailTemplate(owner, "invoice_sent", "xx" as never), "BAD_REQUEST");
  });
});
