"use client";

import { BusinessStep, type BusinessChoices } from "@/components/onboarding/business-step";
import { createOrganizationWithBusiness } from "@/lib/actions/onboarding";
import type { BusinessStepInput } from "@/lib/validation/onboarding";

/** The onboarding's first step; the new organisation then continues the onboarding at step 2. */
export function NewOrganizationForm({ defaults, choices, submitLabel }: { defaults: BusinessStepInput; choices: BusinessChoices; submitLabel: string }) {
  return <BusinessStep defaults={defaults} choices={choices} stored={false} proposeCountry action={createOrganizationWithBusiness} submitLabel={submitLabel} />;
}
