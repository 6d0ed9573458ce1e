import Link from "next/link";
import { ButtonLink } from "@/components/ui/button-link";

/** Nothing matches the search or status: offer the way back to the default list. */
export function NoMatches({ resetHref, resetLabel, children }: { resetHref: string; resetLabel: string; children: React.ReactNode }) {
  return (
    <p className="text-sm text-slate-700">
      {children}{" "}
      <Link href={resetHref} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        {resetLabel}
      </Link>
    </p>
  );
}

/** The list has nothing at all yet: point straight at creating the first entry. */
export function NothingYet({ message, createHref, createLabel }: { message: string; createHref: string; createLabel: string }) {
  return (
    <div className="py-6 text-center">
      <p className="text-slate-700">{message}</p>
      <div className="mt-4">
        <ButtonLink href={createHref}>{createLabel}</ButtonLink>
      </div>
    </div>
  );
}

/** The frame every list's empty state sits in, so documents, customers and items look alike when empty. */
export function EmptyListBox({ children }: { children: React.ReactNode }) {
  return <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{children}</div>;
}
