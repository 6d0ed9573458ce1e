/**
 * `npm run create-admin -- --email you@example.com [--name "Your Name"]`
 * Creates a platform administrator or promotes an existing user (like Django's createsuperuser).
 * The password is asked at the prompt, or read from ADMIN_PASSWORD when not interactive.
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDb } from "@/db";
import { passwordSchema } from "@/lib/auth/password-rules";
import { upsertPlatformAdmin } from "@/lib/data/admin";
import { describeDbError } from "@/lib/db-errors";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } }, allowPositionals: false, strict: false });
const email = z.email().safeParse(values.email);
if (!email.success) fail('Usage: npm run create-admin -- --email you@example.com [--name "Your Name"]');

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) fail("No terminal to ask for a password: set ADMIN_PASSWORD.");
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: echo nothing while the prompt is open.
  const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.includes("Password")) write.call(rl, s);
  };
  const first = await rl.question("Password: ");
  process.stdout.write("\n");
  const second = await rl.question("Password (again): ");
  process.stdout.write("\n");
  rl.close();
  if (first !== second) fail("The passwords don't match. Nothing was changed.");
  return first;
}

const password = await readPassword();
const strength = passwordSchema.safeParse(password);
if (!strength.success) fail(`Password not accepted: ${strength.error.issues[0]?.message ?? "too weak"} Nothing was changed.`);

try {
  const { user, created } = await upsertPlatformAdmin({ email: email.data, password, name: typeof values.name === "string" ? values.name : undefined });
  console.log(`${created ? "Created" : "Promoted"} platform administrator ${user.email}. Sign in and open /admin.`);
  await closeDb();
} catch (error) {
  fail(`Could not create the administrator: ${describeDbError(error)}.`);
}
