import Link from "next/link";

export function NoAccess({ what }: { what: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8">
      <h1 className="text-2xl font-bold tracking-tight">You don&apos;t have access to {what}</h1>
      <p className="mt-3 text-slate-700">Ask an owner or admin of this organisation if you need it.</p>
      <Link href="/dashboard" className="mt-6 inline-block text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
        Back to the dashboard
      </Link>
    </div>
  );
}
