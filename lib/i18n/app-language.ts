/**
 * The languages the app's own screens are written in (each user picks one in their account), and
 * which one a request gets. Pure: the session code, the layouts and the tests read it.
 * Documents sent to customers have their own, longer list (languages.ts).
 */
import { requestedLanguages } from "./languages";
import { type AppLanguage, isAppLanguage } from "./app-language-list";
import { type Catalog, type Translate, translator } from "./messages";

export { APP_LANGUAGES, type AppLanguage, isAppLanguage } from "./app-language-list";

/** Each language named in itself, as someone looking for their own would read it. */
export const APP_LANGUAGE_NAMES: Record<AppLanguage, string> = { en: "English", de: "Deutsch" };


/**
 * The browser's preferred app language from an Accept-Language header ("de-CH,de;q=0.9,en;q=0.8"),
 * by quality then order; undefined when it names none of ours.
 */
export function preferredAppLanguage(acceptLanguage: string | null | undefined): AppLanguage | undefined {
  return requestedLanguages(acceptLanguage).find(isAppLanguage);
}

/** The user's own choice, else what their browser asks for, else English. */
export function appLanguage(userChoice: string | null | undefined, acceptLanguage: string | null | undefined): AppLanguage {
  return isAppLanguage(userChoice) ? userChoice : (preferredAppLanguage(acceptLanguage) ?? "en");
}

/** One app surface's catalogs: English, and every other app language typed after it. */
export type AppCatalogs<T extends Record<string, string>> = Record<AppLanguage, Catalog<T>>;

export const appTranslator = <T extends Record<string, string>>(catalogs: AppCatalogs<T>, language: AppLanguage): Translate<Extract<keyof T, string>> =>
  translator<T, AppLanguage>(catalogs, language);

export const APP_LANGUAGE_ERROR = "Choose a language from the list.";
