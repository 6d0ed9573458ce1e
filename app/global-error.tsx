"use client";

import "./globals.css";
import { useBrowserLanguage } from "@/components/i18n/page-language";
import { catalogs, errorPageText } from "@/lib/i18n/catalogs/app/error-page";

// Replaces the root layout when it fails, so it brings its own <html> and stylesheet; its language
// is the browser's (the root layout that knew the user's choice is what failed).
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const language = useBrowserLanguage();
  const t = errorPageText(catalogs[language]);
  return (
    <html lang={language}>
      <body>
        <main id="main" className="mx-auto mt-[15vh] max-w-xl px-6 font-sans">
          <h1 className="text-3xl font-bold">{t("heading")}</h1>
          <p className="mt-4">
            {t("pageNotLoaded")}
            {error.digest ? ` ${t("reference", { reference: error.digest })}` : ""}
          </p>
          <button type="button" onClick={reset} className="mt-8 rounded-md bg-brand-600 px-5 py-2.5 text-sm font-semibold text-white">
            {t("retry")}
          </button>
        </main>
      </body>
    </html>
  );
}
