/**
 * How far an organisation has got through onboarding, read from what it has stored (never from a
 * flag the user ticks): the onboarding resumes at the first step not done, and the dashboard's
 * "Get started" checklist ticks the same steps off.
 */
export type OnboardingStep = "business" | "address" | "payment";
export const ONBOARDING_STEPS: readonly OnboardingStep[] = ["business", "address", "payment"];

type StoredProfile = {
  country: string | null;
  addressLine1: string | null;
  city: string | null;
  iban: string | null;
  bankDetails: string | null;
  logoVersion: number | null;
};

/** Each step, and the logo (step 3 offers it; a business without one still has a complete setup). */
export function completedSteps(org: StoredProfile): Record<OnboardingStep | "logo", boolean> {
  return {
    // The name is given at registration; the country is what step 1 adds.
    business: !!org.country,
    address: !!org.addressLine1 && !!org.city,
    payment: !!org.iban || !!org.bankDetails,
    logo: org.logoVersion !== null,
  };
}

/** The first step not done; once all are, the first (the onboarding then reviews them). */
export function resumeStep(org: StoredProfile): OnboardingStep {
  const done = completedSteps(org);
  return ONBOARDING_STEPS.find((s) => !done[s]) ?? "business";
}
