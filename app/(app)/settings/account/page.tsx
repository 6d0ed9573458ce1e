import { logoutEverywhere } from "@/lib/actions/auth";
import { headers } from "next/headers";
import { catalogs } from "@/lib/i18n/catalogs/app/account";
import { isAppLanguage, preferredAppLanguage } from "@/lib/i18n/app-language";
import { getAppMessages, requireSession } from "@/lib/session";
import { EmailForm, LanguageForm, NameForm, PasswordForm } from "./_components/account-forms";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("title") };
}

export default async function AccountPage() {
  const [user, t, requestHeaders] = await Promise.all([requireSession(), getAppMessages(catalogs), headers()]);
  const section = "rounded-lg border border-slate-200 bg-white p-6";
  return (
    <div className="max-w-2xl space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">{t("heading")}</h1>
      <section aria-labelledby="name-heading" className={section}>
        <h2 id="name-heading" className="mb-4 text-base font-semibold">{t("name.heading")}</h2>
        <NameForm name={user.name} />
      </section>
      <section aria-labelledby="language-heading" className={section}>
        <h2 id="language-heading" className="mb-4 text-base font-semibold">{t("language.heading")}</h2>
        <LanguageForm language={isAppLanguage(user.language) ? user.language : null} browserLanguage={preferredAppLanguage(requestHeaders.get("accept-language")) ?? "en"} />
      </section>
      <section aria-labelledby="email-heading" className={section}>
        <h2 id="email-heading" className="mb-4 text-base font-semibold">{t("email.heading")}</h2>
        <EmailForm email={user.email} />
      </section>
      <section aria-labelledby="password-heading" className={section}>
        <h2 id="password-heading" className="mb-4 text-base font-semibold">{t("password.heading")}</h2>
        <PasswordForm />
      </section>
      <section aria-labelledby="sessions-heading" className={section}>
        <h2 id="sessions-heading" className="mb-2 text-base font-semibold">{t("sessions.heading")}</h2>
        <p className="mb-4 text-sm text-slate-700">{t("sessions.intro")}</p>
        {/* A plain form, like "Sign out": works before JavaScript has loaded. */}
        <form action={logoutEverywhere}>
          <button type="submit" className="min-h-11 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
            {t("sessions.signOutEverywhere")}
          </button>
        </form>
      </section>
    </div>
  );
}
