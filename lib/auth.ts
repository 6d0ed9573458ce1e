import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/auth.config";
import { getDb } from "@/db";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/data/audit";
import { findUserByEmail } from "@/lib/data/users";
import { loginSchema } from "@/lib/validation/auth";
import { consumeAll, rateLimiter } from "@/lib/rate-limit";
import { requestMetaFrom } from "@/lib/request-meta";
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
        const limited = await consumeAll([["loginIp", meta.ip ?? "direct"], ["loginAccount", account]]);
        if (!limited.ok) throw new TooManySignIns(limited.retryAfterS);
        const db = await getDb();
        const user = await findUserByEmail(db, email);
        if (!user) {
          await verifyAgainstDummy(password);
          await recordAudit(db, { action: "auth.sign_in_failed", meta: { reason: "unknown_email" }, ...meta });
          return null;
        }
        if (!(await verifyPassword(user.passwordHash, password))) {
          await recordAudit(db, { action: "auth.sign_in_failed", actorUserId: user.id, meta: { reason: "wrong_password" }, ...meta });
          return null;
        }
        if (user.disabledAt) {
          await recordAudit(db, { action: "auth.sign_in_failed", actorUserId: user.id, meta: { reason: "disabled" }, ...meta });
          throw new AccountDisabled();
        }
        await rateLimiter().reset("loginAccount", account);
        await recordAudit(db, { action: "auth.sign_in", actorUserId: user.id, ...meta });
        return { id: user.id, name: user.name, email: user.email, sv: user.sessionVersion.getTime() };
      },
    }),
  ],
});
