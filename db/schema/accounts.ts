import { sql } from "drizzle-orm";
import { boolean, char, check, customType, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, jsonb, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    isPlatformAdmin: boolean("is_platform_admin").notNull().default(false),
    // The language of the app's screens ("en", "de"); null follows the browser's Accept-Language.
    language: text("language"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    // Bumped on password change: sessions carrying an older value are rejected.
    sessionVersion: timestamp("session_version", { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    // Sign-in and registration look users up by email, case-insensitively; the index also makes
    // two simultaneous registrations with the same address produce exactly one account.
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
  ],
);

export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  legalName: text("legal_name"),
  addressLine1: text("address_line1"),
  addressLine2: text("address_line2"),
  city: text("city"),
  postalCode: text("postal_code"),
  region: text("region"),
  country: char("country", { length: 2 }),
  email: text("email"),
  phone: text("phone"),
  website: text("website"),
  taxId: text("tax_id"),
  bankDetails: text("bank_details"),
  /** BT-32 seller tax registration (a national tax number, e.g. Germany's Steuernummer), beside the VAT id in tax_id. */
  taxRegistrationId: text("tax_registration_id"),
  /** BT-30 legal registration (trade register number, SIREN…): identifies a seller that shows no VAT id (BR-CO-26). */
  legalRegistrationId: text("legal_registration_id"),
  /** BT-34: where the organisation receives e-invoices (Peppol participant id, email…) and its EAS scheme. */
  electronicAddress: text("electronic_address"),
  electronicAddressScheme: text("electronic_address_scheme"),
  /** BG-6 seller contact (XRechnung requires a name, phone and email). */
  contactName: text("contact_name"),
  /** BG-17 the account customers pay into (credit transfer). */
  iban: text("iban"),
  bic: text("bic"),
  /** Default e-invoice format for documents: none, xrechnung-ubl, xrechnung-cii, peppol-bis, factur-x. */
  einvoiceFormat: text("einvoice_format").notNull().default("none"),
  defaultCurrency: char("default_currency", { length: 3 }).notNull().default("USD"),
  locale: text("locale").notNull().default("en-US"),
  timeZone: text("time_zone").notNull().default("UTC"),
  paymentTermsDays: integer("payment_terms_days").notNull().default(30),
  brandColor: text("brand_color").notNull().default("#1d4ed8"),
  /** Tokens: {YYYY} year, {YY}, {SEQ} or {SEQ:n} zero-padded sequence. */
  invoiceNumberFormat: text("invoice_number_format").notNull().default("INV-{YYYY}-{SEQ:4}"),
  quoteNumberFormat: text("quote_number_format").notNull().default("QUO-{YYYY}-{SEQ:4}"),
  creditNoteNumberFormat: text("credit_note_number_format").notNull().default("CN-{YYYY}-{SEQ:4}"),
  numberingResetsYearly: boolean("numbering_resets_yearly").notNull().default(true),
  rounding: text("rounding").$type<"line" | "document">().notNull().default("line"),
  defaultNotes: text("default_notes"),
  defaultTerms: text("default_terms"),
  defaultFooter: text("default_footer"),
  onboardedAt: timestamp("onboarded_at", { withTimezone: true }),
  ...timestamps,
}, (t) => [
  check("organizations_einvoice_format_check", sql`${t.einvoiceFormat} in ('none','xrechnung-ubl','xrechnung-cii','peppol-bis','factur-x')`),
]);

/** Kept apart from organizations so listing organisations never drags image bytes along. */
export const organizationLogos = pgTable("organization_logos", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  contentType: text("content_type").notNull(),
  bytes: bytea("bytes").notNull(),
  ...timestamps,
});

export const memberRole = pgEnum("member_role", ["owner", "admin", "member"]);

export const memberships = pgTable(
  "memberships",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole("role").notNull().default("member"),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    // "Which organisations does this user belong to" (org switcher, session membership lookup).
    index("memberships_user_id_idx").on(t.userId),
  ],
);

export const authTokenKind = pgEnum("auth_token_kind", ["password_reset", "email_change"]);

/** Single-use links sent by email. Only a SHA-256 of the token is stored. */
export const authTokens = pgTable(
  "auth_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: authTokenKind("kind").notNull(),
    tokenHash: text("token_hash").notNull(),
    newEmail: text("new_email"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    // Redeeming a link looks the token up by its hash.
    uniqueIndex("auth_tokens_token_hash_key").on(t.tokenHash),
    index("auth_tokens_user_id_idx").on(t.userId),
  ],
);

/**
 * Sessions ended by "Sign out". Sessions are stateless JWTs, so the cookie of a signed-out session
 * stays cryptographically valid until it expires; its id (the JWT's `sid`) is listed here and
 * refused. A row is useless once the session would have expired anyway (`expires_at`, the
 * absolute session lifetime after sign-out) and is pruned then.
 */
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sid: text("sid").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  // Pruning deletes the rows past expires_at.
  (t) => [index("revoked_sessions_expires_at_idx").on(t.expiresAt)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: memberRole("role").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedById: uuid("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    // Accepting an invitation looks it up by the hash of the emailed token.
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    // The team page lists an organisation's pending invitations.
    index("invitations_org_id_created_at_idx").on(t.orgId, t.createdAt),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").references(() => organizations.id, { onDelete: "cascade" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    meta: jsonb("meta").$type<Record<string, unknown>>(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    // /settings/audit: an organisation's events, newest first, paginated.
    index("audit_log_org_id_created_at_idx").on(t.orgId, t.createdAt.desc()),
    // Platform-level events (failed sign-ins for unknown users) and per-user history.
    index("audit_log_actor_user_id_created_at_idx").on(t.actorUserId, t.createdAt.desc()),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Organization = typeof organizations.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type MemberRole = (typeof memberRole.enumValues)[number];
export type AuditEntry = typeof auditLog.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
