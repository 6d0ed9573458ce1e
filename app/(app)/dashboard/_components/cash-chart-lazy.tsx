"use client";
import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { CashChartNames, CashChartPoint } from "./cash-chart";

const placeholder = <div className="h-72 w-full animate-pulse rounded-md bg-slate-100" />;

const CashChart = dynamic(() => import("./cash-chart"), { ssr: false, loading: () => placeholder });

/**
 * recharts is loaded only in the browser, and only once the chart is about to scroll into view:
 * its code is most of the dashboard's JavaScript, and on a phone the chart sits below the key
 * figures, where loading it at once only delayed the page becoming responsive. The table beside
 * it carries the same data for anyone who never scrolls to it or can't see it.
 */
export function LazyCashChart({ data, names, locale }: { data: CashChartPoint[]; names: CashChartNames; locale: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === "undefined") return setNear(true);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        setNear(true);
        observer.disconnect();
      }
    }, { rootMargin: "200px" });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return <div ref={ref}>{near ? <CashChart data={data} names={names} locale={locale} /> : placeholder}</div>;
}
