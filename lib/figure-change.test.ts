import { describe, expect, it } from "vitest";
import { judgeChange, trendOf } from "./figure-change";

describe("judgeChange", () => {
  it("calls a rising Outstanding worse and a falling DSO better", () => {
    expect(judgeChange("up", "lower")).toBe("worse");
    expect(judgeChange("down", "lower")).toBe("better");
  });

  it("calls more invoiced or collected better and less worse", () => {
    expect(judgeChange("up", "higher")).toBe("better");
    expect(judgeChange("down", "higher")).toBe("worse");
  });

  it("calls no change no change, whichever way is better", () => {
    expect(judgeChange("same", "higher")).toBe("no change");
    expect(judgeChange("same", "lower")).toBe("no change");
  });

  it("reads the trend off a signed difference", () => {
    expect([trendOf(125), trendOf(-1250), trendOf(0)]).toEqual(["up", "down", "same"]);
  });
});
