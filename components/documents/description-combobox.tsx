"use client";

import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs as editorCatalogs } from "@/lib/i18n/catalogs/app/editor";
import { useId, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Textarea } from "@/components/ui/field";
import type { EditorItem } from "./editor-types";

const MAX_OPTIONS = 8;

/** Items whose name or description contains every typed word, names starting with the text first. */
export function matchItems(items: EditorItem[], text: string): EditorItem[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const haystack = (i: EditorItem) => `${i.name} ${i.description ?? ""}`.toLowerCase();
  const first = words.join(" ");
  return items
    .filter((i) => words.every((w) => haystack(i).includes(w)))
    .sort((a, b) => Number(b.name.toLowerCase().startsWith(first)) - Number(a.name.toLowerCase().startsWith(first)) || a.name.localeCompare(b.name))
    .slice(0, MAX_OPTIONS);
}

/**
 * A line's description with the catalogue as suggestions (the ARIA combobox pattern with a listbox
 * popup): typing lists matching items, ↓/↑ move through them, Enter or a click fills the line from
 * the item, Escape closes the list. A textarea rather than an input: descriptions may run over
 * several lines. Without a match it is a plain description field.
 */
export function DescriptionCombobox({
  id,
  value,
  items,
  invalid,
  describedBy,
  field,
  onChoose,
  formatPrice,
}: {
  id: string;
  value: string;
  items: EditorItem[];
  invalid: boolean;
  describedBy?: string;
  field: UseFormRegisterReturn;
  onChoose: (item: EditorItem) => void;
  formatPrice: (item: EditorItem) => string;
}) {
  const t = useAppMessages(editorCatalogs);
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const options = open ? matchItems(items, value) : [];
  const expanded = options.length > 0;
  const optionId = (i: number) => `${listId}-option-${i}`;

  const choose = (item: EditorItem) => {
    onChoose(item);
    setOpen(false);
    setActive(-1);
  };

  return (
    <div className="relative">
      <Textarea
        id={id}
        rows={2}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        invalid={invalid}
        aria-describedby={describedBy}
        autoComplete="off"
        {...field}
        onChange={(e) => {
          setOpen(true);
          setActive(-1);
          return field.onChange(e);
        }}
        onBlur={(e) => {
          setOpen(false);
          return field.onBlur(e);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && items.length) {
            e.preventDefault();
            if (!open) setOpen(true);
            setActive((a) => Math.min(a + 1, Math.max(matchItems(items, value).length - 1, 0)));
          } else if (e.key === "ArrowUp" && expanded) {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter" && expanded && active >= 0) {
            e.preventDefault();
            choose(options[active]!);
          } else if (e.key === "Escape" && expanded) {
            e.preventDefault();
            setOpen(false);
          }
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t("catalogueItems")}
        hidden={!expanded}
        className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg"
      >
        {options.map((item, i) => (
          <li
            key={item.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: the textarea's blur would close the list before the click lands.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(item);
            }}
            className={`flex cursor-pointer justify-between gap-3 px-3 py-2 ${i === active ? "bg-brand-50 text-brand-900" : "hover:bg-slate-50"}`}
          >
            <span className="min-w-0 break-words">{item.name}</span>
            <span className="shrink-0 tabular-nums text-slate-700">{formatPrice(item)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
