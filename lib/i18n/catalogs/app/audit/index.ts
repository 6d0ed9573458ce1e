import type { AuditAction } from "../../../../audit-actions";
import type { AppCatalogs } from "../../../app-language";
import { de } from "./de";
import { en } from "./en";

export type AuditKey = Extract<keyof typeof en, string>;
export const catalogs: AppCatalogs<typeof en> = { en, de };
/** Keys whose German reads as the English does; anything else identical is a string left untranslated. */
export const sameInGerman: readonly AuditKey[] = ["col.browser"];

/** The catalog key naming an audit action; `tsc` fails here if an action has no name in en.ts. */
export const actionKey = (action: AuditAction): AuditKey => `action.${action}` satisfies AuditKey;
