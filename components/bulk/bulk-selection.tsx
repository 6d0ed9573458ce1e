"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs as bulkCatalogs } from "@/lib/i18n/catalogs/app/bulk";

/**
 * Which rows of a documents list are selected: some rows of this page, or every document matching
 * the list's filter ("Select all N matching"). Held in the browser; the list itself stays a server
 * component that renders these checkboxes into its rows.
 */
type Selection = {
  pageIds: string[];
  selected: Set<string>;
  allMatching: boolean;
  toggle: (id: string) => void;
  togglePage: () => void;
  selectAllMatching: () => void;
  clear: () => void;
};

const SelectionContext = createContext<Selection | null>(null);

export function useBulkSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("useBulkSelection needs a BulkSelectionProvider");
  return selection;
}

export function BulkSelectionProvider({ pageIds, children }: { pageIds: string[]; children: ReactNode }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  // A new page or filter brings other rows: a selection never reaches rows the member can't see.
  const pageKey = pageIds.join(",");
  const [seenKey, setSeenKey] = useState(pageKey);
  if (seenKey !== pageKey) {
    setSeenKey(pageKey);
    setSelected(new Set());
    setAllMatching(false);
  }

  const toggle = useCallback((id: string) => {
    setAllMatching(false);
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const togglePage = useCallback(() => {
    setAllMatching(false);
    setSelected((s) => (pageIds.every((id) => s.has(id)) ? new Set() : new Set(pageIds)));
  }, [pageIds]);
  const selectAllMatching = useCallback(() => {
    setSelected(new Set(pageIds));
    setAllMatching(true);
  }, [pageIds]);
  const clear = useCallback(() => {
    setSelected(new Set());
    setAllMatching(false);
  }, []);

  const value = useMemo(() => ({ pageIds, selected, allMatching, toggle, togglePage, selectAllMatching, clear }), [pageIds, selected, allMatching, toggle, togglePage, selectAllMatching, clear]);
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

const box = "size-5 rounded border-slate-400 accent-brand-600";

/** A 44 px hit area round the 20 px box, a thumb's size on a phone; the negative margin keeps the row's layout. */
function HitArea({ children }: { children: ReactNode }) {
  return <label className="-m-3 inline-flex size-11 cursor-pointer items-center justify-center">{children}</label>;
}

/**
 * The header cell's checkbox: every row of this page (mixed when some are). `bare`: already inside a
 * 44 px label (the phones' "Select all on this page"), so no second, nested label.
 */
export function BulkPageCheckbox({ bare = false }: { bare?: boolean }) {
  const t = useAppMessages(bulkCatalogs);
  const { pageIds, selected, togglePage } = useBulkSelection();
  const count = pageIds.filter((id) => selected.has(id)).length;
  const input = (
    <input
      type="checkbox"
      className={box}
      aria-label={t("selectPage")}
      checked={count > 0 && count === pageIds.length}
      ref={(el) => {
        if (el) el.indeterminate = count > 0 && count < pageIds.length;
      }}
      onChange={togglePage}
    />
  );
  return bare ? input : <HitArea>{input}</HitArea>;
}

/** A row's checkbox, named by the document it selects ("Select INV-2026-0001"). */
export function BulkRowCheckbox({ id, label }: { id: string; label: string }) {
  const t = useAppMessages(bulkCatalogs);
  const { selected, toggle } = useBulkSelection();
  return (
    <HitArea>
      <input type="checkbox" className={box} aria-label={t("selectRow", { label })} checked={selected.has(id)} onChange={() => toggle(id)} />
    </HitArea>
  );
}
