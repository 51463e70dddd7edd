import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExplicitRecordSpec, TopologyNode } from "../model";
import { runFast } from "../runFast";
import { simulate } from "../simulate";
import { model, producer, record, sink, source } from "../testing/modelFixtures";
import { SNAPSHOT_EVERY } from "./frameIndex";

const pipeline: TopologyNode[] = [
  source("src", ["in"]),
  { id: "f", op: "filter", inputs: [{ node: "src" }], predicate: (r) => (r.value as number) % 3 !== 0 },
  { id: "k", op: "selectKey", inputs: [{ node: "f" }], key: (r) => `k${(r.value as number) % 5}` },
  sink("s", "k", "out"),
];

const arbitraryRecords = fc.array(
  fc.record({
    atMs: fc.integer({ min: 0, max: 5000 }),
    key: fc.option(fc.constantFrom("a", "b", "c", "d"), { nil: null }),
    value: fc.integer({ min: 0, max: 100 }),
    timestamp: fc.integer({ min: 0, max: 5000 }),
  }),
  { maxLength: 40 },
);

function scenario(records: ExplicitRecordSpec[], partitions = 3) {
  return model(
    [
      { name: "in", partitions },
      { name: "out", partitions: 2 },
    ],
    [producer("p", "in", records)],
    pipeline,
  );
}

describe("frames", () => {
  it("rebuild any cursor from a snapshot exactly as stepping from the start does", () => {
    const records = Array.from({ length: 600 }, (_, i) => record(i * 3, `k${i % 7}`, i));
    const sim = simulate(scenario(records));
    expect(sim.stepCount).toBeGreaterThan(2 * SNAPSHOT_EVERY);
    for (const cursor of [
      0,
      1,
      SNAPSHOT_EVERY - 1,
      SNAPSHOT_EVERY,
      SNAPSHOT_EVERY + 1,
      2 * SNAPSHOT_EVERY + 17,
      sim.stepCount,
    ]) {
      const direct = sim.frameAt(cursor);
      expect(direct.cursor).toBe(cursor);
      // Going through the previous frame first must not change the answer (no hidden state between calls).
      if (cursor > 0) sim.frameAt(cursor - 1);
      expect(sim.frameAt(cursor)).toEqual(direct);
    }
  });

  it("show log ends that only grow and end at the final logs", () => {
    fc.assert(
      fc.property(arbitraryRecords, (records) => {
        const sim = simulate(scenario(records));
        let previous = sim.frameAt(0).logEnd;
        for (let c = 1; c <= sim.stepCount; c++) {
          const frame = sim.frameAt(c);
          for (const topic of Object.keys(frame.logEnd)) {
            frame.logEnd[topic]!.forEach((end, p) => {
              expect(end).toBeGreaterThanOrEqual(previous[topic]![p]!);
            });
          }
          previous = frame.logEnd;
        }
        for (const topic of Object.keys(previous)) {
          expect(previous[topic]).toEqual(sim.logs[topic]!.map((entries) => entries.length));
        }
      }),
      { numRuns: 25 },
    );
  });

  it("reject cursors outside the trace", () => {
    const sim = simulate(scenario([record(0, "a", 1)]));
    expect(() => sim.frameAt(-1)).toThrow(RangeError);
    expect(() => sim.frameAt(sim.stepCount + 1)).toThrow(RangeError);
    expect(() => sim.frameAt(0.5)).toThrow(RangeError);
  });
});

describe("determinism", () => {
  it("gives the same digest for the same model, run twice", () => {
    fc.assert(
      fc.property(arbitraryRecords, (records) => {
        expect(simulate(scenario(records)).digest()).toBe(simulate(scenario(records)).digest());
      }),
      { numRuns: 25 },
    );
  });

  it("gives different digests when a record changes", () => {
    const a = simulate(scenario([record(0, "a", 1)])).digest();
    const b = simulate(scenario([record(0, "a", 2)])).digest();
    expect(a).not.toBe(b);
  });

  it("makes the fast path and the recording path write the same output", () => {
    fc.assert(
      fc.property(arbitraryRecords, (records) => {
        const sim = simulate(scenario(records));
        const fast = runFast(scenario(records));
        const recorded = sim.logs.out!.map((entries) => entries.map((e) => sim.record(e.record).key));
        expect(fast.logs.out!.map((p) => p.keys)).toEqual(recorded);
      }),
      { numRuns: 25 },
    );
  });

  it("makes both paths agree through a repartition, a windowed join and a table join", () => {
    const keyed = fc.array(
      fc.record({
        atMs: fc.integer({ min: 0, max: 3000 }),
        key: fc.option(fc.constantFrom("a", "b", "c", "d"), { nil: null }),
        value: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
        timestamp: fc.integer({ min: 0, max: 3000 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(keyed, keyed, keyed, fc.boolean(), (left, right, rows, leftJoin) => {
        const m = joinScenario(left, right, rows, leftJoin ? "left" : "inner");
        const sim = simulate(m);
        const fast = runFast(m);
        for (const topic of ["joined", "enriched", "app-rk-repartition"]) {
          const recorded = sim.logs[topic]!.map((entries) =>
            entries.map((e) => {
              const r = sim.record(e.record);
              return [r.key, r.value, r.timestamp];
            }),
          );
          const fastOut = fast.logs[topic]!.map((p) =>
            p.keys.map((k, o) => [k, p.values[o], p.timestamps[o]]),
          );
          expect(fastOut).toEqual(recorded);
        }
        // Every join output pairs two records of one key within ±500 ms and carries the later timestamp; a left
        // record already joined never gets a null result when its window closes. (A right record arriving after
        // the window and grace may still join it afterwards, as in Kafka: the window store still holds it.)
        const joinedLeft = new Set<number>();
        for (let i = 0; i < sim.stepCount; i++) {
          const step = sim.step(i);
          if (step.kind !== "recordJoined" || step.node !== "j") continue;
          if (step.how === "windowClosed") expect(joinedLeft.has(step.input)).toBe(false);
          if (step.matched === null) continue;
          joinedLeft.add(step.side === "left" ? step.input : step.matched);
          const input = sim.record(step.input);
          const other = sim.record(step.matched);
          expect(other.key).toEqual(input.key);
          expect(Math.abs(other.timestamp - input.timestamp)).toBeLessThanOrEqual(500);
          expect(sim.record(step.record).timestamp).toBe(Math.max(input.timestamp, other.timestamp));
        }
      }),
      { numRuns: 40 },
    );
  });
});

/** Left records re-keyed (value % 3) through a repartition, joined with right records, and a table join. */
function joinScenario(
  left: ExplicitRecordSpec[],
  right: ExplicitRecordSpec[],
  rows: ExplicitRecordSpec[],
  type: "inner" | "left",
) {
  const joiner = (c: { left: unknown; right: unknown }) => [c.left, c.right] as never;
  return model(
    [
      { name: "left", partitions: 2 },
      { name: "right", partitions: 3 },
      { name: "rows", partitions: 3 },
      { name: "app-rk-repartition", partitions: 3, internal: "repartition" },
      { name: "joined", partitions: 2 },
      { name: "enriched", partitions: 2 },
    ],
    [producer("l", "left", left), producer("r", "right", right), producer("t", "rows", rows)],
    [
      source("lsrc", ["left"]),
      {
        id: "rk",
        op: "selectKey",
        inputs: [{ node: "lsrc" }],
        key: (r) => ["a", "b", "c"][Number(r.value) % 3]!,
      },
      { id: "rep", op: "repartition", inputs: [{ node: "rk" }], topic: "app-rk-repartition", causedBy: "rk" },
      source("repsrc", ["app-rk-repartition"]),
      source("rsrc", ["right"]),
      { id: "rows", op: "table", topic: "rows", inputs: [] },
      {
        id: "j",
        op: "join",
        inputs: [{ node: "repsrc" }, { node: "rsrc" }],
        beforeMs: 500,
        afterMs: 500,
        graceMs: 200,
        joiner,
        type,
      },
      { id: "jt", op: "joinTable", inputs: [{ node: "rsrc" }, { node: "rows" }], joiner, type: "left" },
      sink("s1", "j", "joined"),
      sink("s2", "jt", "enriched"),
    ],
    { instances: 2 },
  );
}
