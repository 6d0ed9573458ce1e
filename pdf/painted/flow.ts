/**
 * Pagination for the painted document: blocks of unbreakable slices packed into pages.
 *
 * Every slice's height is known before anything is drawn (text is wrapped by ./text.ts), so the
 * page count is known before the first page is drawn and "Page x of y" is printed in one pass.
 */
import type { Painter } from "./text";

/** An unbreakable piece of a block: a table row, a line of notes, the whole totals box. */
export type Slice = { height: number; paint: (painter: Painter, top: number) => void };

export type Block = {
  slices: Slice[];
  /** Space below the block (yoga margins: not collapsed, dropped at a page break). */
  marginBottom: number;
  /** Move the whole block to the next page rather than split it (unless it is taller than a page). */
  keepTogether?: boolean;
  /** Slices that never end a page alone: a table header or a section label stays with what follows. */
  keepWithNext?: number;
  /** Drawn again at the top of every page the block continues on (the lines table's header). */
  repeat?: Slice;
};

export type PlacedSlice = { slice: Slice; top: number };
export type Region = { top: number; bottom: number };

const total = (slices: readonly Slice[]) => slices.reduce((sum, s) => sum + s.height, 0);

/** Packs blocks into pages whose content runs from `region.top` to `region.bottom`. */
export function paginate(blocks: readonly Block[], region: Region): PlacedSlice[][] {
  const pages: PlacedSlice[][] = [[]];
  const pageHeight = region.bottom - region.top;
  let y = region.top;
  const newPage = () => {
    pages.push([]);
    y = region.top;
  };
  const place = (slice: Slice) => {
    pages[pages.length - 1]!.push({ slice, top: y });
    y += slice.height;
  };
  const pageIsEmpty = () => pages[pages.length - 1]!.length === 0;

  for (const block of blocks) {
    if (!block.slices.length) continue;
    const whole = total(block.slices);
    if (block.keepTogether && whole <= pageHeight && y + whole > region.bottom && !pageIsEmpty()) newPage();
    block.slices.forEach((slice, i) => {
      // A slice that starts the block's kept group carries the group's height with it.
      const kept = i === 0 && block.keepWithNext ? total(block.slices.slice(0, block.keepWithNext + 1)) : slice.height;
      if (y + kept > region.bottom && !pageIsEmpty()) {
        newPage();
        if (i > 0 && block.repeat) place(block.repeat);
      }
      place(slice);
    });
    y += block.marginBottom;
  }
  return pages;
}
