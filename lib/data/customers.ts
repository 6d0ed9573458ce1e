import "server-only";
/**
 * Customers and their contacts: list, read, create, update, archive, delete, the editor's picker and
 * the snapshot an issued document keeps. Just over 300 lines: one record's whole lifecycle, each
 * change audited.
 */
import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, notInArray, or, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { type Customer, type CustomerContact, customerContacts, type CustomerSnapshot, customers, documents } from "@/db/schema";
import { AppError, badRequest, conflict, isUniqueViolation, notFound } from "@/lib/errors";
import { isLanguage, LANGUAGE_ERROR } from "@/lib/i18n/languages";
import type { SortDir } from "@/lib/list-url-state";
import { auditMemberChange } from "./audit";
import { assertCan, type Member, type RequestMeta } from "./context";
import { openCustomer, sealCustomer, type Unreadable } from "./encrypted-fields";
import { escapeLike } from "./like";

export type CustomerStatus = "active" | "archived" | "all";
export type CustomerSort = "name" | "created";
/** The list pages' sort direction (lib/list-url-state.ts), re-exported for the data layer's callers. */
export type { SortDir } from "@/lib/list-url-state";

export type ContactInput = { id?: string | null; name: string | null; email: string; isPrimary: boolean };
export type CustomerInput = {
  name: string;
  email: string | null;
  phone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  postalCode: string | null;
  region: string | null;
  country: string | null;
  taxId: string | null;
  currency: string | null;
  language?: string | null;
  paymentTermsDays: number | null;
  notes: string | null;
  /** E-invoice terms, stored in clear: an address for e-invoices and a buyer reference are printed on every invoice and are no secret. */
  buyerReference?: string | null;
  electronicAddress?: string | null;
  electronicAddressScheme?: string | null;
  /** null = the organisation's default; "none" = PDF only. */
  einvoiceFormat?: string | null;
  contacts: ContactInput[];
};

export const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 100;
const HAS_DOCUMENTS = "This customer has documents; archive it instead.";
const TWO_PRIMARIES = "Choose one primary contact.";

export function pageOf(page: number | undefined, pageSize: number | undefined) {
  const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(pageSize ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE));
  const number = Math.max(1, Math.trunc(page ?? 1) || 1);
  return { size, number, offset: (number - 1) * size };
}

export type ListCustomersOptions = { q?: string; status?: CustomerStatus; sort?: CustomerSort; dir?: SortDir; page?: number; pageSize?: number };

/** The customer list: search (name or email, case-insensitive), status filter, sort and pages, all in SQL. */
export async function listCustomers(member: Member, options: ListCustomersOptions = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  const { q, status = "active", sort = "name", dir = "asc" } = options;
  const { size, offset } = pageOf(options.page, options.pageSize);
  const conditions: (SQL | undefined)[] = [eq(customers.orgId, member.orgId)];
  if (status === "active") conditions.push(isNull(customers.archivedAt));
  if (status === "archived") conditions.push(isNotNull(customers.archivedAt));
  const term = q?.trim();
  if (term) {
    const pattern = `%${escapeLike(term)}%`;
    conditions.push(or(ilike(customers.name, pattern), ilike(customers.email, pattern)));
  }
  const where = and(...conditions);
  const order = dir === "desc" ? desc : asc;
  // The id breaks ties so pages never overlap or skip rows.
  const orderBy = sort === "created" ? [order(customers.createdAt), order(customers.id)] : [order(sql`lower(${customers.name})`), order(customers.id)];
  const rows = await db
    .select({
      id: customers.id,
      name: customers.name,
      email: customers.email,
      city: customers.city,
      country: customers.country,
      currency: customers.currency,
      archivedAt: customers.archivedAt,
      createdAt: customers.createdAt,
    })
    .from(customers)
    .where(where)
    .orderBy(...orderBy)
    .limit(size)
    .offset(offset);
  const [totalRow] = await db.select({ total: count() }).from(customers).where(where);
  return { rows, total: totalRow?.total ?? 0, page: Math.floor(offset / size) + 1, pageSize: size };
}

export type CustomerWithContacts = Customer & Unreadable & { contacts: CustomerContact[] };

export async function getCustomer(member: Member, id: string, tx?: Executor): Promise<CustomerWithContacts> {
  const db = tx ?? (await getDb());
  const [customer] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.orgId, member.orgId), eq(customers.id, id)))
    .limit(1);
  if (!customer) throw notFound("Customer");
  const contacts = await listContacts(db, member.orgId, id);
  return { ...openCustomer(customer), contacts };
}

function listContacts(db: Executor, orgId: string, customerId: string) {
  return db
    .select()
    .from(customerContacts)
    .where(and(eq(customerContacts.orgId, orgId), eq(customerContacts.customerId, customerId)))
    .orderBy(desc(customerContacts.isPrimary), asc(customerContacts.createdAt), asc(customerContacts.id));
}

/** At most one primary; when there are contacts and none is marked, the first becomes primary. */
function normalizeContacts(contacts: ContactInput[]): ContactInput[] {
  if (contacts.filter((c) => c.isPrimary).length > 1) throw badRequest(TWO_PRIMARIES, { contacts: TWO_PRIMARIES });
  if (contacts.length > 0 && !contacts.some((c) => c.isPrimary)) return contacts.map((c, i) => ({ ...c, isPrimary: i === 0 }));
  return contacts;
}

/** The row's columns, with the sensitive ones encrypted for this customer's id. */
function customerValues(id: string, input: CustomerInput) {
  // The document language prints every PDF and page for this customer: only a launch language or none.
  if (input.language && !isLanguage(input.language)) throw badRequest(LANGUAGE_ERROR, { language: LANGUAGE_ERROR });
  return sealCustomer(id, {
    name: input.name,
    email: input.email,
    phone: input.phone,
    addressLine1: input.addressLine1,
    addressLine2: input.addressLine2,
    city: input.city,
    postalCode: input.postalCode,
    region: input.region,
    country: input.country,
    taxId: input.taxId,
    currency: input.currency,
    language: input.language || null,
    paymentTermsDays: input.paymentTermsDays,
    notes: input.notes,
    buyerReference: input.buyerReference ?? null,
    electronicAddress: input.electronicAddress ?? null,
    electronicAddressScheme: input.electronicAddressScheme ?? null,
    einvoiceFormat: input.einvoiceFormat ?? null,
  });
}

/** The partial unique index on the primary contact is the last line of defence against a race. */
function rethrowPrimary(error: unknown): never {
  if (isUniqueViolation(error, "customer_contacts_one_primary_key")) throw new AppError("CONFLICT", TWO_PRIMARIES, { contacts: TWO_PRIMARIES });
  throw error;
}

/** The customer and its contacts are written in one transaction. */
export async function createCustomer(member: Member, input: CustomerInput, meta: RequestMeta = {}, tx?: Executor): Promise<CustomerWithContacts> {
  const db = tx ?? (await getDb());
  assertCan(member, "customers.manage");
  const contacts = normalizeContacts(input.contacts);
  try {
    return await db.transaction(async (tx) => {
      // The id is chosen here because it is bound into the tax id's ciphertext.
      const id = randomUUID();
      const [row] = await tx
        .insert(customers)
        .values({ id, orgId: member.orgId, ...customerValues(id, input) })
        .returning();
      const customer = openCustomer(row!);
      const inserted = contacts.length
        ? await tx
            .insert(customerContacts)
            .values(contacts.map((c) => ({ orgId: member.orgId, customerId: customer.id, name: c.name, email: c.email, isPrimary: c.isPrimary })))
            .returning()
        : [];
      await auditMemberChange(member, "customer.created", { type: "customer", id }, meta, { name: customer.name }, tx);
      return { ...customer, contacts: inserted.sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary)) };
    });
  } catch (error) {
    rethrowPrimary(error);
  }
}

/**
 * Replaces the customer's fields and its contact list in one transaction: contacts with an id are
 * updated, contacts without one are added, and the customer's other contacts are removed.
 */
export async function updateCustomer(
  member: Member,
  input: CustomerInput & { id: string },
  meta: RequestMeta = {},
  tx?: Executor,
): Promise<CustomerWithContacts> {
  const db = tx ?? (await getDb());
  assertCan(member, "customers.manage");
  const contacts = normalizeContacts(input.contacts);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(customers)
        .set(customerValues(input.id, input))
        .where(and(eq(customers.orgId, member.orgId), eq(customers.id, input.id)))
        .returning();
      if (!row) throw notFound("Customer");
      const customer = openCustomer(row);
      const scope = and(eq(customerContacts.orgId, member.orgId), eq(customerContacts.customerId, customer.id));
      const keep = contacts.flatMap((c) => (c.id ? [c.id] : []));
      await tx.delete(customerContacts).where(keep.length ? and(scope, notInArray(customerContacts.id, keep)) : scope);
      // Clear the primary flag first: the partial unique index is not deferrable, so moving the
      // flag from one contact to another row by row would collide half-way.
      await tx.update(customerContacts).set({ isPrimary: false }).where(and(scope, eq(customerContacts.isPrimary, true)));
      for (const c of contacts) {
        if (c.id) {
          const [row] = await tx
            .update(customerContacts)
            .set({ name: c.name, email: c.email, isPrimary: c.isPrimary })
            .where(and(scope, eq(customerContacts.id, c.id)))
            .returning({ id: customerContacts.id });
          if (!row) throw notFound("Contact");
        } else {
          await tx.insert(customerContacts).values({ orgId: member.orgId, customerId: customer.id, name: c.name, email: c.email, isPrimary: c.isPrimary });
        }
      }
      await auditMemberChange(member, "customer.updated", { type: "customer", id: customer.id }, meta, { name: customer.name }, tx);
      return { ...customer, contacts: await listContacts(tx, member.orgId, customer.id) };
    });
  } catch (error) {
    rethrowPrimary(error);
  }
}

/** Archived customers leave the list's default view and the pickers; their documents stay. Idempotent. */
export async function archiveCustomer(member: Member, id: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "customers.manage");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(customers)
      .set({ archivedAt: sql`coalesce(${customers.archivedAt}, now())` })
      .where(and(eq(customers.orgId, member.orgId), eq(customers.id, id)))
      .returning();
    if (!row) throw notFound("Customer");
    await auditMemberChange(member, "customer.archived", { type: "customer", id }, meta, { name: row.name }, tx);
    return openCustomer(row);
  });
}

export async function unarchiveCustomer(member: Member, id: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "customers.manage");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(customers)
      .set({ archivedAt: null })
      .where(and(eq(customers.orgId, member.orgId), eq(customers.id, id)))
      .returning();
    if (!row) throw notFound("Customer");
    await auditMemberChange(member, "customer.unarchived", { type: "customer", id }, meta, { name: row.name }, tx);
    return openCustomer(row);
  });
}

/**
 * Deletes a customer that has no documents (its contacts go with it). The row is locked first,
 * which blocks a concurrent document insert (its foreign-key check needs a key-share lock on the
 * customer); the `restrict` foreign key on documents backs this up.
 */
export async function deleteCustomer(member: Member, id: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "customers.manage");
  try {
    await db.transaction(async (tx) => {
      const [customer] = await tx
        .select({ id: customers.id, name: customers.name })
        .from(customers)
        .where(and(eq(customers.orgId, member.orgId), eq(customers.id, id)))
        .for("update");
      if (!customer) throw notFound("Customer");
      const [doc] = await tx
        .select({ id: documents.id })
        .from(documents)
        .where(and(eq(documents.orgId, member.orgId), eq(documents.customerId, id)))
        .limit(1);
      if (doc) throw conflict(HAS_DOCUMENTS);
      await tx.delete(customers).where(and(eq(customers.orgId, member.orgId), eq(customers.id, id)));
      await auditMemberChange(member, "customer.deleted", { type: "customer", id }, meta, { name: customer.name }, tx);
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw conflict(HAS_DOCUMENTS);
    throw error;
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: unknown };
  if (e?.code === "23503") return true;
  return e?.cause ? isForeignKeyViolation(e.cause) : false;
}

/**
 * The invoice editor's customer picker: active customers whose name starts with or contains `q`,
 * names that start with it first. The prefix test uses the (org_id, lower(name)) index.
 */
export async function searchCustomersForPicker(member: Member, q: string, limit = 10, tx?: Executor) {
  const db = tx ?? (await getDb());
  const term = q.trim().toLowerCase();
  const prefix = sql`lower(${customers.name}) like ${`${escapeLike(term)}%`}`;
  const conditions: (SQL | undefined)[] = [eq(customers.orgId, member.orgId), isNull(customers.archivedAt)];
  if (term) conditions.push(or(prefix, ilike(customers.name, `%${escapeLike(term)}%`)));
  return db
    .select({
      id: customers.id,
      name: customers.name,
      email: customers.email,
      currency: customers.currency,
      paymentTermsDays: customers.paymentTermsDays,
    })
    .from(customers)
    .where(and(...conditions))
    .orderBy(...(term ? [desc(prefix)] : []), asc(sql`lower(${customers.name})`), asc(customers.id))
    .limit(Math.min(50, Math.max(1, limit)));
}

/** What a document records about its customer when issued (see CustomerSnapshot). */
export function customerSnapshot(customer: Customer): CustomerSnapshot {
  const cityLine = [customer.postalCode, customer.city].filter(Boolean).join(" ");
  const addressLines = [customer.addressLine1, customer.addressLine2, cityLine, customer.region, customer.country].filter(
    (line): line is string => !!line && line.trim() !== "",
  );
  return {
    name: customer.name,
    email: customer.email,
    addressLines,
    taxId: customer.taxId,
    // Field by field for e-invoices (BG-8), which cannot parse the printed lines back.
    address: {
      line1: customer.addressLine1,
      line2: customer.addressLine2,
      city: customer.city,
      postalCode: customer.postalCode,
      region: customer.region,
      country: customer.country,
    },
    buyerReference: customer.buyerReference,
    electronicAddress: customer.electronicAddress,
    electronicAddressScheme: customer.electronicAddressScheme,
    // Only when set, so snapshots of customers without one stay as they were.
    ...(customer.language ? { language: customer.language } : {}),
  };
}
