import { env } from "@/lib/env";
import { logoPath } from "@/lib/logo-path";

/** Absolute links for emails: always the configured public URL, never the request's Host header. */
export function absoluteUrl(path: string): string {
  return `${env.APP_URL}${path}`;
}

/** The logo's absolute URL, for emails. */
export const logoUrl = (orgId: string, version: number | string | null | undefined) => absoluteUrl(logoPath(orgId, version));

// Control characters (browsers drop tabs and newlines, so "/\t/evil" becomes "//evil"; CR/LF would
// break the Location header), backslashes (browsers read "\\" as "/"), "//" (a scheme-relative
// URL) and look-alike slashes that some parsers normalise to "/" (U+FF0F, U+2215, U+2044, U+29F8,
// U+FF3C, U+2216, U+29F9, U+FE68).
const UNSAFE_IN_NEXT = /[\u0000-\u001f\u007f-\u009f\\\uff0f\u2215\u2044\u29f8\uff3c\u2216\u29f9\ufe68]|\/\//;

/**
 * Only same-origin paths may be used as a post-login destination (no open redirects). The value
 * is checked as given and after each round of percent-decoding (a hop that decodes once more must
 * not find "//" or "\\" either), then resolved against APP_URL and kept only if it stays there.
 */
export function safeNextPath(next: string | null | undefined, fallback = "/dashboard"): string {
  if (!next || next.length > 2000 || !next.startsWith("/")) return fallback;
  // Only the path decides where the browser goes: a search like "?q=https://x" is kept, though it
  // must be free of control characters too.
  const cut = next.search(/[?#]/);
  const path = cut === -1 ? next : next.slice(0, cut);
  const rest = cut === -1 ? "" : next.slice(cut);
  if (!passesEveryDecoding(path, UNSAFE_IN_NEXT) || !passesEveryDecoding(rest, CONTROL)) return fallback;
  const base = new URL(env.APP_URL);
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  return url.pathname + url.search + url.hash;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function passesEveryDecoding(value: string, unsafe: RegExp): boolean {
  let decoded = value;
  for (let round = 0; ; round++) {
    if (unsafe.test(decoded)) return false;
    let once: string;
    try {
      once = decodeURIComponent(decoded);
    } catch {
      return false;
    }
    if (once === decoded) return true;
    // Still changing after three rounds: nobody writes a legitimate path like that.
    if (round === 3) return false;
    decoded = once;
  }
}
