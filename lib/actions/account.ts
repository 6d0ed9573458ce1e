"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { signIn } from "@/lib/auth";
import { changePassword as changePasswordInDb, confirmEmailChange as confirmEmailChangeInDb, requestEmailChange, updateLanguage, updateName } from "@/lib/data/users";
import { emailChangeMessage } from "@/lib/mail/account-messages";
import { EMAIL_CHANGE_WITHOUT_EMAIL_MESSAGE, emailDelivery } from "@/lib/mail/delivery";
import { AppError } from "@/lib/errors";
import { appTranslator, preferredAppLanguage } from "@/lib/i18n/app-language";
import { changeEmailSchema, changeLanguageSchema, changeNameSchema, changePasswordSchema } from "@/lib/validation/auth";
import { catalogs } from "@/lib/i18n/catalogs/app/account";
import { catalogs as authCatalogs } from "@/lib/i18n/catalogs/app/auth";
import { getAppLanguage, getAppMessages } from "@/lib/session";
import { publicAction, userAction } from "./safe-action";
import { sendAfterResponse } from "./send-later";

export const changeName = userAction(changeNameSchema, async ({ name }, { user, meta }) => {
  await updateName(user.id, name, meta);
  revalidatePath("/", "layout");
  return { data: undefined, message: (await getAppMessages(catalogs))("msg.name") };
});

export const changeLanguage = userAction(changeLanguageSchema, async ({ language }, { user, meta }) => {
  await updateLanguage(user.id, language || null, meta);
  revalidatePath("/", "layout");
  // Confirmed in the language just chosen (this request's cached language is the old one).
  const chosen = language || preferredAppLanguage((await headers()).get("accept-language")) || "en";
  return { data: undefined, message: appTranslator(catalogs, chosen)("language.saved") };
});

export const changePassword = userAction(changePasswordSchema, async (input, { user, meta }) => {
  await changePasswordInDb(user.id, input, meta);
  // Other sessions end with the version bump; this one gets a fresh cookie with the new version.
  await signIn("credentials", { email: user.email, password: input.newPassword, redirect: false });
  return { data: undefined, message: (await getAppMessages(catalogs))("msg.password") };
});

export const changeEmail = userAction(changeEmailSchema, async (input, { user, meta }) => {
  if (emailDelivery() === "none") throw new AppError("CONFLICT", EMAIL_CHANGE_WITHOUT_EMAIL_MESSAGE);
  const request = await requestEmailChange(user.id, input, meta);
  await sendAfterResponse(emailChangeMessage({ name: user.name, newEmail: request.newEmail, token: request.token, language: await getAppLanguage() }));
  return { data: undefined, message: (await getAppMessages(catalogs))("msg.emailSent", { email: request.newEmail }) };
});

export const confirmEmailChange = publicAction(z.object({ token: z.string().min(1).max(200) }), async ({ token }, { meta }) => {
  const t = await getAppMessages(authCatalogs);
  // The data layer words these in English; this page is in the app language.
  await confirmEmailChangeInDb(token, meta).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "BAD_REQUEST") throw new AppError(error.code, t("error.invalidLink"));
    if (error instanceof AppError && error.code === "CONFLICT") throw new AppError(error.code, t("error.emailTaken"));
    throw error;
  });
  return { data: undefined, message: t("confirm.done") };
});
