import Link from "next/link";
import { ButtonLink } from "@/components/ui/button-link";
import { LogoMark } from "@/components/ui/logo";

const features = [
  {
    title: "Exact to the cent",
    body: "Amounts are whole minor units in every currency. The editor, the saved invoice, the PDF, the client's page and your CSV exports show the same total — always.",
  },
  {
    title: "PDFs without a browser",
    body: "Invoices, quotes and credit notes render in milliseconds on the server, with your logo, a tax breakdown per rate and page numbers.",
  },
  {
    title: "Email you can trust",
    body: "Every message is queued with the invoice in one transaction and delivered exactly once, with bounces and opens on the invoice timeline.",
  },
  {
    title: "Your clients pay faster",
    body: "A private link shows the invoice and its PDF without an account. Turn on reminders and each goes out once, on the schedule you choose; pause an invoice, or a customer who promised to pay.",
  },
  {
    title: "Cash at a glance",
    body: "Invoiced, collected, outstanding and overdue per currency, with aging and top customers — fast even at 100,000 invoices.",
  },
  {
    title: "Yours to host",
    body: "One click to Render with Postgres, or run it on a laptop with the embedded database. Your data stays where you put it.",
  },
];

export default function HomePage() {
  return (
    <>
      <header className="border-b border-slate-200">
        <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center justify-between px-4 py-4 sm:px-6">
          <Link href="/" className="flex items-center gap-2 text-lg font-bold text-slate-900">
            <LogoMark />
            Smart Invoice
          </Link>
          <div className="flex items-center gap-3">
            <Link href="/login" className="rounded-md px-3 py-2 text-sm font-semibold text-slate-700 hover:text-slate-900">
              Sign in
            </Link>
            <ButtonLink href="/register">Create an account</ButtonLink>
          </div>
        </nav>
      </header>
      <main id="main">
        <section className="bg-gradient-to-b from-brand-50 to-white">
          <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6 sm:py-28">
            <h1 className="max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
              Invoicing for small businesses that gets every cent right.
            </h1>
            <p className="mt-6 max-w-2xl text-lg leading-8 text-slate-700">
              Keep your customers and items, write invoices, quotes and credit notes, send them by email, record payments
              and watch your cash — on a self-hosted app you control.
            </p>
            <div className="mt-10 flex flex-wrap gap-4">
              <ButtonLink href="/register">Start invoicing — it&apos;s free</ButtonLink>
              <ButtonLink href="/login" variant="secondary">
                Sign in
              </ButtonLink>
            </div>
          </div>
        </section>
        <section aria-labelledby="features-heading" className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
          <h2 id="features-heading" className="text-2xl font-bold tracking-tight text-slate-900">
            Everything an invoice needs, nothing it doesn&apos;t
          </h2>
          <ul className="mt-10 grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
            {features.map((f) => (
              <li key={f.title} className="rounded-lg border border-slate-200 p-6">
                <h3 className="text-base font-semibold text-slate-900">{f.title}</h3>
                <p className="mt-2 text-sm leading-6 text-slate-700">{f.body}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <footer className="border-t border-slate-200">
        <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-slate-600 sm:px-6">
          Smart Invoice — open-source invoicing you can host yourself.
        </div>
      </footer>
    </>
  );
}
