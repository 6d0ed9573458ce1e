/** The emails' catalogs (wording of each template and the lines around it): one per launch language. */
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

export type EmailKey = Extract<keyof typeof en, string>;
export const emailCatalogs: Record<Language, Catalog<typeof en>> = { en, de, fr, es, it, nl, pt, pl, ar, he };
/** For the ICU keys (action, footer, copyLink, lateFee); template texts are read from the catalog as they are. */
export const emailMessages = (language: Language): Translate<EmailKey> => translator(emailCatalogs, language);
