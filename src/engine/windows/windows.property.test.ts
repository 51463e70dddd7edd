import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flinkSlidingWindows, flinkTumblingWindows, kafkaTimeWindows } from ".";
import { type Window, type WindowAssigner, windowContains } from "./window";

/**
 * Every window that contains `ts`, by brute force: each candidate start on the grid `offset + k * advance` within
 * one window size of `ts`, kept when `[start, start + size)` contains `ts` (and `start >= 0` when `nonNegative`).
 */
function bruteForce(
  ts: number,
  size: number,
  advance: number,
  offset: number,
  nonNegative: boolean,
): Window[] {
  const windows: Window[] = [];
  const first = Math.floor((ts - size - offset) / advance) * advance + offset - advance;
  for (let start = first; start <= ts + advance; start += advance) {
    if (nonNegative && start < 0) continue;
    if (start <= ts && ts < start + size) windows.push({ start, end: start + size, endInclusive: false });
  }
  return windows;
}

function checkAgainstBruteForce(
  assigner: WindowAssigner,
  ts: number,
  grid: { size: number; advance: number; offset: number; nonNegative: boolean },
): void {
  const windows = assigner.windowsFor(ts);
  for (const w of windows) expect(windowContains(w, ts)).toBe(true);
  expect(windows).toEqual(bruteForce(ts, grid.size, grid.advance, grid.offset, grid.nonNegative));
}

const sizeAndAdvance = fc
  .integer({ min: 1, max: 50 })
  .chain((size) => fc.record({ size: fc.constant(size), advance: fc.integer({ min: 1, max: size }) }));

describe("time windows against brute force", () => {
  it("shouldReturnExactlyTheKafkaWindowsThatContainTheTimestamp", () => {
    fc.assert(
      fc.property(sizeAndAdvance, fc.integer({ min: 0, max: 1000 }), ({ size, advance }, ts) => {
        checkAgainstBruteForce(kafkaTimeWindows(size, advance), ts, {
          size,
          advance,
          offset: 0,
          nonNegative: true,
        });
      }),
    );
  });

  it("shouldReturnExactlyTheFlinkSlidingWindowsThatContainTheTimestamp", () => {
    fc.assert(
      fc.property(
        sizeAndAdvance.chain((p) =>
          fc.record({
            size: fc.constant(p.size),
            advance: fc.constant(p.advance),
            offset: fc.integer({ min: -(p.advance - 1), max: p.advance - 1 }),
          }),
        ),
        fc.integer({ min: -1000, max: 1000 }),
        ({ size, advance, offset }, ts) => {
          checkAgainstBruteForce(flinkSlidingWindows(size, advance, offset), ts, {
            size,
            advance,
            offset,
            nonNegative: false,
          });
        },
      ),
    );
  });

  it("shouldReturnTheOneFlinkTumblingWindowThatContainsTheTimestamp", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 50 })
          .chain((size) =>
            fc.record({ size: fc.constant(size), offset: fc.integer({ min: -(size - 1), max: size - 1 }) }),
          ),
        fc.integer({ min: -1000, max: 1000 }),
        ({ size, offset }, ts) => {
          checkAgainstBruteForce(flinkTumblingWindows(size, offset), ts, {
            size,
            advance: size,
            offset,
            nonNegative: false,
          });
        },
      ),
    );
  });
});
