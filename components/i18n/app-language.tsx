"use client";

import { createContext, useContext, useMemo } from "react";
import { type AppCatalogs, type AppLanguage, appTranslator } from "@/lib/i18n/app-language";
import type { Translate } from "@/lib/i18n/messages";

/**
 * The app language chosen on the server (lib/session getAppLanguage) handed to client components,
 * which import their own surface's catalogs: a page ships only the messages its components use.
 */
const AppLanguageContext = createContext<AppLanguage>("en");

export function AppLanguageProvider({ language, children }: { language: AppLanguage; children: React.ReactNode }) {
  return <AppLanguageContext value={language}>{children}</AppLanguageContext>;
}

export const useAppLanguage = () => useContext(AppLanguageContext);

/** A client component's translate function for one app surface. */
export function useAppMessages<T extends Record<string, string>>(catalogs: AppCatalogs<T>): Translate<Extract<keyof T, string>> {
  const language = useAppLanguage();
  return useMemo(() => appTranslator(catalogs, language), [catalogs, language]);
}
