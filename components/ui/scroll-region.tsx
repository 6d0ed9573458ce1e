"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";

type ScrollRegionProps = {
  /** What the box holds, read out when it takes focus ("Lines", "Audit log"). */
  label: string;
  /** Use the heading inside instead of `label` when there is one (a <section> keeps its own name). */
  labelledBy?: string;
  as?: "div" | "section";
  className?: string;
  children: ReactNode;
};

/**
 * A box that scrolls sideways when its table is wider than the screen (a phone, a long audit row).
 * Someone without a mouse scrolls it with the arrow keys once it has focus, so while — and only
 * while — its content overflows it joins the tab order as a named region (axe's
 * scrollable-region-focusable, WCAG 2.1.1). A table that fits adds no tab stop.
 */
export function ScrollRegion({ label, labelledBy, as: Tag = "div", className = "", children }: ScrollRegionProps) {
  const ref = useRef<HTMLElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    for (const child of Array.from(el.children)) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  const named = labelledBy ? { "aria-labelledby": labelledBy } : { "aria-label": label };
  return (
    <Tag
      ref={ref as never}
      className={`overflow-x-auto ${className}`}
      {...(Tag === "section" ? named : {})}
      {...(scrolls ? { tabIndex: 0, ...(Tag === "div" ? { role: "region", ...named } : {}) } : {})}
    >
      {children}
    </Tag>
  );
}
