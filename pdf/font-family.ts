/**
 * The family every document is printed in (registered by pdf/fonts.ts). Its own module so the
 * styles, which the editor's live preview reads in the browser, import neither React-PDF nor node:path.
 */
export const PDF_FONT_FAMILY = "DejaVu Sans";
