import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { unsafeGetEmail } from "@/lib/data/outbox";
import { requireOutboxAccess } from "../access";

export const dynamic = "force-dynamic";
// Checked here too: a static title would name the page in the 404 answered to everyone else.
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  await requireOutboxAccess(`/dev/outbox/${encodeURIComponent((await params).id)}`);
  return { title: "Email · Development outbox", robots: { index: false, follow: false } };
}

const statusStyles: Record<string, string> = {
  queued: "bg-amber-50 text-amber-800 ring-amber-600/30",
  sending: "bg-sky-50 text-sky-800 ring-sky-600/30",
  sent: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
  unconfirmed: "bg-sky-50 text-sky-800 ring-sky-600/30",
  failed: "bg-red-50 text-red-800 ring-red-600/30",
};

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

const urlPattern = /https?:\/\/[^\s<>"]+/g;

/**
 * The plain-text body with each http(s) URL as a real link, so a newcomer (or a Playwright test)
 * can follow "the link in the email". Built as React nodes: the text is never parsed as HTML.
 */
function linkify(text: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    // Sentence punctuation after a URL ("...abc." or "(see https://x)") is not part of it.
    const url = match[0].replace(/[.,;:!?)\]}'*]+$/, "");
    const start = match.index;
    if (start > last) nodes.push(text.slice(last, start));
    nodes.push(
      <a key={start} href={url} className="break-all text-brand-700 underline underline-offset-2">
        {url}
      </a>,
    );
    last = start + url.length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

function base64Size(b64: string): string {
  const bytes = Math.floor((b64.replace(/=+$/, "").length * 3) / 4);
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

export default async function OutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireOutboxAccess(`/dev/outbox/${encodeURIComponent(id)}`);
  const email = await unsafeGetEmail(id);
  if (!email) notFound();

  const headers: [string, ReactNode][] = [
    ["To", email.toAddress],
    ...(email.ccAddresses?.length ? ([["CC", email.ccAddresses.join(", ")]] as [string, ReactNode][]) : []),
    ["From", email.fromAddress],
    ...(email.replyTo ? ([["Reply-To", email.replyTo]] as [string, ReactNode][]) : []),
    ["Subject", email.subject],
    ["Kind", email.kind],
    [
      "Status",
      <span
        key="status"
        className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${statusStyles[email.status] ?? ""}`}
      >
        {email.status}
      </span>,
    ],
    ["Transport", email.transport ?? "—"],
    ["Attempts", String(email.attempts)],
    ["Created", <time key="created" dateTime={email.createdAt.toISOString()}>{timeFormat.format(email.createdAt)} UTC</time>],
    [
      "Sent",
      email.sentAt ? <time key="sent" dateTime={email.sentAt.toISOString()}>{timeFormat.format(email.sentAt)} UTC</time> : "—",
    ],
    ["Provider id", email.providerMessageId ?? "—"],
    ["Error", email.lastError ?? "—"],
  ];

  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <p className="text-sm">
        <Link href="/dev/outbox" className="font-semibold text-brand-700 hover:underline">
          ← Development outbox
        </Link>
      </p>
      <h1 className="mt-4 text-2xl font-bold tracking-tight text-slate-900">{email.subject || "(no subject)"}</h1>

      <section aria-labelledby="headers-heading" className="mt-6">
        <h2 id="headers-heading" className="sr-only">
          Headers
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm">
          {headers.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-semibold text-slate-600">{label}</dt>
              <dd className="break-words text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      {email.attachments && email.attachments.length > 0 && (
        <section aria-labelledby="attachments-heading" className="mt-8">
          <h2 id="attachments-heading" className="text-lg font-semibold text-slate-900">
            Attachments
          </h2>
          <ul className="mt-2 list-disc pl-6 text-sm">
            {email.attachments.map((a, i) => (
              <li key={`${i}-${a.filename}`}>
                {/* A download link to the stored bytes: no route needed for a debugging page. */}
                <a
                  href={`data:${a.contentType};base64,${a.contentBase64}`}
                  download={a.filename}
                  className="text-brand-700 underline underline-offset-2"
                >
                  {a.filename}
                </a>{" "}
                <span className="text-slate-600">
                  ({a.contentType}, {base64Size(a.contentBase64)})
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="text-heading" className="mt-8">
        <h2 id="text-heading" className="text-lg font-semibold text-slate-900">
          Plain text
        </h2>
        <pre className="mt-2 whitespace-pre-wrap break-words rounded-lg border border-slate-200 bg-white p-4 font-sans text-sm leading-6 text-slate-900">
          {linkify(email.text)}
        </pre>
      </section>

      <section aria-labelledby="html-heading" className="mt-8">
        <h2 id="html-heading" className="text-lg font-semibold text-slate-900">
          HTML
        </h2>
        {/*
          The email's own HTML never enters this page's DOM: an empty sandbox gives the frame an
          opaque origin with no scripts, forms, popups or navigation of this page.
        */}
        <iframe
          sandbox=""
          srcDoc={email.html}
          title={`HTML version of “${email.subject}”`}
          className="mt-2 h-[640px] w-full rounded-lg border border-slate-200 bg-white"
        />
      </section>
    </main>
  );
}
