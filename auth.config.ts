/**
 * Auth.js settings that need no database, shared by proxy.ts (which refreshes the session cookie
 * on activity) and lib/auth.ts (which adds the credentials provider).
 */
import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";

/** A session ends after this long without a request... */
export const SESSION_IDLE_S = 8 * 60 * 60;
/** ...and in any case this long after signing in. */
export const SESSION_ABSOLUTE_MS = 14 * 24 * 60 * 60 * 1000;

const secure = env.APP_URL.startsWith("https://");
// __Host- binds the cookie to this exact origin (Secure, Path=/, no Domain); browsers only accept it over HTTPS.
export const SESSION_COOKIE = secure ? "__Host-si.session" : "si.session";

export const authConfig = {
  secret: env.SECRET_KEY,
  trustHost: true,
  pages: { signIn: "/login", error: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_IDLE_S, updateAge: 5 * 60 },
  useSecureCookies: secure,
  cookies: {
    sessionToken: { name: SESSION_COOKIE, options: { httpOnly: true, sameSite: "lax", path: "/", secure } },
  },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sv?: number }).sv;
        token.authAt = Date.now();
        // Names this session, so signing out can revoke it server-side (lib/data/sessions.ts).
        token.sid = crypto.randomUUID();
      }
      if (typeof token.authAt !== "number" || Date.now() - token.authAt > SESSION_ABSOLUTE_MS) return null;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sv = typeof token.sv === "number" ? token.sv : 0;
      // Not a credential (the signed cookie is): only lets sign-out name the session it ends.
      session.sid = typeof token.sid === "string" ? token.sid : null;
      return session;
    },
  },
} satisfies NextAuthConfig;

declare module "next-auth" {
  interface Session {
    sv: number;
    sid: string | null;
  }
}
