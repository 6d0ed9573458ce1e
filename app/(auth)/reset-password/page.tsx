import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { PASSWORD_MIN } from "@/lib/auth/password-limits";
import { peekToken } from "@/lib/data/users";
import { catalogs } from "@/lib/i18n/catalogs/app/auth";
import { getAppMessages } from "@/lib/session";
import { ResetPasswordForm } from "../_components/reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAppMessages(catalogs))("reset.title"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const [{ token }, t] = await Promise.all([searchParams, getAppMessages(catalogs)]);
  const valid = !!token && token.length <= 200 && (await peekToken(token, "password_reset"));
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">{t("reset.title")}</h1>
      <div className="mt-6 space-y-4">
        {valid ? (
          <ResetPasswordForm
            token={token}
            text={{
              password: t("reset.password"),
              passwordHint: t("reset.passwordHint", { min: String(PASSWORD_MIN) }),
              repeat: t("reset.repeat"),
              submit: t("reset.submit"),
              submitting: t("reset.submitting"),
            }}
          />
        ) : (
          <>
            <Alert tone="error">{t("reset.invalid")}</Alert>
            <Link href="/forgot-password" className="inline-block text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
              {t("reset.askAgain")}
            </Link>
          </>
        )}
      </div>
    </>
  );
}
