"use client";

import { useEffect, useRef, useState } from "react";
import { useAppMessages } from "@/components/i18n/app-language";
import { saveBusinessStep } from "@/lib/actions/onboarding";
import { catalogs, type OnboardingKey } from "@/lib/i18n/catalogs/app/onboarding";
import { ONBOARDING_STEPS, type OnboardingStep } from "@/lib/onboarding-progress";
import type { AddressStepInput, BusinessStepInput, PaymentStepInput } from "@/lib/validation/onboarding";
import { AddressStep } from "./address-step";
import { BusinessStep, type BusinessChoices } from "./business-step";
import { PaymentStep } from "./payment-step";

const TITLES: Record<OnboardingStep, { title: OnboardingKey; intro: OnboardingKey }> = {
  business: { title: "business.title", intro: "business.intro" },
  address: { title: "address.title", intro: "address.intro" },
  payment: { title: "payment.title", intro: "payment.intro" },
};

type Props = {
  initialStep: OnboardingStep;
  business: BusinessStepInput;
  address: AddressStepInput;
  payment: PaymentStepInput;
  choices: BusinessChoices;
  /** Step 1 was saved before: its stored locale and zone stand. */
  stored: boolean;
  orgId: string;
  logoVersion: number | null;
};

/**
 * The three steps on one page. Every step stays mounted (hidden when not current), so Back shows
 * exactly what was typed; each step saves before moving on, so a refresh resumes where the stored
 * data says (the page computes `initialStep`).
 */
export function OnboardingWizard({ initialStep, business, address, payment, choices, stored, orgId, logoVersion }: Props) {
  const t = useAppMessages(catalogs);
  const [step, setStep] = useState<OnboardingStep>(initialStep);
  const headings = useRef<Partial<Record<OnboardingStep, HTMLHeadingElement | null>>>({});
  const moved = useRef(false);

  // After moving between steps, focus goes to the new step's heading: a screen reader announces
  // it and Tab continues into its fields. Not on first load, where the page heading comes first.
  useEffect(() => {
    if (moved.current) headings.current[step]?.focus();
  }, [step]);
  const go = (to: OnboardingStep) => {
    moved.current = true;
    setStep(to);
  };
  const index = ONBOARDING_STEPS.indexOf(step);

  return (
    <div className="space-y-6">
      <ol aria-label={t("steps.label")} className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {ONBOARDING_STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? "step" : undefined} className={s === step ? "font-semibold text-brand-700" : "text-slate-700"}>
            <span className={`mr-2 inline-flex size-6 items-center justify-center rounded-full border ${s === step ? "border-brand-600 bg-brand-600 text-white" : i < index ? "border-brand-600 text-brand-700" : "border-slate-300"}`} aria-hidden="true">
              {i + 1}
            </span>
            {t(TITLES[s].title)}
          </li>
        ))}
      </ol>
      {ONBOARDING_STEPS.map((s, i) => (
        <section key={s} hidden={s !== step} aria-labelledby={`step-${s}-heading`} className="rounded-lg border border-slate-200 bg-white p-6">
          <h2
            id={`step-${s}-heading`}
            ref={(el) => {
              headings.current[s] = el;
            }}
            tabIndex={-1}
            className="text-lg font-semibold focus:outline-none"
          >
            {t("step.heading", { n: i + 1, title: t(TITLES[s].title) })}
          </h2>
          <p className="mt-1 mb-5 text-sm text-slate-700">{t(TITLES[s].intro)}</p>
          {s === "business" ? (
            <BusinessStep defaults={business} choices={choices} stored={stored} proposeCountry action={saveBusinessStep} submitLabel={t("saveAndContinue")} onSaved={() => go("address")} />
          ) : s === "address" ? (
            <AddressStep defaults={address} onBack={() => go("business")} onSaved={() => go("payment")} />
          ) : (
            <PaymentStep defaults={payment} orgId={orgId} logoVersion={logoVersion} onBack={() => go("address")} />
          )}
        </section>
      ))}
    </div>
  );
}
