import { headers } from "next/headers";
import { unsafeRevokedLinkSender } from "@/lib/data/links";
import { clientPageMessages } from "@/lib/i18n/catalogs/client-page";
import { browserDocumentLanguage, textDirection } from "@/lib/i18n/languages";

export async function generateMetadata() {
  const t = clientPageMessages(browserDocumentLanguage((await headers()).get("accept-language")));
  return { title: { absolute: t("invalidLink.metaTitle") }, robots: { index: false, follow: false }, referrer: "no-referrer" as const };
}

/**
 * A client link that is revoked, unknown or whose document isn't issued (answered 404 by
 * notFound() in page.tsx). A revoked link names who sent it, so the client knows whom to ask; an
 * unknown one can't, and isn't told anything else about what exists. Its document's language is
 * not known here (nor to be revealed), so the page speaks what the browser asks for among the
 * document languages, else English.
 */
export default async function InvalidLink() {
  const requestHeaders = await headers();
  const language = browserDocumentLanguage(requestHeaders.get("accept-language"));
  const t = clientPageMessages(language);
  // The proxy forwards the requested path (a not-found page receives no params).
  const path = requestHeaders.get("x-pathname") ?? "";
  const token = /^\/i\/([^/?]+)/.exec(path)?.[1];
  const sender = token ? await unsafeRevokedLinkSender(token) : null;
  return (
    <main id="main" lang={language} dir={textDirection(language)} className="mx-auto flex min-h-dvh max-w-xl flex-col items-start justify-center px-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("invalidLink.title")}</h1>
      <p className="mt-4 text-slate-700">{sender ? t("invalidLink.askSender", { sender }) : t("invalidLink.askWhoever")}</p>
    </main>
  );
}
