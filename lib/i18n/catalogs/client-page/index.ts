/** The client page's catalogs: one per launch language. */
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

export type ClientPageKey = Extract<keyof typeof en, string>;
export const clientPageCatalogs: Record<Language, Catalog<typeof en>> = { en, de, fr, es, it, nl, pt, pl, ar, he };
export const clientPageMessages = (language: Language): Translate<ClientPageKey> => translator(clientPageCatalogs, language);
