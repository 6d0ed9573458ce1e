/**
 * The app's own e-invoice words in an app language: pre-flight problems (from their code and
 * values), where each is fixed, and the format names. Pure; the catalog is
 * lib/i18n/catalogs/app/einvoice-checks. The official rule texts of the validators are not worded
 * here: they are shown as the validator gives them, with their rule id.
 */
import { type AppLanguage, appTranslator } from "@/lib/i18n/app-language";
import { catalogs, type EInvoiceChecksKey } from "@/lib/i18n/catalogs/app/einvoice-checks";
import { gettextLocalizer } from "@/lib/i18n/gettext";
import type { EInvoiceFormat } from "./codes";

type Suffix<K, P extends string> = K extends `${P}${infer S}` ? S : never;
export type CheckCode = Suffix<EInvoiceChecksKey, "check.">;
export type CheckValues = Record<string, string | number>;
export type ProblemScope = Suffix<EInvoiceChecksKey, "scope.">;

const translators = { en: appTranslator(catalogs, "en"), de: appTranslator(catalogs, "de") } satisfies Record<AppLanguage, unknown>;

/** "Der Ort Ihrer Organisation fehlt (Ort des Verkäufers, BR-DE-3)." */
export const checkMessage = (code: CheckCode, values: CheckValues | undefined, language: AppLanguage): string => translators[language](`check.${code}`, values);

/** "Factur-X / ZUGFeRD EN 16931 (PDF mit CII)", "Keines (nur PDF)". */
export const formatName = (format: EInvoiceFormat | "none", language: AppLanguage): string => translators[language](`format.${format}`);

/** What the page a problem is fixed on is called beside its link ("Einstellungen", "Kunde"…). */
export const scopeName = (scope: ProblemScope, language: AppLanguage): string => translators[language](`scope.${scope}`);

const isCheckCode = (value: unknown): value is CheckCode => typeof value === "string" && Object.hasOwn(catalogs.en, `check.${value}`);

/**
 * The pre-flight problems kept on an "issued without an e-invoice" event (`meta.checks`), worded in
 * `language`; null when the event has none or any is not one of ours (the stored English reasons
 * are shown instead).
 */
export function storedCheckMessages(checks: unknown, language: AppLanguage): string[] | null {
  if (!Array.isArray(checks) || checks.length === 0) return null;
  try {
    return checks.map((check: unknown) => {
      const { code, values } = (check ?? {}) as { code?: unknown; values?: unknown };
      if (!isCheckCode(code) || (values !== undefined && (typeof values !== "object" || values === null))) throw new Error("not a check");
      return checkMessage(code, values as CheckValues | undefined, language);
    });
  } catch {
    // A shape from another version, or a value missing for its message.
    return null;
  }
}

type SimpleKey = Exclude<EInvoiceChecksKey, `format.${string}` | `scope.${string}`>;

/** The English of a refusal line or a reader's error, as the code raises it (the catalog is its one source). */
export const einvoiceEnglish = (key: Extract<SimpleKey, `refusal.${string}` | `parse.${string}`>, values?: CheckValues): string => translators.en(key, values);

/**
 * The problems, refusals and reader errors as one gettext catalog (lib/i18n/gettext.ts), for the
 * messages that reach a person as an AppError's text. Messages with a plural or a formatted number
 * ("Line 2 has two VAT rates", a rate of "7.5%") cannot be matched back from their English and stay
 * English there; the document page words them from their code.
 */
const simple = <T extends Record<string, string>>(catalog: T) =>
  Object.fromEntries(Object.entries(catalog).filter(([key, template]) => !key.startsWith("format.") && !key.startsWith("scope.") && !/\{\w+,/.test(template))) as Record<SimpleKey, string>;
const einvoiceMessages = gettextLocalizer<SimpleKey>({ catalogs: { en: simple(catalogs.en), de: simple(catalogs.de) } });

/** One line: a "• " problem line keeps its bullet. */
const lineMatch = (line: string) => einvoiceMessages.match(line.startsWith("• ") ? line.slice(2) : line);

/** Whether every line of `message` is one of ours (the app messages' completeness test asks). */
export const isKnownEInvoiceMessage = (message: string): boolean => message.split("\n").every((line) => lineMatch(line) !== null);

/**
 * A refusal ("This invoice can't be issued as … Fix these first:" and a problem a line) or a reader's
 * error in `language`, line by line; null when its first line is not ours. A problem line the
 * catalog cannot match back stays as it is.
 */
export function localizeEInvoiceMessage(message: string, language: AppLanguage): string | null {
  const lines = message.split("\n");
  if (lineMatch(lines[0]!) === null) return null;
  return lines
    .map((line) => (line.startsWith("• ") ? `• ${einvoiceMessages.localize(line.slice(2), language)}` : einvoiceMessages.localize(line, language)))
    .join("\n");
}
