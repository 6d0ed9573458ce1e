import { describe, expect, it } from "vitest";
import { completedSteps, resumeStep } from "./onboarding-progress";

const fresh = { country: null, addressLine1: null, city: null, iban: null, bankDetails: null, logoVersion: null };

describe("onboarding progress, read from the stored profile", () => {
  it("a new organisation (name only) starts at step 1 with nothing done", () => {
    expect(resumeStep(fresh)).toBe("business");
    expect(completedSteps(fresh)).toEqual({ business: false, address: false, payment: false, logo: false });
  });

  it("after step 1 (a country), resumes at the address", () => {
    expect(resumeStep({ ...fresh, country: "FR" })).toBe("address");
  });

  it("an address needs its street and city; a postal code or tax ID alone does not complete it", () => {
    expect(resumeStep({ ...fresh, country: "FR", addressLine1: "12 rue de Rivoli" })).toBe("address");
    expect(resumeStep({ ...fresh, country: "FR", addressLine1: "12 rue de Rivoli", city: "Paris" })).toBe("payment");
  });

  it("bank details are an IBAN or free-text details; a logo alone leaves them to do", () => {
    const addressed = { ...fresh, country: "FR", addressLine1: "12 rue de Rivoli", city: "Paris" };
    expect(completedSteps({ ...addressed, logoVersion: 1 })).toEqual({ business: true, address: true, payment: false, logo: true });
    expect(completedSteps({ ...addressed, iban: "FR7630006000011234567890189" }).payment).toBe(true);
    expect(completedSteps({ ...addressed, bankDetails: "Routing 021000021, account 123456789" }).payment).toBe(true);
  });

  it("with every step done, the onboarding opens at step 1 to review", () => {
    expect(resumeStep({ ...fresh, country: "FR", addressLine1: "1 rue", city: "Paris", iban: "FR7630006000011234567890189" })).toBe("business");
  });
});
