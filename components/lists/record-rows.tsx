import { ArchivedTag, OptimisticRow } from "./optimistic-archive";
import { RowLink } from "./row-link";

/**
 * One row of a list of records that can be archived (a customer, an item), already formatted: the
 * customers and items lists share this table and these phone cards, the documents lists have their
 * own (app/(app)/_documents/document-rows.tsx) because of selection and money columns.
 */
export type RecordRowView = {
  id: string;
  name: string;
  /** Opens the record: the name becomes the row's one link, stretched over the row or card (RowLink). */
  href?: string;
  archived: boolean;
  /** A line under the name in the table (an item's description). */
  note?: string | null;
  /** The table's other cells, in the order of the header's columns. */
  cells: { key: string; content: React.ReactNode; className?: string }[];
  /** The card's figure beside the name (an item's price). */
  figure?: string;
  /** The card's lines under the name; the first reads as the main one. */
  lines: { key: string; content: React.ReactNode; className?: string }[];
  /** Buttons acting on the row: the table's last column, the card's foot. */
  actions?: React.ReactNode;
};

function Name({ row }: { row: RecordRowView }) {
  return (
    <>
      {row.href ? <RowLink href={row.href}>{row.name}</RowLink> : row.name}
      {/* Follows an archive or restore at once inside an OptimisticArchiveList (components/lists/optimistic-archive.tsx). */}
      <ArchivedTag id={row.id} archived={row.archived} />
    </>
  );
}

/** From 640 px: a table; its header row (sortable columns) comes from the page. */
export function RecordTable({ rows, caption, header }: { rows: RecordRowView[]; caption: string; header: React.ReactNode }) {
  const withActions = rows.some((r) => r.actions);
  return (
    <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white sm:block">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-700">{header}</thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <OptimisticRow key={r.id} id={r.id} archived={r.archived}>
            <tr className="relative hover:bg-slate-50">
              {/* A long name or note wraps anywhere (one 150-letter word too) instead of pushing the other columns out of view. */}
              <th scope="row" className="min-w-40 px-4 py-3 font-medium [overflow-wrap:anywhere]">
                <Name row={r} />
                {r.note ? <p className="mt-0.5 line-clamp-2 font-normal text-slate-600">{r.note}</p> : null}
              </th>
              {r.cells.map((c) => (
                <td key={c.key} className={`px-4 py-3 ${c.className ?? ""}`}>{c.content}</td>
              ))}
              {withActions ? <td className="relative z-10 px-4 py-3">{r.actions}</td> : null}
            </tr>
            </OptimisticRow>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Below 640 px: one card per record, name (and figure) first, details below, actions at the foot, so
 * nothing is clipped or scrolled sideways. Long words (an email) wrap where they must.
 */
export function RecordCards({ rows, label }: { rows: RecordRowView[]; label: string }) {
  return (
    <ul aria-label={label} className="space-y-3 sm:hidden">
      {rows.map((r) => (
        <OptimisticRow key={r.id} id={r.id} archived={r.archived}>
        <li className="relative rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:bg-slate-50" data-testid="record-card">
          <div className="flex items-start justify-between gap-3">
            <p className="min-w-0 flex-1 font-semibold break-words text-slate-900">
              <Name row={r} />
            </p>
            {r.figure ? <p className="shrink-0 font-semibold whitespace-nowrap tabular-nums">{r.figure}</p> : null}
          </div>
          {r.lines.map((line, i) => (
            <p key={line.key} className={`mt-1 [overflow-wrap:anywhere] ${i === 0 ? "text-sm text-slate-700" : "text-xs text-slate-700"} ${line.className ?? ""}`}>
              {line.content}
            </p>
          ))}
          {r.actions ? <div className="relative z-10 mt-2">{r.actions}</div> : null}
        </li>
        </OptimisticRow>
      ))}
    </ul>
  );
}
