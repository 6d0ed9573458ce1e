"use client";

import Link from "next/link";
import { useTransition } from "react";
import { useAppMessages } from "@/components/i18n/app-language";
import { switchOrganization } from "@/lib/actions/team";
import { catalogs } from "@/lib/i18n/catalogs/app/shell";

export function OrgSwitcher({ current, organizations }: { current: string; organizations: { id: string; name: string }[] }) {
  const [pending, startTransition] = useTransition();
  const t = useAppMessages(catalogs);
  const currentName = organizations.find((o) => o.id === current)?.name ?? "";
  if (organizations.length < 2) {
    return (
      <span className="flex items-center gap-2 text-sm font-medium text-slate-900">
        {currentName}
        <Link href="/organizations/new" className="inline-flex items-center text-xs font-medium text-brand-700 underline-offset-2 max-lg:min-h-11 hover:underline">
          {t("newOrganisation")}
        </Link>
      </span>
    );
  }
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t("organisation")}</span>
      <select
        value={current}
        disabled={pending}
        onChange={(e) => {
          const orgId = e.target.value;
          startTransition(async () => {
            await switchOrganization({ orgId });
          });
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm font-medium"
      >
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
