/**
 * Errors that are safe to show. Anything else is logged with its detail and answered with a
 * generic message: raw exception text never reaches a browser.
 */
export const errorStatus = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what = "That item") => new AppError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message = "You don't have permission to do that.") => new AppError("FORBIDDEN", message);
export const conflict = (message: string) => new AppError("CONFLICT", message);
export const badRequest = (message: string, fieldErrors?: Record<string, string>) =>
  new AppError("BAD_REQUEST", message, fieldErrors);

export const GENERIC_ERROR_MESSAGE = "Something went wrong on our side. Nothing was changed; please try again.";

/** Postgres unique violation, from either driver. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown };
  if (e?.code === "23505") return !constraint || (e.constraint_name ?? e.constraint) === constraint;
  return e?.cause ? isUniqueViolation(e.cause, constraint) : false;
}
