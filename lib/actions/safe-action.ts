import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { User } from "@/db/schema";
import type { RequestMeta } from "@/lib/data/context";
import { AppError, GENERIC_ERROR_MESSAGE, type ErrorCode } from "@/lib/errors";
import { moduleLogger } from "@/lib/logger";
import { requestMetaFrom } from "@/lib/request-meta";
import type { AppLanguage } from "@/lib/i18n/app-language";
import { localizeAppFieldErrors, localizeAppMessage } from "@/lib/i18n/app-messages";
import { formLevelMessage, localizeFieldErrors } from "@/lib/i18n/validation";
import { getAppLanguage, getMembership, getSessionUser, type MembershipContext } from "@/lib/session";

const log = moduleLogger("action");

/** The one result type every server action returns. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string> };

/** What a handler may return: data, and optionally a page to go to once the action has succeeded. */
export type Outcome<T> = { data: T; message?: string; redirectTo?: string };

function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * An error as the person reads it. Services raise AppErrors in English (they are logged that way
 * too); the English message is the id of its translation (lib/i18n/app-messages.ts).
 */
export function toFailure(error: unknown, language: AppLanguage): Extract<ActionResult, { ok: false }> {
  if (error instanceof AppError) {
    return { ok: false, code: error.code, message: localizeAppMessage(error.message, language), fieldErrors: localizeAppFieldErrors(error.fieldErrors, language) };
  }
  log.error({ err: error }, "action failed");
  return { ok: false, code: "INTERNAL", message: localizeAppMessage(GENERIC_ERROR_MESSAGE, language) };
}

/** The app language for an error, in English if the session cannot be read (the database may be what failed). */
const failureLanguage = (): Promise<AppLanguage> => getAppLanguage().catch(() => "en" as const);

async function run<S extends z.ZodType, T, C>(
  schema: S,
  raw: unknown,
  context: C,
  handler: (input: z.output<S>, context: C) => Promise<Outcome<T>>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    // The schemas speak English (the browser shares them); the person reads their app language.
    const language = await getAppLanguage();
    return { ok: false, code: "BAD_REQUEST", message: formLevelMessage("form.correctFields", language), fieldErrors: localizeFieldErrors(fieldErrorsOf(parsed.error), language) };
  }
  let outcome: Outcome<T>;
  try {
    outcome = await handler(parsed.data, context);
  } catch (error) {
    return toFailure(error, await failureLanguage());
  }
  // redirect() works by throwing, so it must stay outside the try above.
  if (outcome.redirectTo) redirect(outcome.redirectTo);
  // Most handlers word their success message from a catalog already; the rest speak English.
  const message = outcome.message === undefined ? undefined : localizeAppMessage(outcome.message, await getAppLanguage());
  return { ok: true, data: outcome.data, message };
}

const signedOut = async (): Promise<ActionResult<never>> => ({ ok: false, code: "UNAUTHENTICATED", message: formLevelMessage("form.signedOut", await getAppLanguage()) });

export type PublicContext = { meta: RequestMeta };
export type UserContext = PublicContext & { user: User };
export type MemberContext = PublicContext & { member: MembershipContext };

/** For actions anyone may call (sign-in, registration, password reset). */
export function publicAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, ctx: PublicContext) => Promise<Outcome<T>>) {
  return async (raw: unknown): Promise<ActionResult<T>> => run(schema, raw, { meta: requestMetaFrom(await headers()) }, handler);
}

/** For actions on the user's own account. */
export function userAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, ctx: UserContext) => Promise<Outcome<T>>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const user = await getSessionUser();
    if (!user) return signedOut();
    return run(schema, raw, { user, meta: requestMetaFrom(await headers()) }, handler);
  };
}

/**
 * For actions inside an organisation: the membership (and so orgId and role) comes from the
 * session. Role checks happen in the DAL call the handler makes.
 */
export function memberAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, ctx: MemberContext) => Promise<Outcome<T>>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const member = await getMembership();
    if (!member) return signedOut();
    return run(schema, raw, { member, meta: requestMetaFrom(await headers()) }, handler);
  };
}
