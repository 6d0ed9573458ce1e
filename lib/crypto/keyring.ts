import { env, type Env } from "@/lib/env";
import { createKeyring, type Keyring } from "./index";

/**
 * The keyring from configuration: ENCRYPTION_KEY (default SECRET_KEY) is version
 * ENCRYPTION_KEY_VERSION and encrypts; ENCRYPTION_KEYS_PREVIOUS keeps retired versions readable
 * until `npm run keys:rotate` has moved every value off them.
 */
export function keyringFromEnv(e: Pick<Env, "ENCRYPTION_KEY" | "ENCRYPTION_KEY_VERSION" | "ENCRYPTION_KEYS_PREVIOUS" | "ENCRYPTION_SALT">): Keyring {
  return createKeyring({
    current: { version: e.ENCRYPTION_KEY_VERSION, secret: e.ENCRYPTION_KEY },
    previous: e.ENCRYPTION_KEYS_PREVIOUS,
    salt: e.ENCRYPTION_SALT,
  });
}

const g = globalThis as unknown as { __smartInvoiceKeyring?: Keyring };

/** The keyring the data-access layer encrypts and decrypts with (derived once per process). */
export function activeKeyring(): Keyring {
  return (g.__smartInvoiceKeyring ??= keyringFromEnv(env));
}

/**
 * Replaces the process's keyring; null goes back to the configured one. For tests that play a
 * key rotation through within one process; the app and scripts only ever use the configuration.
 */
export function setActiveKeyring(keyring: Keyring | null): void {
  g.__smartInvoiceKeyring = keyring ?? undefined;
}
