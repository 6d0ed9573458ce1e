import { SectionSkeleton } from "@/components/reporting/skeleton";

export default function ReportsLoading() {
  return (
    <div className="space-y-6" role="status" aria-label="Loading reports">
      <div className="h-8 w-1/4 animate-pulse rounded bg-slate-200" />
      <SectionSkeleton lines={8} />
    </div>
  );
}
