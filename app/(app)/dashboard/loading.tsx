import { FiguresSkeleton, SectionSkeleton } from "@/components/reporting/skeleton";
import { catalogs } from "@/lib/i18n/catalogs/app/dashboard";
import { getAppMessages } from "@/lib/session";

export default async function DashboardLoading() {
  const t = await getAppMessages(catalogs);
  return (
    <div className="space-y-8" role="status" aria-label={t("loading")}>
      <div className="h-8 w-1/3 animate-pulse rounded bg-slate-200" />
      <FiguresSkeleton />
      <SectionSkeleton lines={8} />
    </div>
  );
}
