import Link from "next/link";

/** Worded by the route (app/(app)/_components/no-access.tsx), in the user's language. */
export function NoAccessNotice({ title, hint, back }: { title: string; hint: string; back: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8">
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      <p className="mt-3 text-slate-700">{hint}</p>
      <Link href="/dashboard" className="mt-6 inline-block text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
        {back}
      </Link>
    </div>
  );
}
