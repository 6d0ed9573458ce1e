"use client";

import { Command } from "cmdk";
import { useEffect, useMemo, useRef, useState } from "react";
import { useAppMessages } from "@/components/i18n/app-language";
import { searchCommandMenu } from "@/lib/actions/command-search";
import { actionMatches, type CommandAction, type CommandHit, type CommandSearchResults } from "@/lib/command-menu";
import { catalogs, type CommandMenuKey } from "@/lib/i18n/catalogs/app/command-menu";

/** Long enough to skip the keystrokes of a word being typed, short enough to feel immediate. */
const DEBOUNCE_MS = 150;

type Props = {
  actions: CommandAction[];
  onNavigate: (href: string) => void;
  onShowShortcuts: () => void;
};

const groupClass =
  "px-2 pb-2 [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:pt-3 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:uppercase [&_[cmdk-group-heading]]:tracking-wide [&_[cmdk-group-heading]]:text-slate-600";
const itemClass =
  "flex min-h-11 cursor-pointer items-center justify-between gap-3 rounded-md px-3 py-2 text-sm text-slate-900 data-[selected=true]:bg-brand-50 data-[selected=true]:text-brand-900";

/**
 * The menu's content: the input, the actions matching what is typed and the server's search
 * results. Loaded (and so rendered) only while the menu is open: cmdk's hidden label carries an
 * inline style attribute, which the strict CSP refuses in server-rendered HTML; set by React in
 * the browser it is a CSSOM write, which CSP allows.
 */
const SHORTCUTS: CommandAction = { id: "shortcuts", label: "Keyboard shortcuts", href: "", group: "Actions", keywords: ["help", "keys"] };

/** The group headings shown, by the group ids the rows' values use. */
const HEADINGS: Record<string, CommandMenuKey> = {
  Invoices: "group.invoices",
  Quotes: "group.quotes",
  "Credit notes": "group.creditNotes",
  Customers: "group.customers",
  Items: "group.items",
  Actions: "group.actions",
  "Go to": "group.goTo",
};

/** The actions shown for what is typed, in the order they are listed (Actions, then Go to). */
function listedActions(actions: CommandAction[], query: string, shortcuts: CommandAction): CommandAction[] {
  const all = [...actions.filter((a) => a.group === "Actions"), shortcuts, ...actions.filter((a) => a.group === "Go to")];
  return all.filter((a) => actionMatches(a, query));
}

function resultGroups(results: CommandSearchResults | null): [string, CommandHit[]][] {
  if (!results) return [];
  return [
    ["Invoices", results.invoices],
    ["Quotes", results.quotes],
    ["Credit notes", results.creditNotes],
    ["Customers", results.customers],
    ["Items", results.items],
  ];
}

/** The first row shown, which Enter opens once the answer arrives. */
function firstValue(results: CommandSearchResults | null, actions: CommandAction[], query: string, shortcuts: CommandAction): string {
  for (const [heading, hits] of resultGroups(results)) if (hits[0]) return `${heading}:${hits[0].id}`;
  const action = listedActions(actions, query, shortcuts)[0];
  return action ? `action:${action.id}` : "";
}

export default function CommandPalette({ actions, onNavigate, onShowShortcuts }: Props) {
  const t = useAppMessages(catalogs);
  const shortcutsLabel = t("action.shortcuts");
  // The same object for the whole session of the menu: rows recognise it by identity.
  const shortcutsAction = useMemo<CommandAction>(
    () => (shortcutsLabel === SHORTCUTS.label ? SHORTCUTS : { ...SHORTCUTS, label: shortcutsLabel, keywords: [...(SHORTCUTS.keywords ?? []), SHORTCUTS.label] }),
    [shortcutsLabel],
  );
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<CommandSearchResults | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Controlled: when an answer replaces the rows, cmdk would keep pointing at a row that is gone.
  const [selected, setSelected] = useState("");
  const latest = useRef(0);
  const unavailable = t("palette.unavailable");

  const change = (value: string) => {
    setQuery(value);
    const empty = !value.trim();
    setSearching(!empty);
    if (empty) {
      setResults(null);
      setError(null);
    }
  };

  useEffect(() => {
    const term = query.trim();
    const request = ++latest.current;
    if (!term) return;
    const timer = setTimeout(async () => {
      const result = await searchCommandMenu({ q: term }).catch(() => null);
      // A slower answer to an earlier query must not replace the one for what is typed now.
      if (request !== latest.current) return;
      setSearching(false);
      if (result?.ok) {
        setResults(result.data);
        setSelected(firstValue(result.data, actions, term, shortcutsAction));
        setError(null);
      } else {
        setError(result?.message ?? unavailable);
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, actions, unavailable, shortcutsAction]);

  const listed = listedActions(actions, query, shortcutsAction);
  const groups = resultGroups(results);
  const found = groups.reduce((n, [, hits]) => n + hits.length, 0);
  const status = error ?? (searching ? t("palette.searching") : results ? t("palette.results", { found, term: results.term }) : "");

  return (
    <Command label={t("palette.label")} shouldFilter={false} loop value={selected} onValueChange={setSelected} className="flex max-h-[min(70vh,32rem)] flex-col">
      <div className="flex items-center gap-2 border-b border-slate-200 px-4">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 shrink-0 fill-slate-500">
          <path d="M8.5 3a5.5 5.5 0 0 1 4.38 8.83l3.65 3.64a.75.75 0 1 1-1.06 1.06l-3.64-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" />
        </svg>
        <Command.Input
          // The dialog opened before this chunk arrived, so its own initial focus found no input.
          autoFocus
          data-autofocus
          value={query}
          onValueChange={change}
          maxLength={100}
          placeholder={t("palette.placeholder")}
          className="min-h-12 w-full bg-transparent py-3 text-base text-slate-900 outline-none placeholder:text-slate-500"
        />
      </div>
      <p role="status" className="sr-only">
        {status}
      </p>
      {error ? (
        <p className="px-4 pt-3 text-sm text-red-800" aria-hidden="true">
          {error}
        </p>
      ) : null}
      <Command.List className="overflow-y-auto overscroll-contain">
        <Command.Empty className="px-4 py-6 text-center text-sm text-slate-700">{searching ? t("palette.searching") : t("palette.nothingFound", { query: query.trim() })}</Command.Empty>
        {groups.map(([heading, hits]) =>
          hits.length > 0 ? (
            <Command.Group key={heading} heading={t(HEADINGS[heading] ?? "group.actions")} className={groupClass}>
              {hits.map((hit) => (
                <Command.Item key={hit.id} value={`${heading}:${hit.id}`} onSelect={() => onNavigate(hit.href)} className={itemClass}>
                  <span className="min-w-0 truncate font-medium">{hit.label}</span>
                  {hit.detail ? <span className="min-w-0 truncate text-xs text-slate-600">{hit.detail}</span> : null}
                </Command.Item>
              ))}
            </Command.Group>
          ) : null,
        )}
        {(["Actions", "Go to"] as const).map((group) => {
          const inGroup = listed.filter((a) => a.group === group);
          if (inGroup.length === 0) return null;
          return (
            <Command.Group key={group} heading={t(HEADINGS[group] ?? "group.actions")} className={groupClass}>
              {inGroup.map((a) => (
                <Command.Item key={a.id} value={`action:${a.id}`} onSelect={a === shortcutsAction ? onShowShortcuts : () => onNavigate(a.href)} className={itemClass}>
                  <span className="font-medium">{a.label}</span>
                  {a === shortcutsAction ? <Keys keys={["?"]} /> : a.keys ? <Keys keys={a.keys} /> : null}
                </Command.Item>
              ))}
            </Command.Group>
          );
        })}
      </Command.List>
      <p className="border-t border-slate-200 px-4 py-2 text-xs text-slate-600" aria-hidden="true">
        {t("palette.help")}
      </p>
    </Command>
  );
}

function Keys({ keys }: { keys: string[] }) {
  return (
    <span className="flex shrink-0 gap-1" aria-hidden="true">
      {keys.map((k, i) => (
        <kbd key={i} className="rounded border border-slate-300 bg-slate-50 px-1.5 font-sans text-xs text-slate-700">
          {k}
        </kbd>
      ))}
    </span>
  );
}
