import { headers } from "next/headers";
import { unsafeRevokedLinkSender } from "@/lib/data/links";

export const metadata = { title: { absolute: "Link no longer valid" }, robots: { index: false, follow: false }, referrer: "no-referrer" };

/**
 * A client link that is revoked, unknown or whose document isn't issued (answered 404 by
 * notFound() in page.tsx). A revoked link names who sent it, so the client knows whom to ask; an
 * unknown one can't, and isn't told anything else about what exists.
 */
export default async function InvalidLink() {
  // The proxy forwards the requested path (a not-found page receives no params).
  const path = (await headers()).get("x-pathname") ?? "";
  const token = /^\/i\/([^/?]+)/.exec(path)?.[1];
  const sender = token ? await unsafeRevokedLinkSender(token) : null;
  return (
    <main id="main" lang="en" className="mx-auto flex min-h-dvh max-w-xl flex-col items-start justify-center px-6">
      <h1 className="text-2xl font-bold tracking-tight">This link is no longer valid</h1>
      <p className="mt-4 text-slate-700">
        {sender
          ? `Ask ${sender} for a new one.`
          : "Ask whoever sent it to you for a new one. If you typed the address, check it against the email you received."}
      </p>
    </main>
  );
}
