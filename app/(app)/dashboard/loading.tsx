import { FiguresSkeleton, SectionSkeleton } from "@/components/reporting/skeleton";

export default function DashboardLoading() {
  return (
    <div className="space-y-8" role="status" aria-label="Loading the dashboard">
      <div className="h-8 w-1/3 animate-pulse rounded bg-slate-200" />
      <FiguresSkeleton />
      <SectionSkeleton lines={8} />
    </div>
  );
}
