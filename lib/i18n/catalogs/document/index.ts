/** The document surface's catalogs (PDF, totals rows): one per launch language. */
import type { Language } from "../../languages";
import { type Catalog, type Translate, translator } from "../../messages";
import { ar } from "./ar";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { he } from "./he";
import { it } from "./it";
import { nl } from "./nl";
import { pl } from "./pl";
import { pt } from "./pt";

export type DocumentKey = Extract<keyof typeof en, string>;
export const documentCatalogs: Record<Language, Catalog<typeof en>> = { en, de, fr, es, it, nl, pt, pl, ar, he };
export type DocumentTranslate = Translate<DocumentKey>;
export const documentMessages = (language: Language): DocumentTranslate => translator(documentCatalogs, language);
