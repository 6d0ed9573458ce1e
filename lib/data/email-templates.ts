import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { emailTemplates } from "@/db/schema/delivery";
import { badRequest } from "@/lib/errors";
import {
  defaultTemplate,
  EMAIL_TEMPLATE_KINDS,
  type EmailTemplateInput,
  type EmailTemplateKind,
  emailTemplateSchema,
} from "@/lib/email-templates";
import { isLanguage, type Language } from "@/lib/i18n/languages";
import { recordAudit } from "./audit";
import { assertCan, type Member, type RequestMeta } from "./context";

/**
 * An organisation's email wording, per kind and language. Only overrides are stored; a kind and
 * language without a row uses that language's default (lib/i18n/catalogs/email), so improving a
 * default reaches every organisation that never edited it.
 */

export type EmailTemplate = {
  kind: EmailTemplateKind;
  language: Language;
  subject: string;
  body: string;
  /** True when the organisation has not customised this kind in this language. */
  isDefault: boolean;
  updatedAt: Date | null;
};

function defaultOf(kind: EmailTemplateKind, language: Language): EmailTemplate {
  return { kind, language, ...defaultTemplate(kind, language), isDefault: true, updatedAt: null };
}

function checkKey(kind: string, language: string): asserts kind is EmailTemplateKind {
  if (!(EMAIL_TEMPLATE_KINDS as readonly string[]).includes(kind)) throw badRequest("Unknown email template.");
  if (!isLanguage(language)) throw badRequest("Unknown language.");
}

async function templateForOrg(db: Executor, orgId: string, kind: EmailTemplateKind, language: Language): Promise<EmailTemplate> {
  checkKey(kind, language);
  const [row] = await db
    .select()
    .from(emailTemplates)
    .where(and(eq(emailTemplates.orgId, orgId), eq(emailTemplates.kind, kind), eq(emailTemplates.language, language)))
    .limit(1);
  return row ? { kind, language, subject: row.subject, body: row.body, isDefault: false, updatedAt: row.updatedAt } : defaultOf(kind, language);
}

/** The wording of `kind` in `language`. Any member may read: sending a document (documents.manage) uses it. */
export async function getEmailTemplate(member: Member, kind: EmailTemplateKind, language: Language, tx?: Executor): Promise<EmailTemplate> {
  const db = tx ?? (await getDb());
  return templateForOrg(db, member.orgId, kind, language);
}

/** Every kind in one language, in EMAIL_TEMPLATE_KINDS order, with the organisation's wording or the default. */
export async function listEmailTemplates(member: Member, language: Language, tx?: Executor): Promise<EmailTemplate[]> {
  const db = tx ?? (await getDb());
  if (!isLanguage(language)) throw badRequest("Unknown language.");
  const rows = await db
    .select()
    .from(emailTemplates)
    .where(and(eq(emailTemplates.orgId, member.orgId), eq(emailTemplates.language, language)))
    .orderBy(asc(emailTemplates.kind));
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return EMAIL_TEMPLATE_KINDS.map((kind) => {
    const row = byKind.get(kind);
    return row ? { kind, language, subject: row.subject, body: row.body, isDefault: false, updatedAt: row.updatedAt } : defaultOf(kind, language);
  });
}

/**
 * For background jobs (reminders, receipts) that act for an organisation without a member.
 * Deliberately unscoped: the caller must take orgId from the document it is emailing about.
 */
export async function unsafeGetEmailTemplateForOrg(orgId: string, kind: EmailTemplateKind, language: Language, tx?: Executor): Promise<EmailTemplate> {
  const db = tx ?? (await getDb());
  return templateForOrg(db, orgId, kind, language);
}

/**
 * Saves the organisation's wording for one kind in one language (insert or replace); the other
 * languages keep theirs. Validated here as well as in the action, so no caller can store a
 * placeholder the customer would see literally.
 */
export async function saveEmailTemplate(member: Member, input: EmailTemplateInput, meta: RequestMeta = {}, tx?: Executor): Promise<EmailTemplate> {
  const db = tx ?? (await getDb());
  assertCan(member, "settings.manage");
  const parsed = emailTemplateSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
    throw badRequest("Please correct the highlighted fields.", fieldErrors);
  }
  const { kind, language, subject, body } = parsed.data;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(emailTemplates)
      .values({ orgId: member.orgId, kind, language, subject, body })
      .onConflictDoUpdate({ target: [emailTemplates.orgId, emailTemplates.kind, emailTemplates.language], set: { subject, body, updatedAt: new Date() } })
      .returning();
    // AuditAction is a closed union owned elsewhere; a template is part of the organisation's settings.
    await recordAudit({
      action: "organization.updated",
      orgId: member.orgId,
      actorUserId: member.userId,
      targetType: "email_template",
      targetId: kind,
      meta: { emailTemplate: kind, language },
      ...meta,
    }, tx);
    return { kind, language, subject: row!.subject, body: row!.body, isDefault: false, updatedAt: row!.updatedAt };
  });
}

/** Back to the default wording of one kind in one language (the other languages keep theirs). Idempotent; returns the default. */
export async function resetEmailTemplate(member: Member, kind: EmailTemplateKind, language: Language, meta: RequestMeta = {}, tx?: Executor): Promise<EmailTemplate> {
  const db = tx ?? (await getDb());
  assertCan(member, "settings.manage");
  checkKey(kind, language);
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(emailTemplates)
      .where(and(eq(emailTemplates.orgId, member.orgId), eq(emailTemplates.kind, kind), eq(emailTemplates.language, language)))
      .returning({ kind: emailTemplates.kind });
    if (deleted.length) {
      await recordAudit({
        action: "organization.updated",
        orgId: member.orgId,
        actorUserId: member.userId,
        targetType: "email_template",
        targetId: kind,
        meta: { emailTemplate: kind, language, reset: true },
        ...meta,
      }, tx);
    }
  });
  return defaultOf(kind, language);
}
