import { ButtonLink } from "@/components/ui/button-link";

export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main id="main" lang="en" className="mx-auto flex min-h-dvh max-w-xl flex-col items-start justify-center px-6">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">We couldn&apos;t find that page</h1>
      <p className="mt-4 text-slate-700">
        The link may be mistyped, or the page may have moved. Nothing you saved has been affected.
      </p>
      <div className="mt-8">
        <ButtonLink href="/">Go to the home page</ButtonLink>
      </div>
    </main>
  );
}
