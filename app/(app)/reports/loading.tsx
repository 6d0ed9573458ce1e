import { SectionSkeleton } from "@/components/reporting/skeleton";
import { catalogs } from "@/lib/i18n/catalogs/app/reports";
import { getAppMessages } from "@/lib/session";

export default async function ReportsLoading() {
  const t = await getAppMessages(catalogs);
  return (
    <div className="space-y-6" role="status" aria-label={t("loading")}>
      <div className="h-8 w-1/4 animate-pulse rounded bg-slate-200" />
      <SectionSkeleton lines={8} />
    </div>
  );
}
