import type { AppCatalogs } from "../../../app-language";
import { de } from "./de";
import { en } from "./en";

export type ErrorPageKey = Extract<keyof typeof en, string>;
export const catalogs: AppCatalogs<typeof en> = { en, de };
/** Keys whose German reads as the English does; anything else identical is a string left untranslated. */
export const sameInGerman: readonly ErrorPageKey[] = [];
