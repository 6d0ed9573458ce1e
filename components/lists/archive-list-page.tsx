import { ButtonLink } from "@/components/ui/button-link";
import { listSortOptions, type SortChoice, sortValue } from "@/lib/list-sort-choices";
import { ArchiveListControls, ArchiveListEmpty } from "./archive-list-controls";
import { ListPagination } from "./list-pagination";
import type { ListProps } from "./list-props";
import { OptimisticArchiveList } from "./optimistic-archive";
import { RecordCards, type RecordRowView, RecordTable } from "./record-rows";
import { SortHeader } from "./sort-header";
import { SortSelect } from "./sort-select";

type ArchiveStatus = "active" | "archived" | "all";

/** What the page calls its records, in each place the shared frame names them. */
export type ArchiveListWords = {
  /** "Customers": the heading, the tabs' and the table's names. */
  title: string;
  one: string;
  many: string;
  /** The heading's button ("New customer") and the empty list's ("Add your first customer"), both to `createHref`. */
  newLabel: string;
  createLabel: string;
  createHref: string;
  searchLabel: string;
  placeholder: string;
  /** The empty state of an organisation with none at all. */
  nothingYet: string;
  /** The table's caption ("Customers, page 1 of 3") and its actions column's name. */
  pageCaption: (page: number, pages: number) => string;
  actionsColumn: string;
};

/**
 * The whole page of a list whose records can be archived (customers, items): heading and New
 * button, status tabs and search, the empty state, then the phone cards and the table (sorted by
 * name or by the page's own columns), the pages. The page loads the rows and formats them
 * (RecordRowView); `columns` are the header cells between Name and the actions, in the order of
 * each row's `cells`.
 */
export function ArchiveListPage<Sort extends string>({
  list,
  state,
  entity,
  words,
  sortChoices,
  rows,
  total,
  pageSize,
  columns,
}: ListProps<"name" | Sort, ArchiveStatus> & {
  entity: React.ComponentProps<typeof OptimisticArchiveList>["entity"];
  words: ArchiveListWords;
  sortChoices: readonly SortChoice<"name" | Sort>[];
  rows: RecordRowView[];
  total: number;
  pageSize: number;
  columns: React.ReactNode;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const caption = words.pageCaption(Math.min(state.page, pages), pages);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">{words.title}</h1>
        <ButtonLink href={words.createHref}>{words.newLabel}</ButtonLink>
      </div>

      <ArchiveListControls list={list} state={state} title={words.title} many={words.many} searchLabel={words.searchLabel} placeholder={words.placeholder} />

      {total === 0 ? (
        <ArchiveListEmpty list={list} state={state} many={words.many} nothingYet={words.nothingYet} createHref={words.createHref} createLabel={words.createLabel} />
      ) : (
        <OptimisticArchiveList entity={entity} view={state.status}>
          <SortSelect options={listSortOptions(list, state, sortChoices)} current={sortValue(state.sort, state.dir)} className="mb-3" />
          <RecordCards rows={rows} label={caption} />
          <RecordTable
            rows={rows}
            caption={caption}
            header={
              <tr>
                <SortHeader list={list} state={state} sort="name" label="Name" />
                {columns}
                <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">{words.actionsColumn}</span></th>
              </tr>
            }
          />
          <ListPagination list={list} state={state} total={total} pageSize={pageSize} noun={{ one: words.one, many: words.many }} />
        </OptimisticArchiveList>
      )}
    </div>
  );
}
