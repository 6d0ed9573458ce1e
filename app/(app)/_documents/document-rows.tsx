import type { DocumentStatus } from "@/db/schema";
import { RowLink } from "@/components/lists/row-link";
import { OverpaidBadge } from "@/components/documents/payment-flags";
import { StatusBadge } from "@/components/documents/status-badge";

/** One document as the list shows it, already formatted (dates in the organisation's locale, money per currency). */
export type DocumentRowView = {
  id: string;
  href: string;
  number: string;
  /** Names the row's selection checkbox ("Select INV-0001", "Select draft for Acme"). */
  selectLabel: string;
  customerName: string;
  issueDate: string;
  dueDate: string;
  status: DocumentStatus;
  overdue: boolean;
  deposit: boolean;
  total: string;
  /** Invoices only: what is still owed, or by how much an online payment overpaid. */
  balance?: { amount: string; overpaid: boolean };
};

/** The few words the rows show, in the user's language (from the list's catalog). */
export type DocumentRowWords = { deposit: string; balance: (amount: string) => string; overpaid: (amount: string) => { label: string; hint: string } };

const Deposit = ({ label }: { label: string }) => <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800">{label}</span>;

function Balance({ balance, words }: { balance: NonNullable<DocumentRowView["balance"]>; words: DocumentRowWords }) {
  // Only an online overpayment leaves a balance below zero (documents_amounts_check).
  return balance.overpaid ? <OverpaidBadge {...words.overpaid(balance.amount)} /> : <>{balance.amount}</>;
}

/**
 * From 640 px: a table. Each row is `relative` and its number cell holds the row's one link,
 * stretched over the row (RowLink); a cell added before it (a selection checkbox) needs `relative z-10`.
 */
export function DocumentTable({ words, rows, caption, header, select }: { words: DocumentRowWords; rows: DocumentRowView[]; caption: string; header: React.ReactNode; select?: (row: DocumentRowView) => React.ReactNode }) {
  return (
    <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white sm:block">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-700">{header}</thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} className="relative hover:bg-slate-50">
              {select ? <td className="relative z-10 w-10 px-4 py-2">{select(r)}</td> : null}
              <th scope="row" className="px-4 py-2 font-medium whitespace-nowrap">
                <RowLink href={r.href}>{r.number}</RowLink>
                {r.deposit ? <Deposit label={words.deposit} /> : null}
              </th>
              <td className="px-4 py-2">{r.customerName}</td>
              <td className="px-4 py-2 whitespace-nowrap">{r.issueDate}</td>
              <td className="px-4 py-2 whitespace-nowrap">{r.dueDate}</td>
              <td className="px-4 py-2">
                <StatusBadge status={r.status} overdue={r.overdue} />
              </td>
              <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">{r.total}</td>
              {r.balance ? (
                <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">
                  <Balance balance={r.balance} words={words} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Below 640 px: one card per document, customer and number first, status and amount second, so
 * nothing is clipped or scrolled sideways. The number is the card's one link, stretched over it.
 */
export function DocumentCards({ words, rows, label, select }: { words: DocumentRowWords; rows: DocumentRowView[]; label: string; select?: (row: DocumentRowView) => React.ReactNode }) {
  return (
    <ul aria-label={label} className="space-y-3 sm:hidden">
      {rows.map((r) => (
        <li key={r.id} className="relative rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:bg-slate-50" data-testid="document-card">
          <div className="flex items-start justify-between gap-3">
            {select ? <span className="relative z-10 shrink-0">{select(r)}</span> : null}
            <p className="min-w-0 flex-1 font-semibold break-words text-slate-900">{r.customerName}</p>
            <RowLink href={r.href} className="shrink-0 text-sm">
              {r.number}
            </RowLink>
          </div>
          <div className="mt-2 flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
            <StatusBadge status={r.status} overdue={r.overdue} />
            <p className="text-right font-semibold whitespace-nowrap tabular-nums">{r.total}</p>
          </div>
          <p className="mt-1 flex flex-wrap justify-between gap-x-3 text-xs text-slate-700">
            <span>
              {r.issueDate}
              {r.deposit ? ` · ${words.deposit}` : ""}
            </span>
            {r.balance ? (
              <span className="tabular-nums">
                {r.balance.overpaid ? <Balance balance={r.balance} words={words} /> : <>{words.balance(r.balance.amount)}</>}
              </span>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
