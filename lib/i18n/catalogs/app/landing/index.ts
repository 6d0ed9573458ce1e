import type { AppCatalogs } from "../../../app-language";
import { de } from "./de";
import { en } from "./en";

export type LandingKey = Extract<keyof typeof en, string>;
export const catalogs: AppCatalogs<typeof en> = { en, de };
export const sameInGerman: readonly LandingKey[] = [];
