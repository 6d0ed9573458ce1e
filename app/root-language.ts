import "server-only";
import { headers } from "next/headers";
import { getAppLanguage } from "@/lib/session";
import { clientPageLanguage, load } from "./i/[token]/page-data";

/** A client page, "/i/<token>" exactly: its pay, respond, pdf and xml routes are route handlers, without a layout. */
const CLIENT_PAGE = /^\/i\/([^/?#]+)(?:\?|$)/;

/**
 * The language of `<html lang>`: the language the page's content is written in, from what the
 * page itself reads anyway, so it costs no extra query (React's cache shares the read within the
 * request): a client page is in its document's language; every other page in the app language
 * (the user's choice, else the browser's). Pages whose content is English only (not-found, error)
 * say `lang="en"` on their own `<main>`.
 *
 * The root layout is rendered on a full page load, not on every client-side navigation, so the
 * signed-in frame and the sign-in pages keep their own `lang` too: they are what is current after
 * moving between areas without a reload.
 */
export async function rootLanguage(): Promise<string> {
  const path = (await headers()).get("x-pathname") ?? "/";
  const token = CLIENT_PAGE.exec(path)?.[1];
  try {
    if (token) {
      const found = await load(decodeURIComponent(token));
      // An invalid link's page (app/i/[token]/not-found.tsx) is in English.
      return found ? clientPageLanguage(found) : "en";
    }
    return await getAppLanguage();
  } catch {
    // The page reads the same data and answers the failure itself (error.tsx); the tag is no reason to fail.
    return "en";
  }
}
