import { AsyncLocalStorage } from "node:async_hooks";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/auth.config";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/data/audit";
import { findUserByEmail } from "@/lib/data/users";
import { loginSchema } from "@/lib/validation/auth";
import { consumeAll, rateLimiter, tooManyResponse, type Decision } from "@/lib/rate-limit";
import { requestMetaFrom, UNKNOWN_ADDRESS } from "@/lib/request-meta";
import { moduleLogger } from "@/lib/logger";

export class AccountDisabled extends CredentialsSignin {
  override code = "disabled";
}

export class TooManySignIns extends CredentialsSignin {
  override code = "rate_limited";
  constructor(readonly retryAfterS: number) {
    super();
  }
}

const log = moduleLogger("auth");

type Refusal = { decision?: Extract<Decision, { ok: false }> };
/** Lets authorize() tell the Auth.js route (below) that it refused on a limit; Auth.js only knows how to redirect. */
const signInRefusals = new AsyncLocalStorage<Refusal>();

/**
 * Runs Auth.js's own route handler. A sign-in refused by a rate limit is answered 429 with
 * Retry-After and the RateLimit fields instead of Auth.js's 302 to the error page, so a client
 * posting to /api/auth/callback/credentials directly learns when to come back.
 */
export async function answeringLimits(run: () => Promise<Response>): Promise<Response> {
  const refusal: Refusal = {};
  const response = await signInRefusals.run(refusal, run);
  return refusal.decision ? tooManyResponse(refusal.decision) : response;
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  ...authConfig,
  // Auth.js prints to the console with stack traces by default; ours go to the JSON log, and a
  // wrong password (already audited as a failed sign-in) is not an error worth a stack.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || error instanceof CredentialsSignin) return;
      log.error({ err: error }, "Auth.js error");
    },
    warn(code) {
      log.warn({ code }, "Auth.js warning");
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = loginSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const meta = requestMetaFrom(request.headers);
        // Here rather than in the login action, so posting to Auth.js's own callback URL is limited too.
        const account = email.toLowerCase();
        const limited = await consumeAll([["loginIp", meta.ip ?? UNKNOWN_ADDRESS], ["loginAccount", account]]);
        if (!limited.ok) {
          const refusal = signInRefusals.getStore();
          if (refusal) refusal.decision = limited;
          throw new TooManySignIns(limited.retryAfterS);
        }
        const user = await findUserByEmail(email);
        if (!user) {
          await verifyAgainstDummy(password);
          await recordAudit({ action: "auth.sign_in_failed", meta: { reason: "unknown_email" }, ...meta });
          return null;
        }
        if (!(await verifyPassword(user.passwordHash, password))) {
          await recordAudit({ action: "auth.sign_in_failed", actorUserId: user.id, meta: { reason: "wrong_password" }, ...meta });
          return null;
        }
        if (user.disabledAt) {
          await recordAudit({ action: "auth.sign_in_failed", actorUserId: user.id, meta: { reason: "disabled" }, ...meta });
          throw new AccountDisabled();
        }
        await rateLimiter().reset("loginAccount", account);
        await recordAudit({ action: "auth.sign_in", actorUserId: user.id, ...meta });
        return { id: user.id, name: user.name, email: user.email, sv: user.sessionVersion.getTime() };
      },
    }),
  ],
});
