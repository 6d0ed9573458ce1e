"use client";

import { useState, useTransition } from "react";
import { useAppMessages } from "@/components/i18n/app-language";
import { archiveTaxRate, unarchiveTaxRate } from "@/lib/actions/tax-rates";
import { catalogs } from "@/lib/i18n/catalogs/app/settings";

export function TaxRateArchiveButton({ id, name, archived }: { id: string; name: string; archived: boolean }) {
  const t = useAppMessages(catalogs);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        disabled={pending}
        aria-label={t(archived ? "taxes.restoreName" : "taxes.archiveName", { name })}
        onClick={() =>
          startTransition(async () => {
            const result = await (archived ? unarchiveTaxRate : archiveTaxRate)({ id });
            setError(result.ok ? null : result.message);
          })
        }
        className="rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        {archived ? t("taxes.restore") : t("taxes.archive")}
      </button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}
