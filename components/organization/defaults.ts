import type { Organization } from "@/db/schema";
import type { OrganizationInput } from "@/lib/validation/organization";

export function organizationDefaults(org: Organization): OrganizationInput {
  return {
    name: org.name,
    legalName: org.legalName ?? "",
    addressLine1: org.addressLine1 ?? "",
    addressLine2: org.addressLine2 ?? "",
    city: org.city ?? "",
    postalCode: org.postalCode ?? "",
    region: org.region ?? "",
    country: org.country ?? "",
    email: org.email ?? "",
    phone: org.phone ?? "",
    website: org.website ?? "",
    taxId: org.taxId ?? "",
    bankDetails: org.bankDetails ?? "",
    defaultCurrency: org.defaultCurrency,
    locale: org.locale,
    timeZone: org.timeZone,
    paymentTermsDays: org.paymentTermsDays,
    brandColor: org.brandColor,
  };
}
