import Link from "next/link";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { can } from "@/lib/auth/roles";
import { listEmailTemplates } from "@/lib/data/email-templates";
import { getOrganization } from "@/lib/data/organizations";
import { PLACEHOLDERS, sampleValues } from "@/lib/email-templates";
import { documentLanguage, formattingLocale, isLanguage } from "@/lib/i18n/languages";
import { catalogs } from "@/lib/i18n/catalogs/app/settings";
import { getAppMessages, requireMembership } from "@/lib/session";
import { EmailLanguagePicker } from "./_components/language-picker";
import { TemplateForm } from "./_components/template-form";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("emails.title") };
}

/**
 * Each template is edited per language (`?language=de`); without one the page shows the
 * organisation's own language, the one its customers without a language of their own receive.
 */
export default async function EmailTemplatesPage({ searchParams }: { searchParams: Promise<{ language?: string }> }) {
  const membership = await requireMembership();
  if (!can(membership.role, "settings.manage")) return <NoAccess area="emailSettings" />;
  const [org, t] = await Promise.all([getOrganization(membership), getAppMessages(catalogs)]);
  const orgLanguage = documentLanguage(null, null, org.locale);
  const requested = (await searchParams).language;
  const language = isLanguage(requested) ? requested : orgLanguage;
  const templates = await listEmailTemplates(membership, language);
  const samples = sampleValues(formattingLocale(language, org.locale), org.defaultCurrency);
  return (
    <div className="max-w-6xl space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">{t("emails.heading")}</h1>
        <Link href="/settings" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("backToSettings")}
        </Link>
      </div>
      <EmailLanguagePicker language={language} organizationLanguage={orgLanguage} />
      <section aria-labelledby="placeholders-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="placeholders-heading" className="mb-2 text-base font-semibold">
          {t("emails.placeholders")}
        </h2>
        <p className="mb-4 text-sm text-slate-700">
          {t("emails.placeholdersIntro")}
        </p>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          {PLACEHOLDERS.map((p) => (
            <div key={p} className="contents">
              <dt>
                <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-900">{`{${p}}`}</code>
              </dt>
              <dd className="text-slate-700">{t(`emails.placeholder.${p}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
      {templates.map((tpl) => (
        <section key={tpl.kind} aria-labelledby={`${tpl.kind}-heading`} className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id={`${tpl.kind}-heading`} className="text-base font-semibold">
            {t(`emails.kind.${tpl.kind}.title`)}
          </h2>
          <p className="mb-4 text-sm text-slate-700">{t(`emails.kind.${tpl.kind}.description`)}</p>
          <TemplateForm
            key={`${tpl.kind}-${language}`}
            kind={tpl.kind}
            language={language}
            samples={samples}
            title={t(`emails.kind.${tpl.kind}.title`)}
            initial={{ subject: tpl.subject, body: tpl.body }}
            isDefault={tpl.isDefault}
            organizationName={org.name}
          />
        </section>
      ))}
    </div>
  );
}
