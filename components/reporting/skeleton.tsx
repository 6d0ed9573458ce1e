/** Placeholder shown while a streamed section's queries run. */
export function SectionSkeleton({ className = "", lines = 4 }: { className?: string; lines?: number }) {
  return (
    <div className={`rounded-lg border border-slate-200 bg-white p-5 ${className}`} aria-hidden="true">
      <div className="h-4 w-1/3 animate-pulse rounded bg-slate-200" />
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="mt-3 h-3 animate-pulse rounded bg-slate-100" />
      ))}
    </div>
  );
}

export function FiguresSkeleton() {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-hidden="true">
      {Array.from({ length: 7 }, (_, i) => (
        <SectionSkeleton key={i} lines={2} />
      ))}
    </div>
  );
}
