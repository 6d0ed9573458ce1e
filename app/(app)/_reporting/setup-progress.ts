import type { SetupProgress } from "@/components/reporting/get-started";
import type { Member } from "@/lib/data/context";
import { getSetupFacts } from "@/lib/data/setup-progress";
import { completedSteps } from "@/lib/onboarding-progress";

/** The "Get started" checklist's ticks: the onboarding steps from the organisation's profile, the rest from what exists. */
export async function loadSetupProgress(member: Member, org: Parameters<typeof completedSteps>[0]): Promise<SetupProgress> {
  return { ...completedSteps(org), ...(await getSetupFacts(member)) };
}
