import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWindowedAggregation, type WindowedAggregationConfig } from "../aggregation";
import type { TraceStep } from "../index";
import { DEFAULT_TIME, type SimulationModel, type TopologyNode } from "../model";
import { runFast } from "../runFast";
import { simulate } from "../simulate";
import { model, producer, record, sink, source } from "../testing/modelFixtures";

function steps(sim: ReturnType<typeof simulate>): TraceStep[] {
  return Array.from({ length: sim.stepCount }, (_, i) => sim.step(i));
}

const windowed = (aggregation: WindowedAggregationConfig): TopologyNode => ({
  id: "agg",
  op: "windowedAggregate",
  inputs: [{ node: "src" }],
  aggregation,
});
const lateSink: TopologyNode = {
  id: "lateOut",
  op: "sink",
  topic: "late",
  partitioner: { kind: "default" },
  inputs: [{ node: "agg", branch: "late" }],
};

function windowModel(
  aggregation: WindowedAggregationConfig,
  records: ReturnType<typeof record>[],
  app: Partial<SimulationModel["app"]> = {},
  partitions = 1,
): SimulationModel {
  const m = model(
    [
      { name: "in", partitions },
      { name: "out", partitions: 1 },
      { name: "late", partitions: 1 },
    ],
    [producer("p", "in", records)],
    [source("src", ["in"]), windowed(aggregation), sink("s", "agg", "out"), lateSink],
    app,
  );
  m.app.time = { ...DEFAULT_TIME, semantics: aggregation.semantics, ...(app.time ?? {}) };
  return m;
}

const results = (sim: ReturnType<typeof simulate>, topic = "out") =>
  sim.logs[topic]!.flatMap((p) => p.map((e) => sim.record(e.record))).map((r) => [
    r.key,
    r.value,
    r.timestamp,
  ]);

const tumbling = (graceMs: number): WindowedAggregationConfig => ({
  semantics: "kafka-streams",
  window: { type: "tumbling", size: 10 },
  aggregate: { kind: "count" },
  graceMs,
  lateSideOutput: true,
});

describe("windowed aggregation in the run loop", () => {
  it("drops a record at exactly end + grace and accepts one a millisecond earlier (kafka-streams)", () => {
    // Window [0, 10), grace 2: stream time 11 closes at 9 (accepts ts 5), stream time 12 closes at 10 (drops ts 6).
    const sim = simulate(
      windowModel(tumbling(2), [
        record(0, "a", 1, { timestamp: 1 }),
        record(10, "b", 1, { timestamp: 11 }),
        record(20, "a", 1, { timestamp: 5 }),
        record(30, "b", 1, { timestamp: 12 }),
        record(40, "a", 1, { timestamp: 6 }),
      ]),
    );
    const late = steps(sim).filter((s) => s.kind === "recordToLateSideOutput");
    expect(late).toHaveLength(1);
    expect(sim.narrate(late[0]!.step)).toContain("10 ≤ stream time 12 − grace 2 = 10");
    expect(results(sim, "late")).toEqual([["a", 1, 6]]);
    const counts = results(sim).filter(([k]) => k === "a");
    expect(counts.map(([, v]) => v)).toEqual([
      { start: 0, end: 10, value: 1 },
      { start: 0, end: 10, value: 2 },
    ]);
    // The late record went to the side output: counted out and late, not dropped.
    expect(sim.frameAt(sim.stepCount).counters.agg).toEqual({ in: 5, out: 5, dropped: 0, late: 1 });
  });

  it("fires on the watermark and drops at ts + allowed lateness ≤ watermark (flink)", () => {
    const m = windowModel(
      {
        semantics: "flink",
        window: { type: "tumbling", size: 10 },
        aggregate: { kind: "count" },
        lateSideOutput: true,
      },
      [
        record(0, "a", 1, { timestamp: 5 }),
        record(300, "b", 1, { timestamp: 20 }),
        record(700, "a", 1, { timestamp: 9 }),
      ],
    );
    m.app.time!.watermarks = { outOfOrdernessMs: 0, autoWatermarkIntervalMs: 200, idlenessMs: null };
    const sim = simulate(m);
    // At 400 the watermark is 19 ≥ 9 = end − 1: [0, 10) fires with 1; the record at ts 9 (9 + 0 ≤ 19) is late.
    const fired = steps(sim).find((s) => s.kind === "windowEmitted")!;
    expect(fired.timeMs).toBe(400);
    expect(results(sim, "late")).toEqual([["a", 1, 9]]);
    const late = steps(sim).find((s) => s.kind === "recordToLateSideOutput")!;
    expect(sim.narrate(late.step)).toContain("record ts 9 + allowed lateness 0 = 9 ≤ watermark 19");
  });

  it("restores a task's window store from its last commit when another instance takes over", () => {
    const records = [0, 100, 200, 1200, 1300].map((at, i) => record(at, "a", i, { timestamp: at }));
    const config: WindowedAggregationConfig = {
      semantics: "kafka-streams",
      window: { type: "tumbling", size: 10_000 },
      aggregate: { kind: "count" },
    };
    const group = { ...model([], [], []).app.group, sessionTimeoutMs: 2000, heartbeatIntervalMs: 500 };
    const crashed = simulate(
      windowModel(config, records, {
        instances: 2,
        commitIntervalMs: 1000,
        group,
        faults: [{ atMs: 1500, instance: 0, action: "crash" }],
      }),
    );
    const restored = steps(crashed).find((s) => s.kind === "windowStoreRestored")!;
    expect(restored).toMatchObject({
      task: "0_0",
      node: "agg",
      windows: 1,
      offsets: [{ topic: "in", offset: 3 }],
    });
    expect(crashed.narrate(restored.step)).toContain(
      "task 0_0's window store for agg restored from its changelog up to the committed in-0 offset 3",
    );
    // The new owner reprocesses offsets 3 and 4 on top of the restored count: the final count is exact.
    const last = results(crashed).at(-1)!;
    expect(last[1]).toEqual({ start: 0, end: 10_000, value: 5 });
  });

  it("gives the same window results whatever the number of instances, without faults (kafka-streams, property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 500 }),
            fc.integer({ min: 0, max: 60 }),
            fc.constantFrom("a", "b", "c", "d"),
          ),
          {
            minLength: 1,
            maxLength: 25,
          },
        ),
        fc.constantFrom<WindowedAggregationConfig["window"]>(
          { type: "tumbling", size: 10 },
          { type: "hopping", size: 10, advance: 5 },
          { type: "session", gap: 5 },
          { type: "sliding", timeDifference: 5 },
        ),
        fc.integer({ min: 2, max: 3 }),
        (raw, window, instances) => {
          const records = raw.map(([at, ts, key], i) => record(at, key, i, { timestamp: ts }));
          const config: WindowedAggregationConfig = {
            semantics: "kafka-streams",
            window,
            aggregate: { kind: "count" },
            graceMs: 5,
          };
          const sorted = (sim: ReturnType<typeof simulate>) =>
            results(sim)
              .map((r) => JSON.stringify(r))
              .sort();
          const one = simulate(windowModel(config, records, {}, 3));
          const many = simulate(windowModel(config, records, { instances }, 3));
          expect(sorted(many)).toEqual(sorted(one));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("gives the same results on the fast path as on the recording path, under both semantics (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 2000 }),
            fc.integer({ min: 0, max: 3000 }),
            fc.constantFrom("a", "b", null),
          ),
          {
            minLength: 1,
            maxLength: 25,
          },
        ),
        fc.constantFrom<"kafka-streams" | "flink">("kafka-streams", "flink"),
        fc.constantFrom<WindowedAggregationConfig["window"]>(
          { type: "tumbling", size: 500 },
          { type: "hopping", size: 500, advance: 250 },
          { type: "session", gap: 300 },
        ),
        fc.constantFrom<WindowedAggregationConfig["aggregate"]>(
          { kind: "count" },
          { kind: "collect" },
          { kind: "sum", input: (_k, v) => v },
        ),
        (raw, semantics, window, aggregate) => {
          const records = raw.map(([at, ts, key], i) => record(at, key, i, { timestamp: ts }));
          const config: WindowedAggregationConfig =
            semantics === "flink"
              ? { semantics, window, aggregate, allowedLatenessMs: 100, lateSideOutput: true }
              : { semantics, window, aggregate, graceMs: 100, emit: "onWindowClose", lateSideOutput: true };
          const m = windowModel(config, records, {}, 2);
          const sim = simulate(m);
          const fast = runFast(m);
          for (const topic of ["out", "late"]) {
            const fastOut = fast.logs[topic]!.flatMap((p) =>
              p.keys.map((k, o) => [k, p.values[o], p.timestamps[o]]),
            );
            expect(fastOut).toEqual(results(sim, topic));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("keeps stream time and watermarks non-decreasing at every operator (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 5000 })), {
          minLength: 1,
          maxLength: 25,
        }),
        fc.integer({ min: 1, max: 3 }),
        (raw, partitions) => {
          const records = raw.map(([at, ts], i) => record(at, `k${i % 5}`, i, { timestamp: ts }));
          const m = windowModel(
            { semantics: "flink", window: { type: "tumbling", size: 1000 }, aggregate: { kind: "count" } },
            records,
            {},
            partitions,
          );
          m.app.time!.watermarks = { outOfOrdernessMs: 300, autoWatermarkIntervalMs: 200, idlenessMs: 500 };
          const sim = simulate(m);
          const last = new Map<string, number>();
          for (const s of steps(sim)) {
            let id: string;
            let value: number;
            if (s.kind === "watermarkAdvanced") {
              id = `${s.node} ${s.task} ${s.topic}-${s.partition}`;
              value = s.watermarkMs;
            } else if (s.kind === "streamTimeAdvanced" || s.kind === "streamTimeRestored") {
              id = `stream time ${s.task}`;
              value = s.streamTimeMs;
            } else continue;
            expect(value).toBeGreaterThan(last.get(id) ?? Number.NEGATIVE_INFINITY);
            last.set(id, value);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("shows in the last frame exactly the windows the operator holds (kafka-streams, property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 500 }),
            fc.integer({ min: 0, max: 80 }),
            fc.constantFrom("a", "b"),
          ),
          {
            minLength: 1,
            maxLength: 25,
          },
        ),
        fc.constantFrom<WindowedAggregationConfig["window"]>(
          { type: "tumbling", size: 10 },
          { type: "hopping", size: 10, advance: 5 },
          { type: "session", gap: 5 },
          { type: "sliding", timeDifference: 5 },
        ),
        fc.constantFrom<"onUpdate" | "onWindowClose">("onUpdate", "onWindowClose"),
        (raw, window, emit) => {
          const records = raw.map(([at, ts, key], i) => record(at, key, i, { timestamp: ts }));
          const config: WindowedAggregationConfig = {
            semantics: "kafka-streams",
            window,
            aggregate: { kind: "count" },
            graceMs: 10,
            emit,
          };
          const sim = simulate(windowModel(config, records));
          // The same core fed the records in the order the source took them.
          const core = createWindowedAggregation(config);
          for (const s of steps(sim)) {
            if (s.kind !== "recordProcessed" || s.node !== "src") continue;
            const r = sim.record(s.record);
            core.process({ key: r.key, value: r.value, timestamp: r.timestamp });
          }
          const expected = core
            .openWindows()
            .map((w) => JSON.stringify([w.key, w.window.start, w.window.end, w.value, w.closed, w.emissions]))
            .sort();
          const shown = sim
            .frameAt(sim.stepCount)
            .windows.map((w) => JSON.stringify([w.key, w.start, w.end, w.value, w.closed, w.emissions]))
            .sort();
          expect(shown).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});
