"use client";

import { useState, useTransition } from "react";
import { useAppMessages } from "@/components/i18n/app-language";
import { setUserDisabledAction } from "@/lib/actions/admin";
import { catalogs } from "@/lib/i18n/catalogs/app/admin";

export function UserToggle({ userId, name, disabled }: { userId: string; name: string; disabled: boolean }) {
  const t = useAppMessages(catalogs);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const r = await setUserDisabledAction({ userId, disabled: !disabled });
            setError(r.ok ? null : r.message);
          })
        }
        className={`rounded-md px-2 py-1.5 text-sm font-medium ${disabled ? "text-brand-700 hover:bg-brand-50" : "text-red-700 hover:bg-red-50"}`}
        aria-label={t(disabled ? "enableName" : "disableName", { name })}
      >
        {disabled ? t("enable") : t("disable")}
      </button>
      {error ? <span role="alert" className="block text-sm text-red-700">{error}</span> : null}
    </>
  );
}
