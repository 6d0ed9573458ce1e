import type { Metadata } from "next";
import Link from "next/link";
import { unsafeListAllEmails } from "@/lib/data/outbox";
import { requireOutboxAccess } from "./access";

export const dynamic = "force-dynamic";
// Checked here too: a static title would name the page in the 404 answered to everyone else.
export async function generateMetadata(): Promise<Metadata> {
  await requireOutboxAccess("/dev/outbox");
  return { title: "Development outbox", robots: { index: false, follow: false } };
}

const PAGE_SIZE = 50;

const statusStyles: Record<string, string> = {
  queued: "bg-amber-50 text-amber-800 ring-amber-600/30",
  sending: "bg-sky-50 text-sky-800 ring-sky-600/30",
  sent: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
  unconfirmed: "bg-sky-50 text-sky-800 ring-sky-600/30",
  failed: "bg-red-50 text-red-800 ring-red-600/30",
};

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/**
 * Every email this instance has written, for whoever runs it locally: with no mail provider
 * configured this is where password-reset and invitation links end up. It is deliberately
 * unscoped (every organisation's mail): signed-in users in development, platform administrators
 * with DEBUG on in production (./access.ts).
 */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  await requireOutboxAccess("/dev/outbox");
  const raw = (await searchParams).page;
  const page = Math.max(1, Number.parseInt(typeof raw === "string" ? raw : "1", 10) || 1);
  // One extra row tells whether there is an older page.
  const rows = await unsafeListAllEmails({ limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
  const hasOlder = rows.length > PAGE_SIZE;
  const emails = rows.slice(0, PAGE_SIZE);

  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Development outbox</h1>
      <p className="mt-3 max-w-3xl rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        Development outbox: messages the app would have emailed. Configure SENDGRID_API_KEY or EMAIL_HOST to deliver real
        email.
      </p>

      {emails.length === 0 ? (
        <p className="mt-8 text-slate-700">
          {page === 1 ? "No emails yet. Sign up, reset a password or send an invoice and it will appear here." : "No emails on this page."}
        </p>
      ) : (
        <div className="mt-8 overflow-x-auto rounded-lg border border-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
            <caption className="sr-only">Emails, newest first</caption>
            <thead className="bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">Time (UTC)</th>
                <th scope="col" className="px-4 py-3">To</th>
                <th scope="col" className="px-4 py-3">Subject</th>
                <th scope="col" className="px-4 py-3">Kind</th>
                <th scope="col" className="px-4 py-3">Status</th>
                <th scope="col" className="px-4 py-3">Transport</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 bg-white">
              {emails.map((email) => (
                <tr key={email.id} className="hover:bg-slate-50">
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                    <time dateTime={email.createdAt.toISOString()}>{timeFormat.format(email.createdAt)}</time>
                  </td>
                  <td className="px-4 py-3 text-slate-900">{email.toAddress}</td>
                  <th scope="row" className="px-4 py-3 font-medium">
                    <Link href={`/dev/outbox/${email.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {email.subject || "(no subject)"}
                    </Link>
                  </th>
                  <td className="px-4 py-3 text-slate-600">{email.kind}</td>
                  <td className="px-4 py-3">
                    <span
                      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${statusStyles[email.status] ?? ""}`}
                    >
                      {email.status}
                    </span>
                  </td>
                  <td className="px-4 py-3 text-slate-600">{email.transport ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {(page > 1 || hasOlder) && (
        <nav aria-label="Pagination" className="mt-6 flex gap-4 text-sm font-semibold">
          {page > 1 && (
            <Link href={page === 2 ? "/dev/outbox" : `/dev/outbox?page=${page - 1}`} className="text-brand-700 hover:underline">
              Newer emails
            </Link>
          )}
          {hasOlder && (
            <Link href={`/dev/outbox?page=${page + 1}`} className="text-brand-700 hover:underline">
              Older emails
            </Link>
          )}
        </nav>
      )}
    </main>
  );
}
