import { describe, expect, it } from "vitest";
import { brief, ofKind, run } from "../testing/windowedAggregationScript";
import type { WindowedAggregationConfig } from "./aggregationConfig";

const flink = (overrides: Partial<WindowedAggregationConfig> = {}): WindowedAggregationConfig => ({
  semantics: "flink",
  window: { type: "tumbling", size: 10 },
  aggregate: { kind: "count" },
  ...overrides,
});

describe("Flink event-time window operator", () => {
  it("fires a window when the watermark reaches end − 1, not before", () => {
    const { op, outputs } = run(flink(), [["a", 3], ["a", 7], { watermark: 8 }]);
    expect(ofKind(outputs, "emitted")).toEqual([]);
    const fired = op.advanceWatermark(9);
    expect(fired.map(brief)).toEqual(['emitted "a" [0,10) 2', 'windowClosed "a" [0,10) 2']);
    expect(fired[0]?.reason).toBe("watermark 9 ≥ window [0, 10) max timestamp 9 (end − 1): fires");
    expect(op.openWindows()).toEqual([]);
  });

  it("drops a record when max timestamp + allowed lateness equals the watermark, keeps it one below", () => {
    // window [0,10): max timestamp 9; allowed lateness 5 → cleanup time 14.
    const config = flink({ allowedLatenessMs: 5 });
    const atBoundary = run(config, [{ watermark: 14 }, ["a", 4]]).outputs;
    expect(atBoundary.map(brief)).toEqual(['late "a" [0,10)']);
    expect(atBoundary[0]?.reason).toBe(
      "record ts 4 + allowed lateness 5 = 9 ≤ watermark 14: dropped as late (or late side output); " +
        "window [0, 10) max timestamp 9 + allowed lateness 5 = 14 ≤ watermark 14: late, state cleaned",
    );
    const inside = run(config, [{ watermark: 13 }, ["a", 4]]).outputs;
    expect(inside.map(brief)).toEqual(['updated "a" [0,10) 1', 'emitted "a" [0,10) 1']);
    expect(ofKind(inside, "emitted")[0]?.trigger).toBe("lateRecord");
  });

  it("sends a late record to the side output when configured", () => {
    const { outputs } = run(flink({ lateSideOutput: true }), [{ watermark: 20 }, ["a", 4, "late"]]);
    expect(outputs.map(brief)).toEqual(['lateSideOutput "a" [0,10)']);
    expect(ofKind(outputs, "lateSideOutput")[0]?.record.value).toBe("late");
  });

  it("re-emits everything so far for a late record in accumulating mode", () => {
    const { outputs } = run(flink({ allowedLatenessMs: 10 }), [
      ["a", 1],
      ["a", 2],
      { watermark: 9 },
      ["a", 3],
      ["a", 4],
      { watermark: 19 },
    ]);
    expect(ofKind(outputs, "emitted").map((output) => [output.value, output.pane, output.trigger])).toEqual([
      [2, 1, "watermark"],
      [3, 2, "lateRecord"],
      [4, 3, "lateRecord"],
    ]);
    expect(ofKind(outputs, "windowClosed").map(brief)).toEqual(['windowClosed "a" [0,10) 4']);
  });

  it("emits only what came since the last firing in discarding mode", () => {
    const { outputs } = run(flink({ allowedLatenessMs: 10, accumulation: "discarding" }), [
      ["a", 1],
      ["a", 2],
      { watermark: 9 },
      ["a", 3],
      ["a", 4],
    ]);
    expect(ofKind(outputs, "emitted").map((output) => output.value)).toEqual([2, 1, 1]);
  });

  it("assigns hopping (sliding) windows with offsets, newest first, and fires them in end order", () => {
    const { outputs } = run(flink({ window: { type: "hopping", size: 10, advance: 5, offset: 2 } }), [
      ["a", 8],
      { watermark: 100 },
    ]);
    expect(outputs.map(brief)).toEqual([
      'updated "a" [7,17) 1',
      'updated "a" [2,12) 1',
      'emitted "a" [2,12) 1',
      'windowClosed "a" [2,12) 1',
      'emitted "a" [7,17) 1',
      'windowClosed "a" [7,17) 1',
    ]);
  });

  it("windows negative timestamps, rounding window starts down", () => {
    const { outputs } = run(flink(), [["a", -3]]);
    expect(outputs.map(brief)).toEqual(['updated "a" [-10,0) 1']);
  });

  it("merges session windows that touch, and a record bridging two sessions merges all three", () => {
    const config = flink({ window: { type: "session", gap: 5 }, aggregate: { kind: "collect" } });
    const touching = run(config, [
      ["a", 0, "x"],
      ["a", 5, "y"], // [5,10) touches [0,5)
    ]).outputs;
    expect(touching.map(brief)).toEqual([
      'updated "a" [0,5) ["x"]',
      'sessionMerged "a" [0,5) null',
      'updated "a" [0,10) ["x","y"]',
    ]);
    const { op, outputs } = run(config, [
      ["a", 0, "x"],
      ["a", 12, "z"],
      ["a", 6, "y"], // [6,11) intersects [0,5)? no; [12,17)? no — 11 < 12
      ["a", 5, "w"], // [5,10) touches [0,5) and [6,11)
    ]);
    expect(op.openWindows().map((window) => [window.window.start, window.window.end, window.value])).toEqual([
      [0, 11, ["x", "y", "w"]],
      [12, 17, ["z"]],
    ]);
    expect(ofKind(outputs, "sessionMerged").every((output) => !output.forwarded)).toBe(true);
  });

  it("fires a merged session again when a late record extends a fired one within allowed lateness", () => {
    const { outputs } = run(
      flink({ window: { type: "session", gap: 5 }, allowedLatenessMs: 10, aggregate: { kind: "count" } }),
      [["a", 0], { watermark: 4 }, ["a", 3], { watermark: 8 }],
    );
    // [0,5) fires at 4; the record at 3 merges into [0,8), max timestamp 7 > 4: fires at watermark 8.
    expect(ofKind(outputs, "emitted").map((output) => brief(output))).toEqual([
      'emitted "a" [0,5) 1',
      'emitted "a" [0,8) 2',
    ]);
  });

  it("ignores a watermark that does not advance", () => {
    const { op } = run(flink(), [{ watermark: 10 }]);
    expect(op.advanceWatermark(5)).toEqual([]);
    expect(op.time()).toEqual({ semantics: "flink", watermark: 10 });
  });

  it("refuses grace under flink and Kafka's sliding windows", () => {
    expect(() => run(flink({ graceMs: 1 }), [])).toThrow(/allowed lateness/);
    expect(() => run(flink({ window: { type: "sliding", timeDifference: 5 } }), [])).toThrow(
      /no sliding windows/,
    );
  });
});
