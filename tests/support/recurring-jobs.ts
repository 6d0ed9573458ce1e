import { TZDate } from "@date-fns/tz";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db";
import { type Customer, documentLines, documents, emails, type organizations, recurringOccurrences, recurringProfiles } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { type ProfileInput, saveProfile } from "@/lib/data/recurring-profiles";
import type { Schedule } from "@/lib/recurrence";
import { createCustomer, createInvoicingOrg } from "./invoicing";
import { profileInput } from "./recurring";

/**
 * The recurring job's tests: an organisation in a time zone with a customer who has an email
 * address, profiles saved at a given local time, and what the job left behind (occurrence rows,
 * invoices, emails), each read for one profile or organisation.
 */

/** A local wall-clock instant: `local(zone, 2027, 3, 15, 0, 1)` is 00:01 on 15 March 2027 in that zone (month 1–12). */
export const local = (zone: string, year: number, month: number, day: number, hour = 0, minute = 0) => new TZDate(year, month - 1, day, hour, minute, zone);

export async function recurringOrg(db: Executor, zone: string, label = "Recurring", settings: Partial<typeof organizations.$inferInsert> = {}) {
  const org = await createInvoicingOrg(db, label, { timeZone: zone, ...settings });
  const customer = await createCustomer(db, org.member.orgId, { name: "Acme Pty", email: "ap@acme.test" });
  return { ...org, customer };
}

/** A profile saved by `member` at `now` (profileInput's monthly EUR profile, 1 × 100.00, issue, with the given changes). */
export async function profileAt(member: Member, customer: Customer, now: Date, schedule: Partial<Schedule>, overrides: Partial<ProfileInput> = {}) {
  return saveProfile(member, profileInput(customer.id, schedule, overrides), {}, undefined, now);
}

export async function occurrencesOf(db: Executor, profileId: string) {
  return db.select().from(recurringOccurrences).where(eq(recurringOccurrences.profileId, profileId)).orderBy(asc(recurringOccurrences.occurrenceDate));
}

export async function profileRow(db: Executor, profileId: string) {
  const [row] = await db.select().from(recurringProfiles).where(eq(recurringProfiles.id, profileId));
  return row!;
}

/** The invoices the job made for a profile, in occurrence order, with their lines. */
export async function invoicesOf(db: Executor, profileId: string) {
  const rows = await occurrencesOf(db, profileId);
  const ids = rows.flatMap((r) => r.documentId ?? []);
  if (!ids.length) return [];
  const docs = await db.select().from(documents).where(inArray(documents.id, ids)).orderBy(asc(documents.issueDate));
  const lines = await db.select().from(documentLines).where(inArray(documentLines.documentId, ids)).orderBy(asc(documentLines.position));
  return docs.map((d) => ({ ...d, lines: lines.filter((l) => l.documentId === d.id) }));
}

/** The emails queued for an organisation's documents. */
export async function emailsOfOrg(db: Executor, orgId: string) {
  return db.select().from(emails).where(and(eq(emails.orgId, orgId), eq(emails.kind, "invoice_sent"))).orderBy(asc(emails.createdAt));
}

/** Pauses every active profile: the job scans all organisations, so each test counts only its own. */
export async function pauseAllProfiles(db: Executor) {
  await db.update(recurringProfiles).set({ status: "paused" }).where(eq(recurringProfiles.status, "active"));
}
