import "server-only";
import { and, asc, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { customers, type DocumentKind, type DocumentStatus, documents, items } from "@/db/schema";
import type { Member } from "./context";
import { escapeLike } from "./like";

/** Rows per group in the command menu: it is a jump list, not a results page. */
export const COMMAND_GROUP_LIMIT = 5;
/**
 * pg_trgm indexes a string by its three-letter pieces: a "contains" pattern shorter than three
 * characters has none, so `ilike '%ab%'` would read every row of the organisation. Shorter terms
 * search name prefixes only (the (org_id, lower(name)) btrees) and never document numbers.
 */
export const MIN_CONTAINS_LENGTH = 3;
/** Customers whose documents are looked for: the first this many matching names. */
const MATCHING_CUSTOMERS_MAX = 100;

export type CommandDocumentHit = {
  id: string;
  kind: DocumentKind;
  number: string | null;
  status: DocumentStatus;
  issueDate: string;
  customerName: string;
};
export type CommandCustomerHit = { id: string; name: string; email: string | null; archived: boolean };
export type CommandItemHit = { id: string; name: string };
export type CommandSearchRows = { documents: CommandDocumentHit[]; customers: CommandCustomerHit[]; items: CommandItemHit[] };


/** A name (or other text column) that starts with the term, or contains it when the term is long enough for the trigram index. */
function textMatches(column: Parameters<typeof ilike>[0], term: string, lowered: SQL, contains: boolean): SQL {
  return contains ? ilike(column, `%${escapeLike(term)}%`) : sql`${lowered} like ${`${escapeLike(term.toLowerCase())}%`}`;
}

/**
 * The command menu's search over one organisation: documents by number or customer name,
 * customers by name or email, active items by name, at most COMMAND_GROUP_LIMIT of each.
 * Every query starts with the member's org_id; an empty term finds nothing.
 */
export async function searchCommandTargets(member: Member, rawTerm: string, tx?: Executor): Promise<CommandSearchRows> {
  const term = rawTerm.trim();
  if (!term) return { documents: [], customers: [], items: [] };
  const db = tx ?? (await getDb());
  const contains = term.length >= MIN_CONTAINS_LENGTH;
  const lowerName = sql`lower(${customers.name})`;
  const prefix = sql`${lowerName} like ${`${escapeLike(term.toLowerCase())}%`}`;
  const byName = and(eq(customers.orgId, member.orgId), textMatches(customers.name, term, lowerName, contains));
  const byNameOrEmail = and(
    eq(customers.orgId, member.orgId),
    or(textMatches(customers.name, term, lowerName, contains), textMatches(customers.email, term, sql`lower(${customers.email})`, contains)),
  );

  const [customerRows, itemRows, customerIds] = await Promise.all([
    db
      .select({ id: customers.id, name: customers.name, email: customers.email, archivedAt: customers.archivedAt })
      .from(customers)
      .where(byNameOrEmail)
      // Active customers first, then names that start with the term, then alphabetical.
      .orderBy(sql`${customers.archivedAt} is not null`, desc(prefix), asc(lowerName), asc(customers.id))
      .limit(COMMAND_GROUP_LIMIT),
    db
      .select({ id: items.id, name: items.name })
      .from(items)
      .where(and(eq(items.orgId, member.orgId), isNull(items.archivedAt), textMatches(items.name, term, sql`lower(${items.name})`, contains)))
      .orderBy(desc(sql`lower(${items.name}) like ${`${escapeLike(term.toLowerCase())}%`}`), asc(sql`lower(${items.name})`), asc(items.id))
      .limit(COMMAND_GROUP_LIMIT),
    db.select({ id: customers.id }).from(customers).where(byName).limit(MATCHING_CUSTOMERS_MAX).then((rows) => rows.map((r) => r.id)),
  ]);

  const byNumber = contains ? ilike(documents.number, `%${escapeLike(term)}%`) : undefined;
  const byCustomer = customerIds.length > 0 ? inArray(documents.customerId, customerIds) : undefined;
  const matching = byNumber && byCustomer ? or(byNumber, byCustomer) : (byNumber ?? byCustomer);
  const documentRows = matching
    ? (
        await Promise.all(
          (["invoice", "quote", "credit_note"] as const).map((kind) =>
            // Newest first. A literal id list and the number's trigram index let the planner pick
            // between the (org_id, kind, issue_date) walk (a broad term) and a bitmap of the few matches.
            db
              .select({ id: documents.id, kind: documents.kind, number: documents.number, status: documents.status, issueDate: documents.issueDate, customerId: documents.customerId })
              .from(documents)
              .where(and(eq(documents.orgId, member.orgId), eq(documents.kind, kind), matching))
              .orderBy(desc(documents.issueDate), desc(documents.id))
              .limit(COMMAND_GROUP_LIMIT),
          ),
        )
      ).flat()
    : [];

  const names = await customerNames(db, member, [...new Set(documentRows.map((d) => d.customerId))]);
  return {
    documents: documentRows.map(({ customerId, ...d }) => ({ ...d, customerName: names.get(customerId) ?? "" })),
    customers: customerRows.map(({ archivedAt, ...c }) => ({ ...c, archived: archivedAt !== null })),
    items: itemRows,
  };
}

async function customerNames(db: Executor, member: Member, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: customers.id, name: customers.name }).from(customers).where(and(eq(customers.orgId, member.orgId), inArray(customers.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
