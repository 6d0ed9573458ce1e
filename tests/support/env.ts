import { type Env, loadEnv } from "@/lib/env";

const globalForEnv = globalThis as unknown as { __smartInvoiceEnv?: Env };

/**
 * Runs `fn` with some environment values replaced, as a server started with them would see them
 * (lib/env.ts keeps the validated environment on globalThis), then puts the original back.
 */
export async function withEnv<T>(overrides: Partial<Env>, fn: () => Promise<T>): Promise<T> {
  const original = loadEnv();
  globalForEnv.__smartInvoiceEnv = { ...original, ...overrides };
  try {
    return await fn();
  } finally {
    globalForEnv.__smartInvoiceEnv = original;
  }
}

/** Production with neither SendGrid nor SMTP and DEBUG off: email reaches nobody (lib/mail/delivery.ts). */
export const NO_EMAIL_PROVIDER: Partial<Env> = { isProduction: true, DEBUG: false, SENDGRID_API_KEY: undefined, EMAIL_HOST: undefined };
