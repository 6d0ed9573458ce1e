"use client";

import { useState, useTransition } from "react";
import { archiveTaxRate, unarchiveTaxRate } from "@/lib/actions/tax-rates";

export function TaxRateArchiveButton({ id, name, archived }: { id: string; name: string; archived: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        disabled={pending}
        aria-label={`${archived ? "Restore" : "Archive"} ${name}`}
        onClick={() =>
          startTransition(async () => {
            const result = await (archived ? unarchiveTaxRate : archiveTaxRate)({ id });
            setError(result.ok ? null : result.message);
          })
        }
        className="rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        {archived ? "Restore" : "Archive"}
      </button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}
