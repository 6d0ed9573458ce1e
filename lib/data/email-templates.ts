import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { emailTemplates } from "@/db/schema/delivery";
import { badRequest } from "@/lib/errors";
import {
  DEFAULT_TEMPLATES,
  EMAIL_TEMPLATE_KINDS,
  type EmailTemplateInput,
  type EmailTemplateKind,
  emailTemplateSchema,
} from "@/lib/email-templates";
import { recordAudit } from "./audit";
import { assertCan, type Member, type RequestMeta } from "./context";

/**
 * An organisation's email wording. Only overrides are stored; a kind without a row uses
 * DEFAULT_TEMPLATES, so improving a default reaches every organisation that never edited it.
 */

export type EmailTemplate = {
  kind: EmailTemplateKind;
  subject: string;
  body: string;
  /** True when the organisation has not customised this kind. */
  isDefault: boolean;
  updatedAt: Date | null;
};

function defaultTemplate(kind: EmailTemplateKind): EmailTemplate {
  return { kind, ...DEFAULT_TEMPLATES[kind], isDefault: true, updatedAt: null };
}

function isKind(kind: string): kind is EmailTemplateKind {
  return (EMAIL_TEMPLATE_KINDS as readonly string[]).includes(kind);
}

async function templateForOrg(db: Executor, orgId: string, kind: EmailTemplateKind): Promise<EmailTemplate> {
  if (!isKind(kind)) throw badRequest("Unknown email template.");
  const [row] = await db
    .select()
    .from(emailTemplates)
    .where(and(eq(emailTemplates.orgId, orgId), eq(emailTemplates.kind, kind)))
    .limit(1);
  return row ? { kind, subject: row.subject, body: row.body, isDefault: false, updatedAt: row.updatedAt } : defaultTemplate(kind);
}

/** Any member may read: sending a document (documents.manage) uses the wording. */
export async function getEmailTemplate(member: Member, kind: EmailTemplateKind, tx?: Executor): Promise<EmailTemplate> {
  const db = tx ?? (await getDb());
  return templateForOrg(db, member.orgId, kind);
}

/** Every kind, in EMAIL_TEMPLATE_KINDS order, with the organisation's wording or the default. */
export async function listEmailTemplates(member: Member, tx?: Executor): Promise<EmailTemplate[]> {
  const db = tx ?? (await getDb());
  const rows = await db.select().from(emailTemplates).where(eq(emailTemplates.orgId, member.orgId)).orderBy(asc(emailTemplates.kind));
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return EMAIL_TEMPLATE_KINDS.map((kind) => {
    const row = byKind.get(kind);
    return row ? { kind, subject: row.subject, body: row.body, isDefault: false, updatedAt: row.updatedAt } : defaultTemplate(kind);
  });
}

/**
 * For background jobs (reminders, receipts) that act for an organisation without a member.
 * Deliberately unscoped: the caller must take orgId from the document it is emailing about.
 */
export async function unsafeGetEmailTemplateForOrg(orgId: string, kind: EmailTemplateKind, tx?: Executor): Promise<EmailTemplate> {
  const db = tx ?? (await getDb());
  return templateForOrg(db, orgId, kind);
}

/**
 * Saves the organisation's wording for one kind (insert or replace). Validated here as well as
 * in the action, so no caller can store a placeholder the customer would see literally.
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
  const { kind, subject, body } = parsed.data;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(emailTemplates)
      .values({ orgId: member.orgId, kind, subject, body })
      .onConflictDoUpdate({ target: [emailTemplates.orgId, emailTemplates.kind], set: { subject, body, updatedAt: new Date() } })
      .returning();
    // AuditAction is a closed union owned elsewhere; a template is part of the organisation's settings.
    await recordAudit({
      action: "organization.updated",
      orgId: member.orgId,
      actorUserId: member.userId,
      targetType: "email_template",
      targetId: kind,
      meta: { emailTemplate: kind },
      ...meta,
    }, tx);
    return { kind, subject: row!.subject, body: row!.body, isDefault: false, updatedAt: row!.updatedAt };
  });
}

/** Back to the default wording. Idempotent; returns the default. */
export async function resetEmailTemplate(member: Member, kind: EmailTemplateKind, meta: RequestMeta = {}, tx?: Executor): Promise<EmailTemplate> {
  const db = tx ?? (await getDb());
  assertCan(member, "settings.manage");
  if (!isKind(kind)) throw badRequest("Unknown email template.");
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(emailTemplates)
      .where(and(eq(emailTemplates.orgId, member.orgId), eq(emailTemplates.kind, kind)))
      .returning({ kind: emailTemplates.kind });
    if (deleted.length) {
      await recordAudit({
        action: "organization.updated",
        orgId: member.orgId,
        actorUserId: member.userId,
        targetType: "email_template",
        targetId: kind,
        meta: { emailTemplate: kind, reset: true },
        ...meta,
      }, tx);
    }
  });
  return defaultTemplate(kind);
}
