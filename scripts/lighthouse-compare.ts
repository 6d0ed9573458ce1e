/**
 * How `npm run lighthouse` judges the public pages' mobile performance: against a bare Next page
 * measured in the same run (scripts/lighthouse-bare.ts), not against a fixed number, because the
 * score depends on the machine and on what else it is doing.
 *
 * One Lighthouse run swings by several points on a busy machine, so each page (and the bare page) is
 * audited several times, the rounds interleaved (bare, /, /login, … then again), and the medians are
 * compared: a burst of load then hits every page's run in that round alike, and one outlier run moves
 * no median.
 */

/** A public page may score at most this many points under the bare page (issue 19 §10). */
export const MAX_DELTA = 3;

export function median(values: number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** The index of the run whose score is the median (the lower middle one for an even count): its report is the one kept. */
export function medianRunIndex(values: number[]): number {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return order[Math.floor((order.length - 1) / 2)]![1];
}

export type Comparison = { page: string; runs: number[]; median: number; delta: number; ok: boolean };

/** Each page's median against the bare page's: `delta` is how many points the page scores below it (negative: above). */
export function compareWithBare(bareRuns: number[], pages: { page: string; runs: number[] }[], maxDelta = MAX_DELTA): { bare: number; rows: Comparison[] } {
  const bare = median(bareRuns);
  const rows = pages.map(({ page, runs }) => {
    const m = median(runs);
    const delta = bare - m;
    return { page, runs, median: m, delta, ok: delta <= maxDelta };
  });
  return { bare, rows };
}
