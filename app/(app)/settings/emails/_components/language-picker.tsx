"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { Field, Select } from "@/components/ui/field";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "@/lib/i18n/languages";

/**
 * Which language's wording Settings → Emails shows and saves. The choice lives in the URL
 * (?language=de), so the page renders that language's templates on the server and a link to it works.
 */
export function EmailLanguagePicker({ language, organizationLanguage }: { language: Language; organizationLanguage: Language }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  return (
    <section aria-labelledby="email-language-heading" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="email-language-heading" className="mb-2 text-base font-semibold">
        Language
      </h2>
      <p className="mb-4 text-sm text-slate-700">
        Customers receive emails in their document&apos;s language (the customer&apos;s, else {LANGUAGE_NAMES[organizationLanguage]}). Each language
        has its own wording; saving or resetting one leaves the others as they are.
      </p>
      <div className="max-w-xs" aria-busy={pending}>
        <Field id="email-language" label="Wording in">
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
                {l === organizationLanguage ? " (your organisation's)" : ""}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </section>
  );
}
