import { describe, expect, it } from "vitest";
import { describeCounts, describeJob } from "./bulk";

describe("bulk action wording", () => {
  it("says what a finished job did, leaving out what didn't happen", () => {
    expect(describeJob("send", 50, { succeeded: 49, failed: 1, skipped: 0 }, true)).toBe("Bulk send finished: 49 sent, 1 failed");
    expect(describeJob("zip", 50, { succeeded: 50, failed: 0, skipped: 0 }, true)).toBe("PDF download finished: 50 ready");
    expect(describeCounts("mark_sent", { succeeded: 2, failed: 0, skipped: 1 })).toBe("2 marked sent, 1 skipped");
    expect(describeCounts("remind", { succeeded: 0, failed: 3, skipped: 0 })).toBe("0 reminded, 3 failed");
  });

  it("counts every outcome as done while it runs", () => {
    expect(describeJob("send", 50, { succeeded: 10, failed: 1, skipped: 1 }, false)).toBe("Bulk send: 12 of 50 done");
  });
});
