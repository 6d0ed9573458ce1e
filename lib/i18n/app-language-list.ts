/**
 * The app's own languages, alone in a module that imports nothing: code shipped to every page (the
 * error pages) can name them without bringing the message formatter (intl-messageformat) along.
 */
export const APP_LANGUAGES = ["en", "de"] as const;
export type AppLanguage = (typeof APP_LANGUAGES)[number];

export const isAppLanguage = (value: unknown): value is AppLanguage => typeof value === "string" && (APP_LANGUAGES as readonly string[]).includes(value);
