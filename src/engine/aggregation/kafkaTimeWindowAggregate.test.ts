import { describe, expect, it } from "vitest";
import { brief, ofKind, run } from "../testing/windowedAggregationScript";
import type { WindowedAggregationConfig } from "./aggregationConfig";

const tumbling = (overrides: Partial<WindowedAggregationConfig> = {}): WindowedAggregationConfig => ({
  semantics: "kafka-streams",
  window: { type: "tumbling", size: 10 },
  aggregate: { kind: "count" },
  ...overrides,
});

describe("Kafka Streams tumbling and hopping window aggregation", () => {
  it("counts records per key and window and forwards every update by default", () => {
    const { outputs } = run(tumbling(), [
      ["a", 1],
      ["b", 2],
      ["a", 9],
      ["a", 10],
    ]);
    expect(ofKind(outputs, "updated").map(brief)).toEqual([
      'updated "a" [0,10) 1',
      'updated "b" [0,10) 1',
      'updated "a" [0,10) 2',
      'updated "a" [10,20) 1',
    ]);
    expect(ofKind(outputs, "updated").every((output) => output.forwarded)).toBe(true);
  });

  it("updates stream time before checking the record and never moves it back", () => {
    const { op, outputs } = run(tumbling(), [
      ["a", 15],
      ["a", 3],
    ]);
    expect(op.time()).toEqual({ semantics: "kafka-streams", streamTime: 15 });
    expect(ofKind(outputs, "late").map((output) => output.reason)).toEqual([
      "window [0, 10) ends at 10 ≤ stream time 15 − grace 0 = 15: too late",
    ]);
  });

  it("drops a record whose window ends exactly at stream time − grace, and accepts one ending just after", () => {
    const grace = { graceMs: 2 };
    // stream time 12: close time 10; window [0,10) ends at 10 = 10: dropped.
    const atBoundary = run(tumbling(grace), [
      ["a", 12],
      ["a", 9],
    ]).outputs;
    expect(ofKind(atBoundary, "late").map((output) => output.reason)).toEqual([
      "window [0, 10) ends at 10 ≤ stream time 12 − grace 2 = 10: too late",
    ]);
    // stream time 11: close time 9 < 10: accepted.
    const inside = run(tumbling(grace), [
      ["a", 11],
      ["a", 9],
    ]).outputs;
    expect(ofKind(inside, "late")).toEqual([]);
    expect(ofKind(inside, "updated").map(brief)).toContain('updated "a" [0,10) 1');
  });

  it("drops a late record from the hopping windows that closed and adds it to the ones still open", () => {
    const { outputs } = run(tumbling({ window: { type: "hopping", size: 10, advance: 5 } }), [
      ["a", 12],
      ["a", 7],
    ]);
    // Kafka's order: the record's windows by start.
    expect(outputs.slice(2).map(brief)).toEqual(['late "a" [0,10)', 'updated "a" [5,15) 2']);
  });

  it("sends a record no window accepts to the late side output when configured", () => {
    const { outputs } = run(tumbling({ lateSideOutput: true }), [
      ["a", 25],
      ["a", 3, "x"],
    ]);
    const side = ofKind(outputs, "lateSideOutput");
    expect(side).toHaveLength(1);
    expect(side[0]?.record).toEqual({ key: "a", value: "x", timestamp: 3 });
    expect(ofKind(outputs, "late")).toEqual([]);
  });

  it("with emit-on-close emits each window once, when stream time reaches its end + grace", () => {
    const { outputs } = run(tumbling({ emit: "onWindowClose", graceMs: 5 }), [
      ["a", 1],
      ["b", 4],
      ["a", 8],
      ["a", 14], // close time 9: nothing closed
      ["a", 15], // close time 10: [0,10) closes
      ["a", 16],
    ]);
    expect(ofKind(outputs, "updated").every((output) => !output.forwarded)).toBe(true);
    expect(ofKind(outputs, "emitted").map(brief)).toEqual(['emitted "a" [0,10) 2', 'emitted "b" [0,10) 1']);
    const closed = outputs.findIndex((output) => output.kind === "windowClosed");
    expect(outputs[closed]?.reason).toBe(
      "window [0, 10) ends at 10 ≤ stream time 15 − grace 5 = 10: closed, final result",
    );
  });

  it("never emits a window the time-ordered store no longer returns (tumbling 10, grace 0: records at 5 then 25)", () => {
    const { outputs } = run(tumbling({ emit: "onWindowClose" }), [
      ["a", 5],
      ["a", 25],
    ]);
    expect(ofKind(outputs, "emitted")).toEqual([]);
    const expired = ofKind(outputs, "expired");
    expect(expired.map(brief)).toEqual(['expired "a" [0,10) 1']);
    expect(expired[0]?.emitted).toBe(false);
    expect(expired[0]?.reason).toBe(
      "stored at 0 < store stream time 20 − retention 10 = 10: the time-ordered store no longer returns it; it was never emitted and never will be",
    );
  });

  it("still emits the window when the closing record lands in the next window (5 then 19), not beyond (5 then 20)", () => {
    const emitted = (steps: [string, number][]) =>
      ofKind(run(tumbling({ emit: "onWindowClose" }), steps).outputs, "emitted").map(brief);
    expect(
      emitted([
        ["a", 5],
        ["a", 19],
      ]),
    ).toEqual(['emitted "a" [0,10) 1']);
    expect(
      emitted([
        ["a", 5],
        ["a", 20],
      ]),
    ).toEqual([]);
  });

  it("emits at the time-ordered store's read bound itself (start = store stream time − retention, no + 1)", () => {
    const emitted = (steps: [string, number][]) =>
      ofKind(run(tumbling({ emit: "onWindowClose", retentionMs: 20 }), steps).outputs, "emitted").map(brief);
    // store stream time 20 − retention 20 = 0 ≤ start 0: still read, emitted.
    expect(
      emitted([
        ["a", 5],
        ["a", 20],
      ]),
    ).toEqual(['emitted "a" [0,10) 1']);
    // store stream time 30 − retention 20 = 10 > start 0: lost.
    expect(
      emitted([
        ["a", 5],
        ["a", 30],
      ]),
    ).toEqual([]);
  });

  it("emits closed windows in start order as stream time advances, each exactly once", () => {
    const { outputs } = run(tumbling({ emit: "onWindowClose" }), [
      ["a", 5],
      ["a", 15],
      ["a", 20],
      ["a", 31],
    ]);
    expect(ofKind(outputs, "emitted").map(brief)).toEqual([
      'emitted "a" [0,10) 1',
      'emitted "a" [10,20) 1',
      'emitted "a" [20,30) 1',
    ]);
  });

  it("keeps expired windows out of state with emit-on-update (retention size + grace, exclusive bound + 1)", () => {
    const { op, outputs } = run(tumbling(), [
      ["a", 5],
      ["a", 20],
    ]);
    // store stream time 20 − retention 10 + 1 = 11 > 0: [0,10) dropped; [20,30) kept.
    expect(ofKind(outputs, "expired").map(brief)).toEqual(['expired "a" [0,10) 1']);
    expect(op.openWindows().map((window) => window.window.start)).toEqual([20]);
  });

  it("aggregates sum, min, max, reduce and collect of the caller's input", () => {
    const records: [string, number, number][] = [
      ["a", 1, 5],
      ["a", 2, -3],
      ["a", 3, 7],
    ];
    const values = (config: WindowedAggregationConfig) =>
      ofKind(run(config, records).outputs, "updated").map((output) => output.value);
    const input = (_key: unknown, value: unknown) => value as number;
    expect(values(tumbling({ aggregate: { kind: "sum", input } }))).toEqual([5, 2, 9]);
    expect(values(tumbling({ aggregate: { kind: "min", input } }))).toEqual([5, -3, -3]);
    expect(values(tumbling({ aggregate: { kind: "max", input } }))).toEqual([5, 5, 7]);
    expect(values(tumbling({ aggregate: { kind: "collect" } }))).toEqual([[5], [5, -3], [5, -3, 7]]);
    expect(
      values(tumbling({ aggregate: { kind: "reduce", reducer: (a, b) => `${String(a)}|${String(b)}` } })),
    ).toEqual([5, "5|-3", "5|-3|7"]);
  });

  it("reports a throwing user function as a failed output and keeps going", () => {
    const { outputs } = run(
      tumbling({
        aggregate: {
          kind: "reduce",
          reducer: (a, b) => {
            if (b === "boom") throw new Error("cannot add boom");
            return (a as number) + (b as number);
          },
        },
      }),
      [
        ["a", 1, 1],
        ["a", 2, "boom"],
        ["a", 3, 2],
      ],
    );
    const failed = ofKind(outputs, "failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]?.reason).toContain("cannot add boom");
    expect(failed[0]?.stage).toBe("aggregate");
    expect(ofKind(outputs, "updated").map((output) => output.value)).toEqual([1, 3]);
  });

  it("fails a sum over a non-number without throwing", () => {
    const { outputs } = run(tumbling({ aggregate: { kind: "sum", input: (_k, value) => value } }), [
      ["a", 1, "x"],
    ]);
    expect(outputs.map((output) => output.kind)).toEqual(["failed"]);
  });

  it("skips null keys without touching stream time", () => {
    const { op, outputs } = run(tumbling(), [[null, 7]]);
    expect(outputs.map((output) => output.kind)).toEqual(["skipped"]);
    expect(op.time()).toEqual({ semantics: "kafka-streams", streamTime: -1 });
  });

  it("refuses a retention shorter than size + grace and takes no watermarks", () => {
    expect(() => run(tumbling({ graceMs: 5, retentionMs: 14 }), [])).toThrow(/retention/);
    expect(() => run(tumbling(), [{ watermark: 3 }])).toThrow(/no watermarks/);
  });
});
