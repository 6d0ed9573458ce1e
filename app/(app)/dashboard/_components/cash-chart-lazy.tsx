"use client";
import dynamic from "next/dynamic";

/** recharts is loaded only in the browser, after the page's figures; the table beside it carries the same data. */
export const LazyCashChart = dynamic(() => import("./cash-chart"), {
  ssr: false,
  loading: () => <div className="h-72 w-full animate-pulse rounded-md bg-slate-100" />,
});
