import Link from "next/link";
import { LINK_STATUS_MARKER } from "@/components/shell/link-status-marker";
import { LinkPending } from "@/components/shell/navigation-progress";

/**
 * The link in a row's first cell, stretched over the whole row (or card) with a pseudo-element, so
 * a click anywhere opens the document while the page keeps one real link per row: it has a name,
 * opens in a new tab with a middle click and is one Tab stop (an onClick on <tr> is none of that).
 * The row needs `relative`; anything else clickable in it (a checkbox, a menu) needs
 * `relative z-10` to sit above the stretched area. <LinkPending /> shows the top progress bar while
 * the document loads (components/shell/navigation-progress.tsx).
 */
export function RowLink({ href, children, className = "" }: { href: string; children: React.ReactNode; className?: string }) {
  return (
    <Link href={href} className={`font-medium text-brand-700 underline-offset-2 after:absolute after:inset-0 hover:underline focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-brand-600 focus-visible:after:ring-inset ${className}`} {...LINK_STATUS_MARKER}>
      {children}
      <LinkPending />
    </Link>
  );
}
