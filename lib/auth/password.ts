import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { PASSWORD_MAX } from "./password-rules";

// OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, parallelism 1.
const options = { algorithm: 2 /* Algorithm.Argon2id: a const enum, not importable under isolatedModules */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check so the response does not reveal whether an email exists. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash("dummy password that never matches", options);
  await verifyPassword(await dummyHash, password.slice(0, PASSWORD_MAX));
  return false;
}
