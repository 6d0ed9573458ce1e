"use client";

import "./globals.css";

// Replaces the root layout when it fails, so it brings its own <html> and stylesheet.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main" className="mx-auto mt-[15vh] max-w-xl px-6 font-sans">
          <h1 className="text-3xl font-bold">Something went wrong</h1>
          <p className="mt-4">
            Smart Invoice couldn&apos;t load this page. Anything you had already saved is safe.
            {error.digest ? ` Reference: ${error.digest}.` : ""}
          </p>
          <button type="button" onClick={reset} className="mt-8 rounded-md bg-brand-600 px-5 py-2.5 text-sm font-semibold text-white">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
