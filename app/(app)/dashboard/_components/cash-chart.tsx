"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * One bar pair per month. Amounts arrive aggregated and formatted on the server: `invoiced` and
 * `collected` are numbers in major units used only for bar heights (a float is fine for drawing a
 * bar; no sum is computed here), the labels are the exact strings from lib/money.ts.
 */
export type CashChartPoint = { month: string; invoiced: number; collected: number; invoicedLabel: string; collectedLabel: string };

/** The two series' names in the legend and tooltip, in the user's language. */
export type CashChartNames = { invoiced: string; collected: string };

/** `locale`: how the axis writes its figures, as the labels do ("8.000" in de-DE, "8,000" in en-GB). */
export default function CashChart({ data, names, locale }: { data: CashChartPoint[]; names: CashChartNames; locale: string }) {
  const figure = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return (
    <div className="h-72 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        {/* Hidden from assistive technology (the table below says the same), so not keyboard-focusable either. */}
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="month" tick={{ fontSize: 12, fill: "#334155" }} />
          <YAxis tick={{ fontSize: 12, fill: "#334155" }} width={64} tickFormatter={(value: number) => figure.format(value)} />
          <Tooltip
            formatter={(_value, name, item) => {
              const point = item.payload as CashChartPoint;
              return [name === names.invoiced ? point.invoicedLabel : point.collectedLabel, name];
            }}
          />
          <Legend />
          <Bar dataKey="invoiced" name={names.invoiced} fill="#1d4ed8" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="collected" name={names.collected} fill="#059669" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
