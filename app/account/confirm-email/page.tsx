import type { Metadata } from "next";
import { catalogs } from "@/lib/i18n/catalogs/app/auth";
import { getAppLanguage, getAppMessages } from "@/lib/session";
import { ConfirmEmailButton } from "./_components/confirm-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAppMessages(catalogs))("confirm.title"), referrer: "no-referrer", robots: { index: false } };
}

export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const [{ token }, language, t] = await Promise.all([searchParams, getAppLanguage(), getAppMessages(catalogs)]);
  return (
    <main id="main" lang={language} className="flex min-h-dvh items-start justify-center bg-slate-50 px-4 pt-16">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-bold tracking-tight">{t("confirm.title")}</h1>
        <div className="mt-6">
          {token ? <ConfirmEmailButton token={token.slice(0, 200)} text={{ confirm: t("confirm.button"), goToAccount: t("confirm.goToAccount") }} /> : <p>{t("confirm.incomplete")}</p>}
        </div>
      </div>
    </main>
  );
}
