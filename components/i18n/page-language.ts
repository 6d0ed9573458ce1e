"use client";

import { useSyncExternalStore } from "react";
import { APP_LANGUAGES, type AppLanguage, isAppLanguage } from "@/lib/i18n/app-language-list";

const noSubscription = () => () => {};

function readBrowserLanguage(): AppLanguage {
  return navigator.languages.map((l) => l.toLowerCase().split("-")[0]).find(isAppLanguage) ?? APP_LANGUAGES[0];
}

function readPageLanguage(): AppLanguage {
  const page = document.documentElement.lang.toLowerCase().split("-")[0];
  return isAppLanguage(page) ? page : readBrowserLanguage();
}

/**
 * The app language for a page rendered outside the app's language provider (the error pages): the
 * `<html lang>` the root layout wrote (the user's choice, else the browser's), else the browser's
 * own languages, else English. The server's render (and the hydration) says English; the browser's
 * answer follows at once, without a mismatch.
 */
export function usePageLanguage(): AppLanguage {
  return useSyncExternalStore(noSubscription, readPageLanguage, () => APP_LANGUAGES[0]);
}

/** The browser's app language, for the page that replaces the root layout and its `<html lang>`. */
export function useBrowserLanguage(): AppLanguage {
  return useSyncExternalStore(noSubscription, readBrowserLanguage, () => APP_LANGUAGES[0]);
}
