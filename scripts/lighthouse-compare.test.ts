import { describe, expect, it } from "vitest";
import { compareWithBare, median, medianRunIndex } from "./lighthouse-compare";

describe("median", () => {
  it("is the middle score of an odd count, whatever the order", () => {
    expect(median([91, 62, 88])).toBe(88);
    expect(median([88])).toBe(88);
  });

  it("is the rounded mean of the two middle scores of an even count", () => {
    expect(median([90, 87, 70, 95])).toBe(89); // (87 + 90) / 2 = 88.5
  });

  it("refuses no runs at all", () => {
    expect(() => median([])).toThrow();
  });
});

describe("medianRunIndex", () => {
  it("names the run that scored the median", () => {
    expect(medianRunIndex([91, 62, 88])).toBe(2);
    expect(medianRunIndex([70, 80, 90])).toBe(1);
  });
});

describe("compareWithBare", () => {
  it("passes a page at most 3 points under the bare page's median and fails one 4 under", () => {
    // Bare runs 92, 60 (a burst of load), 91: median 91.
    const { bare, rows } = compareWithBare([92, 60, 91], [
      { page: "/", runs: [88, 89, 70] }, // median 88: 3 under
      { page: "/login", runs: [87, 90, 85] }, // median 87: 4 under
      { page: "/register", runs: [95, 94, 93] }, // median 94: above the bare page
    ]);
    expect(bare).toBe(91);
    expect(rows.map((r) => [r.page, r.median, r.delta, r.ok])).toEqual([
      ["/", 88, 3, true],
      ["/login", 87, 4, false],
      ["/register", 94, -3, true],
    ]);
  });
});
