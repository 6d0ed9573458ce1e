/**
 * The e-invoice gate of issuing: which format a document needs, the pre-flight checks a draft page
 * lists, and issuing with the XML built, checked against the official rules and stored in the same
 * transaction — so a document that fails them is either not issued at all ("require", what a user
 * or a recurring profile asks for) or issued without an e-invoice and the reason on its timeline
 * ("best-effort", for documents the app issues by itself: late fees, payment fees, deposits).
 */
import "server-only";
import { type Executor, getDb } from "@/db";
import type { Document } from "@/db/schema";
import { type Member, type RequestMeta, systemContext } from "@/lib/data/context";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { addEvent } from "@/lib/data/documents/shared";
import { findDepositInvoiceId, loadEInvoiceSource, putEInvoice } from "@/lib/data/einvoices";
import { buildEInvoice } from "@/lib/einvoice/build";
import { toCii } from "@/lib/einvoice/cii";
import { FORMAT_LABELS, isEInvoiceFormat, syntaxOf, type EInvoiceFormat } from "@/lib/einvoice/codes";
import type { EInvoiceSource } from "@/lib/einvoice/model";
import { type PreflightProblem, preflight } from "@/lib/einvoice/preflight";
import { einvoiceEnglish } from "@/lib/einvoice/check-words";
import { toUbl } from "@/lib/einvoice/ubl";
import { prepareValidation, validateEInvoice } from "@/lib/einvoice/validate";
import { badRequest } from "@/lib/errors";
import { moduleLogger } from "@/lib/logger";

const log = moduleLogger("einvoice");

/** The customer's format, else the organisation's default; "none" (or nothing valid) means no e-invoice. */
export function resolveFormat(organization: { einvoiceFormat: string | null }, customer: { einvoiceFormat: string | null } | null): EInvoiceFormat | null {
  const chosen = customer?.einvoiceFormat ?? organization.einvoiceFormat;
  return isEInvoiceFormat(chosen) ? chosen : null;
}

/** Only invoices and credit notes are e-invoices (quotes are not). */
const takesEInvoice = (kind: Document["kind"]) => kind === "invoice" || kind === "credit_note";

export const isXRechnung = (format: EInvoiceFormat) => format === "xrechnung-ubl" || format === "xrechnung-cii";

export type EInvoiceCheck = { format: EInvoiceFormat | null; problems: PreflightProblem[] };

/** What the document page shows: the format the document will be issued in, and what stops it (drafts too). */
export async function checkEInvoice(member: Member, documentId: string, tx?: Executor): Promise<EInvoiceCheck> {
  const source = await loadEInvoiceSource(member, documentId, tx);
  const format = takesEInvoice(source.document.kind) ? resolveFormat(source.organization, source.customerSettings) : null;
  return { format, problems: format ? preflight(source, format) : [] };
}

/** The outcome of making one document's e-invoice: the XML, or the reasons in words. */
export type Generated = { ok: true; xml: string } | { ok: false; reasons: string[]; checks?: EInvoiceCheckWords[] };

/** A pre-flight problem as data, kept on an "issued without an e-invoice" event so the timeline words it in the reader's language. */
export type EInvoiceCheckWords = Pick<PreflightProblem, "code" | "values">;

/**
 * Pre-flight, build, write in the format's syntax, and validate (XSD + EN 16931, + XRechnung for
 * its formats). Only fatal asserts and schema errors refuse a document: the rules' warnings and
 * information (XRechnung's BR-DE-TMP-32 "should carry a delivery date") are advice, not failures.
 */
export async function generateEInvoice(source: EInvoiceSource, format: EInvoiceFormat): Promise<Generated> {
  const problems = preflight(source, format);
  if (problems.length) return { ok: false, reasons: problems.map((p) => p.message), checks: problems.map((p) => (p.values ? { code: p.code, values: p.values } : { code: p.code })) };
  const invoice = buildEInvoice(source, format);
  const xml = syntaxOf(format) === "ubl" ? toUbl(invoice) : toCii(invoice);
  const result = await validateEInvoice(xml, { xrechnung: isXRechnung(format) });
  const fatal = result.failedAsserts.filter((a) => a.flag === "fatal" || a.flag === "error");
  if (result.schemaErrors.length || fatal.length) {
    // Pre-flight should have caught anything a user can fix: this is a rule it does not know yet.
    log.warn({ documentId: source.document.id, format, schemaErrors: result.schemaErrors.length, rules: fatal.map((a) => a.id) }, "e-invoice failed validation");
    return {
      ok: false,
      reasons: [...result.schemaErrors.map((error) => einvoiceEnglish("refusal.schema", { error })), ...fatal.map(ruleReason)],
    };
  }
  return { ok: true, xml };
}

/**
 * A failed official rule in words: its id once (the rule texts begin with "[BR-…]-"), and for
 * XRechnung's rules, whose texts KoSIT publishes in German, a note saying so.
 */
function ruleReason(rule: { id: string; text: string }): string {
  const text = rule.text.trim().replace(/^\[[^\]]*\]\s*-?\s*/, "");
  return einvoiceEnglish(rule.id.startsWith("BR-DE") ? "refusal.germanRule" : "refusal.rule", { id: rule.id, text });
}

/** The refusal a user reads: one problem a line (worded in the app language by lib/einvoice/check-words.ts). */
export function refusalMessage(kind: Document["kind"], format: EInvoiceFormat, reasons: string[]): string {
  const first = einvoiceEnglish(kind === "credit_note" ? "refusal.credit_note" : "refusal.invoice", { format: FORMAT_LABELS[format] });
  return [first, ...reasons.map((r) => `• ${r}`)].join("\n");
}

export type IssueMode = "require" | "best-effort";

/**
 * Issues a draft and, when its customer or organisation asks for an e-invoice, makes, checks and
 * stores it in the same transaction. "require": a problem refuses the issue and nothing is
 * numbered. "best-effort": issued anyway, without an e-invoice, the reason on its timeline.
 */
export async function issueWithEInvoice(member: Member, documentId: string, meta: RequestMeta = {}, tx?: Executor, mode: IssueMode = "require") {
  const db = tx ?? (await getDb());
  // Loaded (or compiled, on a cold cache: 10–30 s) before the transaction locks the numbering.
  await prepareValidation();
  return db.transaction(async (t) => {
    const issued = await issueDocument(member, documentId, meta, t);
    const format = await einvoiceOfIssued(member, issued, mode, t);
    return format ? { ...issued, einvoiceFormat: format } : issued;
  });
}

/**
 * The e-invoice step of a document just issued (inside the issuing transaction, or after it for a
 * best-effort one): made and stored, refused ("require"), or skipped with a timeline event.
 */
async function einvoiceOfIssued(member: Member, issued: Pick<Document, "id" | "kind">, mode: IssueMode, tx: Executor): Promise<EInvoiceFormat | null> {
  if (!takesEInvoice(issued.kind)) return null;
  const source = await loadEInvoiceSource(member, issued.id, tx);
  const format = resolveFormat(source.organization, source.customerSettings);
  if (!format) return null;
  if (mode === "require") {
    const generated = await generateEInvoice(source, format);
    if (!generated.ok) throw badRequest(refusalMessage(issued.kind, format, generated.reasons));
    await putEInvoice(member, issued.id, format, generated.xml, tx);
    return format;
  }
  // Best effort: nothing about the e-invoice may undo the issue (a Stripe payment or a late fee is
  // recorded in the same transaction), so it runs in a savepoint and any failure only skips it.
  let reasons: string[];
  let checks: EInvoiceCheckWords[] | undefined;
  try {
    const generated = await generateEInvoice(source, format);
    if (generated.ok) {
      await tx.transaction((savepoint) => putEInvoice(member, issued.id, format, generated.xml, savepoint));
      return format;
    }
    reasons = generated.reasons;
    checks = generated.checks;
  } catch (error) {
    log.error({ err: error, documentId: issued.id, format }, "e-invoice of a document issued by the app failed");
    reasons = ["The e-invoice could not be made (an internal error, logged)."];
  }
  // The English reasons stay readable where they are stored; `checks` (pre-flight only) is what the timeline words.
  await addEvent(member, issued.id, { type: "einvoice_skipped", meta: checks ? { format, reasons, checks } : { format, reasons } }, tx);
  return null;
}

/**
 * A quote's acceptance issues its deposit invoice in the data layer (lib/data/documents/quotes.ts),
 * which can't reach this service: its callers add the e-invoice afterwards, best effort (the
 * client has accepted; the deposit is owed either way). Never throws for an e-invoice problem.
 */
export async function einvoiceForDepositOf(orgId: string, quoteId: string, tx?: Executor): Promise<void> {
  const db = tx ?? (await getDb());
  const system = systemContext(orgId);
  try {
    const depositId = await findDepositInvoiceId(system, quoteId, db);
    if (!depositId) return;
    await db.transaction(async (t) => {
      await einvoiceOfIssued(system, { id: depositId, kind: "invoice" }, "best-effort", t);
    });
  } catch (error) {
    // A failure here must not turn the client's acceptance into an error page.
    log.error({ err: error, quoteId }, "deposit invoice e-invoice failed");
  }
}
