import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { PDF_FONT_FAMILY } from "./font-family";

/**
 * DejaVu Sans (Bitstream Vera licence, see fonts/LICENSE-DejaVu.txt), copied into the repository
 * from the npm package dejavu-fonts-ttf@2.37.3: one TTF per weight covering Latin, Greek, Cyrillic
 * (and Arabic, Hebrew, Armenian, Georgian...). Every document is printed in it, embedded and
 * subset by React-PDF (PDF/A forbids the unembedded standard fonts). Chinese, Japanese and Korean
 * come from the optional CJK font pack behind it (pdf/cjk-fonts.ts); other characters it lacks print
 * as empty boxes rather than failing the render.
 */
export { PDF_FONT_FAMILY };

/** Words longer than this are cut into pieces so a 2,000-character token wraps instead of overflowing. */
const LONG_WORD = 24;
const PIECE = 12;

let registered = false;

/**
 * Registers the bundled fonts once per process; called by the renderer, never at import time.
 * The files are found from the working directory (Next bundles server code, so `import.meta.url`
 * would point into .next/), as db/migrations are.
 */
export function registerPdfFonts(): void {
  if (registered) return;
  const dir = path.join(process.cwd(), "pdf", "fonts");
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: path.join(dir, "DejaVuSans.ttf"), fontWeight: 400 },
      { src: path.join(dir, "DejaVuSans-Bold.ttf"), fontWeight: 700 },
    ],
  });
  // No hyphenation dictionary (it is English-only and mangles names); only very long tokens
  // (IBANs, URLs, pasted hashes) are split so they can wrap. Called for every word: no allocation
  // for ordinary words.
  Font.registerHyphenationCallback((word) => {
    if (word.length <= LONG_WORD) return [word];
    const pieces: string[] = [];
    for (let i = 0; i < word.length; i += PIECE) pieces.push(word.slice(i, i + PIECE));
    return pieces;
  });
  registered = true;
}
