import type { Metadata } from "next";
import Link from "next/link";
import { catalogs } from "@/lib/i18n/catalogs/app/auth";
import { getAppMessages } from "@/lib/session";
import { ForgotPasswordForm } from "../_components/forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAppMessages(catalogs))("forgot.title") };
}

export default async function ForgotPasswordPage() {
  const t = await getAppMessages(catalogs);
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">{t("forgot.title")}</h1>
      <p className="mt-2 text-sm text-slate-700">{t("forgot.intro")}</p>
      <div className="mt-6">
        <ForgotPasswordForm text={{ email: t("email"), submit: t("forgot.submit"), submitting: t("forgot.submitting") }} />
      </div>
      <p className="mt-6 text-sm">
        <Link href="/login" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </>
  );
}
