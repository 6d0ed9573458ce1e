/**
 * Messages that services, the data layer and actions raise as AppError, or return on success, speak
 * English (they are also logged, stored and asserted in English); the English message is the id of
 * its translation, gettext style. This words one in an app language at the places a person reads it
 * (lib/actions/safe-action.ts, the routes and pages that show an AppError's message). Pure.
 */
import type { AppLanguage } from "./app-language";
import { catalogs, type AppMessageKey } from "./catalogs/app/messages";
import { gettextLocalizer } from "./gettext";
import { validationMessages } from "./validation";
import { isKnownEInvoiceMessage, localizeEInvoiceMessage } from "@/lib/einvoice/check-words";

export const appMessages = gettextLocalizer<AppMessageKey>({ catalogs, numeric: ["count"] });

/**
 * An app message in `language`: from the app messages catalog, else from the validation catalog
 * (the data layer repeats some schema checks word for word). English comes back as it is, and so
 * does a message neither catalog knows (lib/i18n/app-messages.test.ts reads the code so that none
 * is unknown).
 */
export function localizeAppMessage(message: string, language: AppLanguage): string {
  if (language === "en") return message;
  if (appMessages.match(message)) return appMessages.localize(message, language);
  // An e-invoice refused at issue, or a file the viewer could not read (lib/einvoice/check-words.ts).
  return localizeEInvoiceMessage(message, language) ?? validationMessages.localize(message, language);
}

/** Whether either catalog knows the English message (for the completeness test). */
export const isKnownAppMessage = (message: string): boolean =>
  appMessages.match(message) !== null || validationMessages.match(message) !== null || isKnownEInvoiceMessage(message);

/** An AppError's field errors (field → message) in `language`. */
export function localizeAppFieldErrors(errors: Record<string, string> | undefined, language: AppLanguage): Record<string, string> | undefined {
  if (!errors || language === "en") return errors;
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, localizeAppMessage(message, language)]));
}
