import type { AppCatalogs } from "../../../app-language";
import { de } from "./de";
import { en } from "./en";

export type OrganizationKey = Extract<keyof typeof en, string>;
export const catalogs: AppCatalogs<typeof en> = { en, de };
export const sameInGerman: readonly OrganizationKey[] = ["nav.team", "logo", "form.website", "form.iban", "form.bic"];
