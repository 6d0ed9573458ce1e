import type { Metadata } from "next";
import Link from "next/link";
import { PASSWORD_MIN } from "@/lib/auth/password-limits";
import { catalogs } from "@/lib/i18n/catalogs/app/auth";
import { getAppMessages } from "@/lib/session";
import { RegisterForm } from "../_components/register-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAppMessages(catalogs))("createAccount") };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ email, invitation }, t] = await Promise.all([searchParams, getAppMessages(catalogs)]);
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">{t("register.heading")}</h1>
      <p className="mt-2 text-sm text-slate-700">
        {t("register.haveOne")}{" "}
        <Link href="/login" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
          {t("signIn")}
        </Link>
      </p>
      <div className="mt-6">
        <RegisterForm
          email={email?.slice(0, 254)}
          invitation={invitation?.slice(0, 200)}
          text={{
            name: t("register.name"),
            email: t("email"),
            password: t("password"),
            passwordHint: t("register.passwordHint", { min: String(PASSWORD_MIN) }),
            organizationName: t("register.organizationName"),
            invitationHint: t("register.invitationHint"),
            submit: t("register.submit"),
            submitting: t("register.submitting"),
          }}
        />
      </div>
    </>
  );
}
