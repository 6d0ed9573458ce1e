import fs from "node:fs";
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { PDF_FONT_FAMILY } from "./fonts";

/**
 * The CJK font pack: Noto Sans JP, SC and KR (SIL OFL 1.1), whole TrueType (glyf) files from the
 * optional npm packages @expo-google-fonts/noto-sans-{jp,sc,kr}. DejaVu Sans has no Chinese,
 * Japanese or Korean glyphs; a document whose text has any gets a font stack — DejaVu Sans first,
 * then the Noto families its characters need — and React-PDF's font substitution (textkit
 * `fontSubstitution`, the `fontFamily` array) takes each character from the first font that has it.
 * pdfkit embeds only the glyphs used (a subset, "ABCDEF+NotoSansJP-Regular"). Documents without
 * such characters keep the plain DejaVu Sans family and never load the pack.
 *
 * Why these packages: fontkit (React-PDF's font reader) subsets TrueType glyf fonts as DejaVu Sans
 * is (the repository's fontkit patch applies to them too). @fontsource's Noto packages are WOFF/WOFF2
 * split by unicode-range into ~100 files per weight (one family per slice) and are larger still.
 * A process that printed CJK keeps the parsed fonts: about +50 MB RSS (JP, SC, KR regular + JP bold).
 *
 * The pack is optional (`npm ci --omit=optional` leaves it out): when its files are absent, or a
 * render with it fails, the document is printed as before (empty boxes) and a warning is logged.
 */

type CjkFamily = { family: string; pkg: string; file: string };

const JP: CjkFamily = { family: "Noto Sans JP", pkg: "noto-sans-jp", file: "NotoSansJP" };
const KR: CjkFamily = { family: "Noto Sans KR", pkg: "noto-sans-kr", file: "NotoSansKR" };
const SC: CjkFamily = { family: "Noto Sans SC", pkg: "noto-sans-sc", file: "NotoSansSC" };

const WEIGHTS = [
  { fontWeight: 400, dir: "400Regular" },
  { fontWeight: 700, dir: "700Bold" },
] as const;

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
/**
 * Han ideographs, plus what only CJK fonts carry: CJK symbols and punctuation (、。「」), Bopomofo,
 * CJK compatibility, half- and full-width forms (（）！), enclosed CJK letters (㈱).
 */
const HAN_OR_CJK_SYMBOL = /[\p{Script=Han}\p{Script=Bopomofo}\u3000-\u303f\u3200-\u33ff\ufe30-\ufe4f\uff00-\uffef]/u;

/** Every string in the document's data (names, addresses, lines, notes…), the logo's bytes excepted. */
function collectText(value: unknown, out: string[]): void {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) collectText(item, out);
  else if (value && typeof value === "object" && !ArrayBuffer.isView(value)) for (const item of Object.values(value)) collectText(item, out);
}

/**
 * The CJK families a text needs, in the order glyphs are taken from them: Japanese when it has kana
 * (a Japanese name's kanji then print in Japanese forms), Korean when it has Hangul, Simplified
 * Chinese for Han characters the first two lack (or when neither applies). Empty: no CJK at all.
 */
export function cjkFamiliesFor(text: string): CjkFamily[] {
  const families: CjkFamily[] = [];
  if (KANA.test(text)) families.push(JP);
  if (HANGUL.test(text)) families.push(KR);
  if (HAN_OR_CJK_SYMBOL.test(text)) families.push(SC);
  return families;
}

/** Off with PDF_CJK_FONTS=off (documents then print CJK as empty boxes, as without the pack). */
const disabled = () => process.env.PDF_CJK_FONTS === "off";

const fontFile = (f: CjkFamily, dir: string) => path.join(process.cwd(), "node_modules", "@expo-google-fonts", f.pkg, dir, `${f.file}_${dir}.ttf`);

const registered = new Set<string>();

/** Registers one family's regular and bold files; false (and a warning) when the pack is not installed. */
function registerFamily(f: CjkFamily): boolean {
  if (registered.has(f.family)) return true;
  const files = WEIGHTS.map((w) => ({ src: fontFile(f, w.dir), fontWeight: w.fontWeight }));
  const missing = files.find((file) => !fs.existsSync(file.src));
  if (missing) {
    warnCjk(`CJK font pack not installed (${missing.src}); CJK characters print as empty boxes`);
    return false;
  }
  Font.register({ family: f.family, fonts: files });
  registered.add(f.family);
  return true;
}

/**
 * The `fontFamily` a document is printed in: "DejaVu Sans" alone, or a stack with the CJK families
 * its text needs (registered on first use). Called once per render, before layout.
 */
export function documentFontFamily(data: unknown): string | string[] {
  if (disabled()) return PDF_FONT_FAMILY;
  const strings: string[] = [];
  collectText(data, strings);
  const families = cjkFamiliesFor(strings.join("\n")).filter(registerFamily);
  return families.length === 0 ? PDF_FONT_FAMILY : [PDF_FONT_FAMILY, ...families.map((f) => f.family)];
}

/**
 * A warning in the pino shape the server logs in. Not lib/logger: pdf/ runs in the PDF worker from
 * plain data, without the app's env validation, and the tests read the warning back.
 */
export function warnCjk(msg: string, err?: unknown): void {
  // eslint-disable-next-line no-console -- see above: one JSON line on stderr, as pino would write it
  console.warn(JSON.stringify({ level: 40, service: "smart-invoice", module: "pdf-fonts", msg, err: err instanceof Error ? err.message : undefined }));
}
