import type { AppCatalogs } from "../../../app-language";
import { de } from "./de";
import { en } from "./en";

export type ErrorPageKey = Extract<keyof typeof en, string>;
export const catalogs: AppCatalogs<typeof en> = { en, de };
/** Keys whose German reads as the English does; anything else identical is a string left untranslated. */
export const sameInGerman: readonly ErrorPageKey[] = [];

/**
 * The error pages' words without the message formatter: they are part of every page's JavaScript,
 * where intl-messageformat would add 12 kB gzip; their one value ({reference}) is plain text.
 */
export function errorPageText(catalog: (typeof catalogs)["en"]) {
  return (key: ErrorPageKey, values?: { reference: string }) => (values ? catalog[key].replace("{reference}", values.reference) : catalog[key]);
}
