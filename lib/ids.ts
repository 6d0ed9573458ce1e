import { z } from "zod";

/**
 * The one place that decides whether a string from a URL, a form or a JSON payload is a record id.
 * Every key is a Postgres uuid; anything Postgres would refuse ("-" × 36, "{…}", 32 bare hex
 * digits, a trailing space) must be "not found" before it reaches a query, or the query fails
 * with a 500. Only the canonical 8-4-4-4-12 hex form is accepted; upper case is folded to the
 * lower case Postgres prints, so the same id always compares equal. Version and variant bits are
 * not checked (unlike zod's z.uuid()): a row's key is whatever the database holds.
 */
const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parseId(value: unknown): string | null {
  if (typeof value !== "string" || value.length !== 36) return null;
  const lower = value.toLowerCase();
  return CANONICAL.test(lower) ? lower : null;
}

export const isId = (value: unknown): value is string => parseId(value) !== null;

/** An id field in an action payload; `message` is the field error a user sees ("Choose a customer."). */
export const idField = (message = "Unknown record.") =>
  z
    .string({ error: message })
    .refine(isId, { error: message })
    .transform((v) => v.toLowerCase());

/** An id with the generic message, for payloads whose ids come from links and buttons rather than inputs. */
export const idSchema = idField();
