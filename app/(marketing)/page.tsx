import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button-link";
import { LogoMark } from "@/components/ui/logo";
import { catalogs } from "@/lib/i18n/catalogs/app/landing";
import { getAppMessages } from "@/lib/session";

/** The features in the order they are shown; each has a title and a body in the catalog. */
const FEATURES = ["exact", "pdf", "email", "paid", "cash", "host"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getAppMessages(catalogs);
  return { title: { absolute: t("meta.title") }, description: t("meta.description") };
}

/**
 * The landing page, in the app language (the visitor's choice when signed in, else what the browser
 * asks for): worded on the server, so it ships no JavaScript of its own (scripts/bundle-budget.ts).
 */
export default async function HomePage() {
  const t = await getAppMessages(catalogs);
  return (
    <>
      <header className="border-b border-slate-200">
        <nav aria-label={t("nav.label")} className="mx-auto flex max-w-6xl items-center justify-between px-4 py-4 sm:px-6">
          <Link href="/" className="flex items-center gap-2 text-lg font-bold text-slate-900">
            <LogoMark />
            Smart Invoice
          </Link>
          <div className="flex items-center gap-3">
            <Link href="/login" className="rounded-md px-3 py-2 text-sm font-semibold text-slate-700 hover:text-slate-900">
              {t("nav.signIn")}
            </Link>
            <ButtonLink href="/register">{t("nav.register")}</ButtonLink>
          </div>
        </nav>
      </header>
      <main id="main">
        <section className="bg-gradient-to-b from-brand-50 to-white">
          <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6 sm:py-28">
            <h1 className="max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
              {t("hero.title")}
            </h1>
            <p className="mt-6 max-w-2xl text-lg leading-8 text-slate-700">
              {t("hero.body")}
            </p>
            <div className="mt-10 flex flex-wrap gap-4">
              <ButtonLink href="/register">{t("hero.start")}</ButtonLink>
              <ButtonLink href="/login" variant="secondary">
                {t("hero.signIn")}
              </ButtonLink>
            </div>
          </div>
        </section>
        <section aria-labelledby="features-heading" className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
          <h2 id="features-heading" className="text-2xl font-bold tracking-tight text-slate-900">
            {t("features.title")}
          </h2>
          <ul className="mt-10 grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
            {FEATURES.map((f) => (
              <li key={f} className="rounded-lg border border-slate-200 p-6">
                <h3 className="text-base font-semibold text-slate-900">{t(`feature.${f}.title`)}</h3>
                <p className="mt-2 text-sm leading-6 text-slate-700">{t(`feature.${f}.body`)}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <footer className="border-t border-slate-200">
        <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-slate-600 sm:px-6">
          {t("footer")}
        </div>
      </footer>
    </>
  );
}
