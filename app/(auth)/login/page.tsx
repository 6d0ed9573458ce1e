import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { catalogs } from "@/lib/i18n/catalogs/app/auth";
import { getAppMessages } from "@/lib/session";
import { safeNextPath } from "@/lib/urls";
import { LoginForm } from "../_components/login-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAppMessages(catalogs))("signIn") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const [params, t] = await Promise.all([searchParams, getAppMessages(catalogs)]);
  const next = safeNextPath(params.next);
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">{t("login.heading")}</h1>
      <p className="mt-2 text-sm text-slate-700">
        {t("login.newHere")}{" "}
        <Link href={params.invitation ? `/register?invitation=${encodeURIComponent(params.invitation)}` : "/register"} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
          {t("createAccount")}
        </Link>
      </p>
      <div className="mt-6 space-y-4">
        {params.reset ? <Alert tone="success">{t("login.passwordChanged")}</Alert> : null}
        {params.signedOut ? <Alert tone="info">{t(params.signedOut === "everywhere" ? "login.signedOutEverywhere" : "login.signedOut")}</Alert> : null}
        <LoginForm
          next={next}
          text={{ email: t("email"), password: t("password"), forgot: t("login.forgot"), submit: t("signIn"), submitting: t("login.submitting") }}
        />
      </div>
    </>
  );
}
