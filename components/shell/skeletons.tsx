/**
 * What a page looks like while its data loads (the route's loading.tsx): the outline of the page to
 * come, so a slow navigation never looks frozen. Screen readers hear one "Loading …" status; the
 * grey shapes are hidden from them.
 */
type Kind = "list" | "detail" | "form";

/** `label`: the whole status line already worded in the app language; else "Loading {what}…". */
export function PageSkeleton({ what, label, kind }: { what?: string; label?: string; kind: Kind }) {
  return (
    <div role="status" aria-busy="true" className="space-y-6">
      <span className="sr-only">{label ?? `Loading ${what ?? ""}…`}</span>
      <div aria-hidden="true" className="space-y-6">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <Bar className="h-8 w-48" />
          <Bar className="h-10 w-32" />
        </div>
        {kind === "list" ? <ListShape /> : kind === "detail" ? <DetailShape /> : <FormShape />}
      </div>
    </div>
  );
}

function Bar({ className }: { className: string }) {
  return <div className={`animate-pulse rounded bg-slate-200 motion-reduce:animate-none ${className}`} />;
}

function ListShape() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="flex items-center gap-4 border-b border-slate-100 px-4 py-3 last:border-b-0">
          <Bar className="h-4 w-24" />
          <Bar className="h-4 flex-1" />
          <Bar className="hidden h-4 w-20 sm:block" />
          <Bar className="h-4 w-16" />
        </div>
      ))}
    </div>
  );
}

function DetailShape() {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 lg:col-span-2">
        <Bar className="h-5 w-1/3" />
        {Array.from({ length: 6 }, (_, i) => (
          <Bar key={i} className="h-4 w-full" />
        ))}
      </div>
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
        <Bar className="h-5 w-1/2" />
        <Bar className="h-4 w-full" />
        <Bar className="h-4 w-2/3" />
      </div>
    </div>
  );
}

function FormShape() {
  return (
    <div className="max-w-3xl space-y-5 rounded-lg border border-slate-200 bg-white p-6">
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="space-y-2">
          <Bar className="h-3 w-28" />
          <Bar className="h-10 w-full" />
        </div>
      ))}
    </div>
  );
}
