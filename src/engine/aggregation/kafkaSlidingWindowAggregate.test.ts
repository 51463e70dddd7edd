import { describe, expect, it } from "vitest";
import { brief, ofKind, run } from "../testing/windowedAggregationScript";
import type { WindowedAggregationConfig } from "./aggregationConfig";

const sliding = (overrides: Partial<WindowedAggregationConfig> = {}): WindowedAggregationConfig => ({
  semantics: "kafka-streams",
  window: { type: "sliding", timeDifference: 10 },
  aggregate: { kind: "count" },
  graceMs: 100,
  ...overrides,
});

describe("Kafka Streams sliding window aggregation (KIP-450)", () => {
  it("creates a record's left window, and the previous record's right window when the new record falls in it", () => {
    const { outputs } = run(sliding(), [
      ["a", 20],
      ["a", 25],
    ]);
    expect(outputs.map(brief)).toEqual([
      'updated "a" [10,20] 1',
      // previous record's right window [21, 31] holds the record at 25
      'updated "a" [21,31] 1',
      // the new record's left window [15, 25] also holds the record at 20
      'updated "a" [15,25] 2',
    ]);
  });

  it("an out-of-order record updates the windows it falls into and creates its right window from them", () => {
    const { outputs } = run(sliding(), [
      ["a", 20],
      ["a", 25],
      ["a", 22],
    ]);
    expect(outputs.slice(3).map(brief)).toEqual([
      'updated "a" [21,31] 2',
      'updated "a" [15,25] 3',
      'updated "a" [12,22] 2',
      'updated "a" [23,33] 1',
    ]);
  });

  it("puts records earlier than the time difference into the combined window [0, diff]", () => {
    const { op } = run(sliding(), [
      ["a", 3],
      ["a", 7],
    ]);
    expect(op.openWindows().map((window) => [window.window.start, window.window.end, window.value])).toEqual([
      [0, 10, 2],
      [4, 14, 1],
    ]);
  });

  it("drops a record when ts + diff < stream time − grace, and accepts equality", () => {
    const config = sliding({ graceMs: 5 });
    // stream time 40: close time 35. A record at 24: window [24, 34] ends at 34 < 35: dropped.
    const dropped = run(config, [
      ["a", 40],
      ["b", 24],
    ]).outputs;
    expect(ofKind(dropped, "late").map((output) => output.reason)).toEqual([
      "window [24, 34] ends at 34 < stream time 40 − grace 5 = 35: too late",
    ]);
    // A record at 25 passes that check (35 = 35), but its left window [15, 25] ends before 35: Kafka skips it.
    const leftTooLate = run(config, [
      ["a", 40],
      ["b", 25],
    ]).outputs;
    expect(ofKind(leftTooLate, "late").map((output) => output.reason)).toEqual([
      "window [15, 25] ends at 25 < stream time 40 − grace 5 = 35: too late",
    ]);
    // A window ending exactly at the close time is still updated.
    const accepted = run(config, [
      ["a", 40],
      ["b", 35],
    ]).outputs;
    expect(ofKind(accepted, "late")).toEqual([]);
    expect(ofKind(accepted, "updated").map((output) => output.reason)).toContain(
      "window [25, 35] ends at 35 ≥ stream time 40 − grace 5 = 35: accepted",
    );
  });

  it("with emit-on-close emits a window once its end is before stream time − grace", () => {
    const { outputs } = run(sliding({ graceMs: 0, emit: "onWindowClose" }), [
      ["a", 20],
      ["a", 25],
      ["a", 30], // close time 30: [10,20] and [15,25] closed ([21,31] not)
    ]);
    expect(ofKind(outputs, "emitted").map(brief)).toEqual(['emitted "a" [10,20] 1', 'emitted "a" [15,25] 2']);
  });
});
