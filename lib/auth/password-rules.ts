import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "./password-limits";

export { PASSWORD_MAX, PASSWORD_MIN };

const common = new Set([
  "password123", "password1234", "1234567890", "qwertyuiop", "iloveyou12", "letmein123", "welcome123",
  "admin12345", "passw0rd12", "abcdefghij", "0123456789", "1111111111", "qwerty1234", "football12",
]);

/** Checked before hashing, so a megabyte "password" never reaches argon2. */
export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters.` })
  .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.` })
  .refine((p) => !common.has(p.toLowerCase()) && new Set(p).size >= 4, {
    error: "This password is too easy to guess. Try a few unrelated words.",
  });
