/**
 * Whether a key figure's change is good news. A rise is good for what the business earns or
 * receives (invoiced, collected) and bad for what it is owed or gives back (credited, outstanding,
 * overdue, days to pay, DSO), so the dashboard colours and words a change by this, never by its
 * direction alone: a rising Outstanding is not green.
 */
export type Better = "higher" | "lower";
export type Trend = "up" | "down" | "same";
export type Verdict = "better" | "worse" | "no change";

export function judgeChange(trend: Trend, better: Better): Verdict {
  if (trend === "same") return "no change";
  return (trend === "up") === (better === "higher") ? "better" : "worse";
}

/** Up, down or the same, from a signed difference. */
export const trendOf = (difference: number): Trend => (difference > 0 ? "up" : difference < 0 ? "down" : "same");
