import { describe, expect, it } from "vitest";
import { brief, ofKind, run } from "../testing/windowedAggregationScript";
import type { WindowedAggregationConfig } from "./aggregationConfig";

const sessions = (overrides: Partial<WindowedAggregationConfig> = {}): WindowedAggregationConfig => ({
  semantics: "kafka-streams",
  window: { type: "session", gap: 5 },
  aggregate: { kind: "collect", input: (_key, _value, timestamp) => timestamp },
  graceMs: 100,
  ...overrides,
});

describe("Kafka Streams session window aggregation", () => {
  it("opens a session [ts, ts] per lone record and extends it with records within the gap", () => {
    const { outputs } = run(sessions(), [
      ["a", 10],
      ["a", 15], // 15 − 10 = 5 ≤ gap: merges
    ]);
    expect(outputs.map(brief)).toEqual([
      'updated "a" [10,10] [10]',
      'sessionMerged "a" [10,10] null',
      'updated "a" [10,15] [10,15]',
    ]);
    const merged = ofKind(outputs, "sessionMerged")[0];
    expect(merged?.forwarded).toBe(true);
    expect(merged?.oldValue).toEqual([10]);
    expect(merged?.mergedInto).toEqual({ start: 10, end: 15, endInclusive: true });
  });

  it("keeps a record just past the gap in its own session", () => {
    const { op } = run(sessions(), [
      ["a", 10],
      ["a", 16],
    ]);
    expect(op.openWindows().map((window) => [window.window.start, window.window.end])).toEqual([
      [10, 10],
      [16, 16],
    ]);
  });

  it("merges two sessions bridged by one record, removing both (tombstones, by session end)", () => {
    const { op, outputs } = run(sessions(), [
      ["a", 0],
      ["a", 2],
      ["a", 12],
      ["a", 7], // within 5 of 2 and of 12
    ]);
    expect(outputs.slice(-3).map(brief)).toEqual([
      'sessionMerged "a" [0,2] null',
      'sessionMerged "a" [12,12] null',
      'updated "a" [0,12] [0,2,12,7]',
    ]);
    expect(op.openWindows().map((window) => window.value)).toEqual([[0, 2, 12, 7]]);
  });

  it("drops a record whose merged session ends before stream time − grace − gap, and accepts equality", () => {
    const config = sessions({ graceMs: 3 });
    // stream time 20: close time 20 − 3 − 5 = 12. A lone record at 11 ends at 11 < 12: dropped.
    const dropped = run(config, [
      ["a", 20],
      ["b", 11],
    ]).outputs;
    expect(ofKind(dropped, "late").map((output) => output.reason)).toEqual([
      "session [11, 11] ends at 11 < stream time 20 − grace 3 − gap 5 = 12: too late",
    ]);
    // at 12 = 12 it is accepted.
    const accepted = run(config, [
      ["a", 20],
      ["b", 12],
    ]).outputs;
    expect(ofKind(accepted, "late")).toEqual([]);
    // a late record merging into a session that still reaches the close time is accepted.
    const merged = run(config, [
      ["b", 13],
      ["a", 20],
      ["b", 9],
    ]).outputs;
    expect(merged.slice(-2).map(brief)).toEqual([
      'sessionMerged "b" [13,13] null',
      'updated "b" [9,13] [13,9]',
    ]);
  });

  it("with emit-on-close emits a session once its end is before stream time − grace − gap, ordered by end", () => {
    const { outputs } = run(sessions({ graceMs: 0, emit: "onWindowClose" }), [
      ["a", 1],
      ["b", 0],
      ["a", 4],
      ["c", 9], // close time 4: sessions ending before 4 are final: b [0,0]
      ["c", 10], // close time 5: a [1,4]
    ]);
    expect(ofKind(outputs, "emitted").map(brief)).toEqual([
      'emitted "b" [0,0] [0]',
      'emitted "a" [1,4] [1,4]',
    ]);
    expect(ofKind(outputs, "sessionMerged").every((output) => !output.forwarded)).toBe(true);
    expect(ofKind(outputs, "updated").every((output) => !output.forwarded)).toBe(true);
  });

  it("cannot merge into a session the store no longer returns (no record cache)", () => {
    // gap 5, grace 0, retention 5: after a record at 20 the store's stream time is 20 and it reads sessions
    // ending at ≥ 20 − 5 + 1 = 16. A session [10,15] cannot take a record at 16 even though 16 − 15 ≤ gap.
    const { op, outputs } = run(sessions({ graceMs: 0 }), [
      ["a", 10],
      ["a", 15],
      ["b", 20],
      ["a", 16],
    ]);
    expect(ofKind(outputs, "expired").map(brief)).toEqual(['expired "a" [10,15] [10,15]']);
    expect(outputs.at(-1)).toMatchObject({ kind: "updated", window: { start: 16, end: 16 } });
    expect(op.openWindows().map((window) => [window.key, window.window.start, window.window.end])).toEqual([
      ["a", 16, 16],
      ["b", 20, 20],
    ]);
  });
});
