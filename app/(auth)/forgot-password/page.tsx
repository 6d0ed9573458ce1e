import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { catalogs } from "@/lib/i18n/catalogs/app/auth";
import { emailDelivery } from "@/lib/mail/delivery";
import { getAppMessages } from "@/lib/session";
import { ForgotPasswordForm } from "../_components/forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAppMessages(catalogs))("forgot.title") };
}

export default async function ForgotPasswordPage() {
  const t = await getAppMessages(catalogs);
  // Without an email provider no link can go out (lib/mail/delivery.ts): say so before anyone types,
  // instead of promising a link. Decided here on the server, so the page ships no extra JavaScript.
  const noEmail = emailDelivery() === "none";
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">{t("forgot.title")}</h1>
      {noEmail ? (
        <div className="mt-4">
          <Alert>{t("forgot.noEmail")}</Alert>
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{t("forgot.intro")}</p>
      )}
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
