import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/auth.config";
import { getDb } from "@/db";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/data/audit";
import { findUserByEmail } from "@/lib/data/users";
import { loginSchema } from "@/lib/validation/auth";
import { requestMetaFrom } from "@/lib/request-meta";

export class AccountDisabled extends CredentialsSignin {
  override code = "disabled";
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = loginSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const db = await getDb();
        const meta = requestMetaFrom(request.headers);
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
        await recordAudit(db, { action: "auth.sign_in", actorUserId: user.id, ...meta });
        return { id: user.id, name: user.name, email: user.email, sv: user.sessionVersion.getTime() };
      },
    }),
  ],
});
