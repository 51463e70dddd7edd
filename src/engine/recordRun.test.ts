import { describe, expect, it } from "vitest";
import { openSimulation } from "./openSimulation";
import { PROGRESS_EVERY_STEPS } from "./recording";
import { recordRun, simulate } from "./simulate";
import { model, producer, record, sink, source } from "./testing/modelFixtures";
import { recordedBuffers } from "./trace/recordedRun";

const topics = [
  { name: "in", partitions: 3 },
  { name: "out", partitions: 2 },
];
const pipeline = [source("src", ["in"]), sink("s", "src", "out")];

function generated(count: number) {
  return model(
    topics,
    [
      producer("gen", "in", [record(0, "first", 0)], {
        generate: {
          count,
          startMs: 1,
          everyMs: 1,
          keys: [
            { key: "a", weight: 1 },
            { key: "b", weight: 2 },
          ],
          jitterMs: 5,
          value: null,
        },
      }),
    ],
    pipeline,
  );
}

describe("recordRun and openSimulation", () => {
  it("record plain data whose typed arrays each have a buffer of their own, little or no larger than them", () => {
    const recorded = recordRun(generated(500));
    const { trace } = recorded;
    expect(trace.kinds.length).toBe(trace.a.length);
    for (const column of [trace.kinds, trace.a, trace.timestamps, ...recorded.logs.map((log) => log.ids)]) {
      expect(column.byteOffset).toBe(0);
      expect(column.buffer.byteLength).toBeLessThanOrEqual(column.byteLength * 1.25 + 4096);
    }
    if (trace.versionValues.kind !== "packed") throw new Error("expected packed keys and values");
    expect(trace.timestamps.length).toBe(trace.versionValues.keyRefs.length);
    expect(trace.timestamps.length).toBe(trace.versionValues.valueRefs.length);
    expect(recorded.logs).toHaveLength(5);
    expect(recorded.logs.reduce((n, log) => n + log.ids.length, 0)).toBe(2 * 501);
    const buffers = recordedBuffers(recorded);
    expect(new Set(buffers).size).toBe(buffers.length);
    // Nine trace columns, three of the packed keys and values, two per log.
    expect(buffers).toHaveLength(12 + 2 * recorded.logs.length);
  });

  it("open, after a structured clone with the buffers transferred, into the same simulation", () => {
    const m = generated(300);
    const direct = simulate(m);
    const recorded = recordRun(m);
    const moved = structuredClone(recorded, { transfer: recordedBuffers(recorded) });
    expect(recorded.trace.kinds.length).toBe(0); // the buffers moved
    const opened = openSimulation(m, moved);
    expect(opened.digest()).toBe(direct.digest());
    expect(opened.stepCount).toBe(direct.stepCount);
    expect(opened.logs).toEqual(direct.logs);
    for (const cursor of [0, 1, 700, direct.stepCount])
      expect(opened.frameAt(cursor)).toEqual(direct.frameAt(cursor));
  });

  it("place every logged record version in its partition, as the per-record logs do, and nothing else", () => {
    const m = generated(200);
    const opened = openSimulation(m, structuredClone(recordRun(m)));
    const logged = new Set<number>();
    for (const [topic, partitions] of Object.entries(opened.logs)) {
      partitions.forEach((log, partition) => {
        for (const entry of log) {
          expect(opened.placeOf(entry.record)).toEqual({ topic, partition });
          logged.add(entry.record);
        }
      });
    }
    const versions = opened.stats().versions;
    for (let id = 0; id < versions; id++) if (!logged.has(id)) expect(opened.placeOf(id)).toBeNull();
    expect(opened.placeOf(versions)).toBeNull();
    expect(opened.placeOf(-1)).toBeNull();
  });

  it("refuse a recording of another model", () => {
    const recorded = recordRun(generated(10));
    const other = model(
      [{ name: "in", partitions: 1 }],
      [producer("p", "in", [record(0, "a", 1)])],
      [source("src", ["in"])],
    );
    expect(() => openSimulation(other, recorded)).toThrow(/5 partition logs; this model has 1/);
  });

  it("report progress in records and steps, at most once per PROGRESS_EVERY_STEPS steps", () => {
    const m = generated(60_000);
    const calls: [number, number, number][] = [];
    const recorded = recordRun(m, {
      onProgress: (done, total, steps) => calls.push([done, total, steps]),
    });
    const steps = recorded.trace.kinds.length;
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.length).toBeLessThanOrEqual(Math.ceil(steps / PROGRESS_EVERY_STEPS));
    for (const [done, total, stepsSoFar] of calls) {
      expect(total).toBe(60_001);
      expect(done).toBeGreaterThan(0);
      expect(done).toBeLessThanOrEqual(total);
      expect(stepsSoFar).toBeGreaterThanOrEqual(PROGRESS_EVERY_STEPS);
      expect(stepsSoFar).toBeLessThanOrEqual(steps);
    }
    for (const column of [0, 2] as const) {
      const seen = calls.map((call) => call[column]);
      expect(seen).toEqual([...seen].sort((x, y) => x - y));
    }
    expect(simulate(m).digest()).toBe(openSimulation(m, recorded).digest());
  });

  it("do not report progress for a short run", () => {
    const calls: number[] = [];
    recordRun(generated(100), { onProgress: (done) => calls.push(done) });
    expect(calls).toEqual([]);
  });
});
