import { describe, expect, it } from "vitest";
import { fixedWindowRange, windowRange } from "./windowRange";

describe("windowRange", () => {
  // Items 10, 20, 30, 40 long: offsets 0, 10, 30, 60, 100.
  const offsets = [0, 10, 30, 60, 100];

  it("renders only the items that meet the view", () => {
    expect(windowRange(offsets, 4, 15, 35, 0)).toEqual({ start: 1, end: 3 });
    expect(windowRange(offsets, 4, 60, 70, 0)).toEqual({ start: 3, end: 4 });
  });

  it("widens the window by the overscan, within the list", () => {
    expect(windowRange(offsets, 4, 15, 35, 1)).toEqual({ start: 0, end: 4 });
  });

  it("keeps one item for an empty view and none for an empty list", () => {
    expect(windowRange(offsets, 4, 30, 30, 0)).toEqual({ start: 2, end: 3 });
    expect(windowRange([0], 0, 0, 100, 2)).toEqual({ start: 0, end: 0 });
  });

  it("stays bounded for a list of a hundred thousand items", () => {
    const many = Float64Array.from({ length: 100_001 }, (_, i) => i * 50);
    const range = windowRange(many, 100_000, 2_500_000, 2_500_400, 3);
    expect(range).toEqual({ start: 49_997, end: 50_011 });
  });
});

describe("fixedWindowRange", () => {
  it("renders the rows in view of a list of equal rows, and the overscan", () => {
    expect(fixedWindowRange(6400, 30, 0, 240, 2)).toEqual({ start: 0, end: 10 });
    expect(fixedWindowRange(6400, 30, 6300 * 30, 6300 * 30 + 240, 2)).toEqual({ start: 6298, end: 6310 });
  });

  it("clamps a view past the end to the last rows", () => {
    expect(fixedWindowRange(64, 30, 10_000, 10_240, 1)).toEqual({ start: 62, end: 64 });
  });
});
