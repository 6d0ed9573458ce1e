"use client";

import { BusinessStep, type BusinessChoices } from "@/components/onboarding/business-step";
import { createOrganizationWithBusiness } from "@/lib/actions/onboarding";

/** The onboarding's first step; the new organisation then continues the onboarding at step 2. */
export function NewOrganizationForm({ choices, submitLabel }: { choices: BusinessChoices; submitLabel: string }) {
  return (
    <BusinessStep
      defaults={{ name: "", country: "", defaultCurrency: "USD", locale: "en-US", timeZone: "UTC" }}
      choices={choices}
      stored={false}
      action={createOrganizationWithBusiness}
      submitLabel={submitLabel}
    />
  );
}
