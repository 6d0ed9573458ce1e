"use client";

import { useEffect } from "react";
import { usePageLanguage } from "@/components/i18n/page-language";
import { catalogs, errorPageText } from "@/lib/i18n/catalogs/app/error-page";

// Shows no error text: the digest lets support find the logged details without leaking them.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const language = usePageLanguage();
  const t = errorPageText(catalogs[language]);
  const title = t("title");
  useEffect(() => {
    document.title = `${title} · Smart Invoice`;
  }, [title]);
  return (
    <main id="main" lang={language} className="mx-auto flex min-h-dvh max-w-xl flex-col items-start justify-center px-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <p className="mt-4 text-slate-700">{error.digest ? t("bodyWithReference", { reference: error.digest }) : t("body")}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-8 inline-flex min-h-11 items-center rounded-md bg-brand-600 px-5 py-2.5 text-sm font-semibold text-white hover:bg-brand-700"
      >
        {t("retry")}
      </button>
    </main>
  );
}
