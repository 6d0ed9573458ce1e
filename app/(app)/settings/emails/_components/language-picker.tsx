"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { useAppMessages } from "@/components/i18n/app-language";
import { Field, Select } from "@/components/ui/field";
import { catalogs } from "@/lib/i18n/catalogs/app/settings";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "@/lib/i18n/languages";

/**
 * Which language's wording Settings → Emails shows and saves. The choice lives in the URL
 * (?language=de), so the page renders that language's templates on the server and a link to it works.
 */
export function EmailLanguagePicker({ language, organizationLanguage }: { language: Language; organizationLanguage: Language }) {
  const t = useAppMessages(catalogs);
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  return (
    <section aria-labelledby="email-language-heading" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="email-language-heading" className="mb-2 text-base font-semibold">
        {t("emails.language")}
      </h2>
      <p className="mb-4 text-sm text-slate-700">
        {t("emails.languageIntro", { organizationLanguage: LANGUAGE_NAMES[organizationLanguage] })}
      </p>
      <div className="max-w-xs" aria-busy={pending}>
        <Field id="email-language" label={t("emails.wordingIn")}>
          <Select
            id="email-language"
            value={language}
            onChange={(e) => {
              const next = e.target.value;
              startTransition(() => router.push(next === organizationLanguage ? pathname : `${pathname}?language=${next}`));
            }}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
                {l === organizationLanguage ? t("emails.yourOrganisations") : ""}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </section>
  );
}
