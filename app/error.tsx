"use client";

import { useEffect } from "react";

// Shows no error text: the digest lets support find the logged details without leaking them.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    document.title = "Something went wrong · Smart Invoice";
  }, []);
  return (
    <main id="main" lang="en" className="mx-auto flex min-h-dvh max-w-xl flex-col items-start justify-center px-6">
      <h1 className="text-3xl font-bold tracking-tight">Something went wrong</h1>
      <p className="mt-4 text-slate-700">
        We couldn&apos;t complete that request. Anything you had already saved is safe. Please try again; if it keeps
        happening, contact support{error.digest ? ` and quote reference ${error.digest}` : ""}.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-8 inline-flex min-h-11 items-center rounded-md bg-brand-600 px-5 py-2.5 text-sm font-semibold text-white hover:bg-brand-700"
      >
        Try again
      </button>
    </main>
  );
}
