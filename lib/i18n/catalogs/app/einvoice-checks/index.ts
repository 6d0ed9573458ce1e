import type { AppCatalogs } from "../../../app-language";
import { de } from "./de";
import { en } from "./en";

export type EInvoiceChecksKey = Extract<keyof typeof en, string>;
export const catalogs: AppCatalogs<typeof en> = { en, de };
/** Format names are product names, the same in German. */
export const sameInGerman: readonly EInvoiceChecksKey[] = ["format.xrechnung-ubl", "format.xrechnung-cii", "format.peppol-bis"];
