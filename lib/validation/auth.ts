import { APP_LANGUAGE_ERROR, APP_LANGUAGES } from "@/lib/i18n/app-language";
import { z } from "zod";
import { PASSWORD_MAX, passwordSchema } from "@/lib/auth/password-rules";
import { email, text } from "./common";

export const loginSchema = z.object({
  email,
  // Not the strength rules: an old password that predates them must still sign in.
  password: z.string().min(1, { error: "Enter your password." }).max(PASSWORD_MAX, { error: "Email or password is incorrect." }),
  next: z.string().optional(),
});

export const registerSchema = z.object({
  name: text("your name", 100),
  email,
  password: passwordSchema,
  organizationName: text("your business name", 200),
  invitation: z.string().max(200).optional(),
});

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({ token: z.string().min(1).max(200), password: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], error: "The passwords don't match." });

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, { error: "Enter your current password." }).max(PASSWORD_MAX), newPassword: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], error: "The passwords don't match." });

export const changeEmailSchema = z.object({
  newEmail: email,
  currentPassword: z.string().min(1, { error: "Enter your current password." }).max(PASSWORD_MAX),
});

export const changeNameSchema = z.object({ name: text("your name", 100) });

/** "" is "as my browser asks"; anything else must be one of the app's languages. */
export const changeLanguageSchema = z.object({ language: z.union([z.literal(""), z.enum(APP_LANGUAGES, { error: APP_LANGUAGE_ERROR })], { error: APP_LANGUAGE_ERROR }) });

