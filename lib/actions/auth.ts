"use server";

import { AuthError } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { authConfig, SESSION_COOKIE } from "@/auth.config";
import { z } from "zod";
import { AccountDisabled, signIn, signOut, TooManySignIns } from "@/lib/auth";
import { consumeAll, peekAll, type LimitName } from "@/lib/rate-limit";
import { acceptInvitation, unsafeFindInvitation } from "@/lib/data/team";
import { createPasswordReset, registerAccount, resetPassword as resetPasswordInDb } from "@/lib/data/users";
import type { RequestMeta } from "@/lib/data/context";
import { endAllSessions, revokeSession } from "@/lib/data/sessions";
import { requestMetaFrom, UNKNOWN_ADDRESS } from "@/lib/request-meta";
import { appLanguage } from "@/lib/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/auth";
import { passwordResetMessage } from "@/lib/mail/account-messages";
import { emailDelivery } from "@/lib/mail/delivery";
import { AppError } from "@/lib/errors";
import { safeNextPath } from "@/lib/urls";
import { fieldsOf, toFormState, type FormState } from "@/lib/form-state";
import { forgotPasswordSchema, loginSchema, registerSchema, resetPasswordSchema } from "@/lib/validation/auth";
import { getAppMessages, getCurrentSession, getSessionUser, setActiveOrganization } from "@/lib/session";
import { publicAction } from "./safe-action";
import { sendAfterResponse } from "./send-later";

const messages = () => getAppMessages(catalogs);

/** "Too many attempts. Try again in N seconds/minutes.", in the app language. */
async function tooMany(retryAfterS: number): Promise<AppError> {
  const t = await messages();
  const [key, count] = retryAfterS < 60 ? (["error.tooManySeconds", retryAfterS] as const) : (["error.tooManyMinutes", Math.ceil(retryAfterS / 60)] as const);
  // The number as plain digits (no grouping), as the message always showed it.
  return new AppError("RATE_LIMITED", t(key, { count, n: String(count) }));
}

async function establishSession(email: string, password: string) {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof TooManySignIns) throw await tooMany(error.retryAfterS);
    if (error instanceof AccountDisabled) throw new AppError("FORBIDDEN", (await messages())("error.disabled"));
    if (error instanceof AuthError) throw new AppError("UNAUTHENTICATED", (await messages())("error.wrongCredentials"));
    throw error;
  }
}

/** Refuses with the form's "try again in N minutes" message once any of the limits is reached. */
async function limit(checks: [LimitName, string | null | undefined][]): Promise<void> {
  const decision = await consumeAll(checks.map(([name, key]) => [name, key ?? UNKNOWN_ADDRESS]));
  if (!decision.ok) throw await tooMany(decision.retryAfterS);
}

/** The data layer words a used or expired link in English; the forms say it in the app language. */
async function rewordInvalidLink(error: unknown): Promise<never> {
  if (error instanceof AppError && error.code === "BAD_REQUEST") throw new AppError(error.code, (await messages())("error.invalidLink"));
  throw error;
}

const signInWith = publicAction(loginSchema, async ({ email, password, next }) => {
  await establishSession(email, password);
  return { data: undefined, redirectTo: safeNextPath(next) };
});

const registerWith = publicAction(registerSchema, async (input, { meta }) => {
  // The sign-in that follows must not be refused after the account exists: check its limits first
  // (without spending them; establishSession does), then spend the registration limit.
  const signInLimits = await peekAll([["loginIp", meta.ip ?? UNKNOWN_ADDRESS], ["loginAccount", input.email.toLowerCase()]]);
  if (!signInLimits.ok) throw await tooMany(signInLimits.retryAfterS);
  await limit([["register", meta.ip]]);
  const { user } = await registerAccount(input, meta).catch(async (error: unknown) => {
    if (!(error instanceof AppError && error.code === "CONFLICT")) throw error;
    const taken = (await messages())("error.emailTaken");
    throw new AppError("CONFLICT", taken, { email: taken });
  });
  let invited = false;
  if (input.invitation) {
    try {
      await acceptInvitation(user, input.invitation, meta);
      invited = true;
    } catch {
      // The account exists either way; the invitation page explains what went wrong if they go back to it.
    }
  }
  await establishSession(input.email, input.password);
  return { data: undefined, redirectTo: invited ? "/dashboard" : "/onboarding" };
});

/** Ends this session for good (its cookie is refused even if replayed) and clears the cookie. */
async function endThisSession(meta: RequestMeta): Promise<void> {
  const current = await getCurrentSession();
  if (current) await revokeSession({ sid: current.sid, userId: current.user.id }, meta);
  await signOut({ redirect: false });
  // Auth.js only clears the cookie it found in the request; clear ours explicitly, with the same
  // attributes it was set with (a __Host- cookie is only replaced by a Secure one).
  (await cookies()).set(SESSION_COOKIE, "", { ...authConfig.cookies.sessionToken.options, maxAge: 0 });
}

export async function logout(): Promise<void> {
  await endThisSession(requestMetaFrom(await headers()));
  redirect("/login?signedOut=1");
}

/** "Sign out everywhere" (account settings): every session of this user ends, this one included. */
export async function logoutEverywhere(): Promise<void> {
  const meta = requestMetaFrom(await headers());
  const user = await getSessionUser();
  if (user) await endAllSessions(user.id, meta);
  await endThisSession(meta);
  redirect("/login?signedOut=everywhere");
}

const sendPasswordReset = publicAction(forgotPasswordSchema, async ({ email }, { meta }) => {
  await limit([["resetIp", meta.ip], ["resetEmail", email.toLowerCase()]]);
  // The same answer for every address (it says nothing about accounts), and no reset that could never arrive.
  if (emailDelivery() === "none") throw new AppError("CONFLICT", (await messages())("forgot.noEmail"));
  const reset = await createPasswordReset(email, meta);
  if (reset) {
    const language = appLanguage(reset.user.language, (await headers()).get("accept-language"));
    await sendAfterResponse(passwordResetMessage({ ...reset, language }));
  }
  // The same answer whether or not the address is known, and the email goes out after the response.
  return { data: undefined, message: (await messages())("forgot.answer") };
});

const setNewPassword = publicAction(resetPasswordSchema, async ({ token, password }, { meta }) => {
  await limit([["resetIp", meta.ip]]);
  await resetPasswordInDb(token, password, meta).catch(rewordInvalidLink);
  return { data: undefined, redirectTo: "/login?reset=1" };
});

/*
 * The sign-in, registration and password forms post FormData through React's useActionState
 * (components/forms/use-form-action.ts): each takes the previous state and the form, runs the action
 * above (the schema parses again what the browser already checked) and answers with the state the form
 * shows, or redirects. Passwords are never sent back.
 */
export async function login(_state: FormState, form: FormData): Promise<FormState> {
  return toFormState(await signInWith(fieldsOf(form, ["email", "password", "next"])), fieldsOf(form, ["email"]));
}

export async function register(_state: FormState, form: FormData): Promise<FormState> {
  const values = fieldsOf(form, ["name", "email", "organizationName"]);
  return toFormState(await registerWith(fieldsOf(form, ["name", "email", "password", "organizationName", "invitation"])), values);
}

export async function forgotPassword(_state: FormState, form: FormData): Promise<FormState> {
  return toFormState(await sendPasswordReset(fieldsOf(form, ["email"])), fieldsOf(form, ["email"]));
}

export async function resetPassword(_state: FormState, form: FormData): Promise<FormState> {
  return toFormState(await setNewPassword(fieldsOf(form, ["token", "password", "confirmPassword"])), {});
}

export const acceptInvitationAction = publicAction(z.object({ token: z.string().min(1).max(200) }), async ({ token }, { meta }) => {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", (await messages())("invite.signInFirst"));
  const invitation = await acceptInvitation(user, token, meta).catch(async (error: unknown) => {
    if (!(error instanceof AppError)) throw error;
    const t = await messages();
    if (error.code === "BAD_REQUEST") throw new AppError(error.code, t("invite.invalid"));
    // Sent to another address: say which, as the data layer does.
    const pending = error.code === "FORBIDDEN" ? await unsafeFindInvitation(token) : null;
    throw pending ? new AppError(error.code, t("invite.otherAddress", { email: pending.email })) : error;
  });
  await setActiveOrganization(invitation.orgId);
  return { data: undefined, redirectTo: "/dashboard" };
});
