import { ButtonLink } from "@/components/ui/button-link";
import { catalogs } from "@/lib/i18n/catalogs/app/not-found";
import { getAppLanguage, getAppMessages } from "@/lib/session";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("title") };
}

/** Worded on the server in the visitor's app language (their choice, else their browser's): no client JavaScript. */
export default async function NotFound() {
  const [t, language] = await Promise.all([getAppMessages(catalogs), getAppLanguage()]);
  return (
    <main id="main" lang={language} className="mx-auto flex min-h-dvh max-w-xl flex-col items-start justify-center px-6">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <p className="mt-4 text-slate-700">{t("body")}</p>
      <div className="mt-8">
        <ButtonLink href="/">{t("home")}</ButtonLink>
      </div>
    </main>
  );
}
