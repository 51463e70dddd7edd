import { describe, expect, it } from "vitest";
import type { Simulation } from "../index";
import { DEFAULT_TIME, defaultGroup, type SimulationModel, type TimeSpec } from "../model";
import { simulate } from "../simulate";
import { model, producer, record, sink, source } from "../testing/modelFixtures";

function withTime(m: SimulationModel, time: Partial<TimeSpec>): SimulationModel {
  m.app.time = { ...DEFAULT_TIME, ...time };
  return m;
}

const partitionTimes = (sim: Simulation, cursor: number, task = "0_0") =>
  sim
    .frameAt(cursor)
    .tasks.find((t) => t.id === task)!
    .partitions.map((p) => p.partitionTimeMs);

/** The cursors just after the source node `src` took a record from a partition. */
function cursorsAfterSource(sim: Simulation): number[] {
  return cursorsAfter(sim, "recordProcessed").filter((c) => {
    const s = sim.step(c - 1);
    return s.kind === "recordProcessed" && s.node === "src";
  });
}

/** The cursors just after each step of `kind`. */
function cursorsAfter(sim: Simulation, kind: string): number[] {
  const found: number[] = [];
  for (let i = 0; i < sim.stepCount; i++) if (sim.step(i).kind === kind) found.push(i + 1);
  return found;
}

/** Two topics of two partitions read by one source (two tasks of two partitions), out-of-order timestamps. */
function twoTopics(app: Partial<SimulationModel["app"]> = {}) {
  const records = (offset: number) =>
    Array.from({ length: 24 }, (_, i) =>
      record(i * 500, `k${i % 2}`, i, {
        partition: i % 2,
        timestamp: i * 500 + ((i * 7 + offset) % 5) * 300,
      }),
    );
  return model(
    [
      { name: "left", partitions: 2 },
      { name: "right", partitions: 2 },
      { name: "out", partitions: 1 },
    ],
    [producer("l", "left", records(0)), producer("r", "right", records(3))],
    [source("src", ["left", "right"]), sink("s", "src", "out")],
    { commitIntervalMs: 2000, ...app },
  );
}

describe("partition time in frames", () => {
  it("is the largest timestamp taken from the partition and never decreases", () => {
    const sim = simulate(
      model(
        [
          { name: "in", partitions: 1 },
          { name: "out", partitions: 1 },
        ],
        [
          producer("p", "in", [
            record(0, "a", 1, { timestamp: 500 }),
            record(0, "b", 2, { timestamp: 300 }),
            record(0, "c", 3, { timestamp: 800 }),
          ]),
        ],
        [source("src", ["in"]), sink("s", "src", "out")],
      ),
    );
    expect(partitionTimes(sim, 0)).toEqual([null]);
    const taken = cursorsAfterSource(sim);
    expect(taken.map((c) => partitionTimes(sim, c)[0])).toEqual([500, 500, 800]);
    // Fetched but not yet processed records do not count.
    const fetched = cursorsAfter(sim, "recordFetched");
    expect(partitionTimes(sim, fetched.at(-1)!)).toEqual([null]);
  });

  it("is the stream time's source: a task's stream time is its largest partition time at every settled step", () => {
    const faults = [
      { atMs: 3700, instance: 1, action: "crash" as const },
      { atMs: 9100, instance: 1, action: "restart" as const },
    ];
    const sim = simulate(
      twoTopics({
        instances: 2,
        faults,
        group: { ...defaultGroup(2), sessionTimeoutMs: 3000, heartbeatIntervalMs: 1000 },
      }),
    );
    expect(cursorsAfter(sim, "streamTimeRestored").length).toBeGreaterThan(0);
    let checked = 0;
    for (let cursor = 1; cursor <= sim.stepCount; cursor++) {
      // Between a stream-time step and the source taking the record, or between a resume's position resets and
      // its restored stream time, the two are mid-update.
      const previous = sim.step(cursor - 1).kind;
      if (previous === "streamTimeAdvanced" || previous === "positionReset") continue;
      for (const task of sim.frameAt(cursor).tasks) {
        const times = task.partitions.map((p) => p.partitionTimeMs ?? -1);
        const largest = Math.max(...times);
        expect(task.streamTimeMs ?? -1, `task ${task.id} at cursor ${cursor}`).toBe(largest);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("resumes from the partition time committed with the offset", () => {
    const sim = simulate(
      twoTopics({
        instances: 2,
        faults: [{ atMs: 3700, instance: 1, action: "crash" }],
        group: { ...defaultGroup(2), sessionTimeoutMs: 3000, heartbeatIntervalMs: 1000 },
      }),
    );
    const resumes = cursorsAfter(sim, "positionReset").filter((c) => {
      const s = sim.step(c - 1);
      return s.kind === "positionReset" && s.reason === "resumeFromCommit" && s.timeMs > 3700;
    });
    expect(resumes.length).toBeGreaterThan(0);
    for (const cursor of resumes) {
      const s = sim.step(cursor - 1);
      if (s.kind !== "positionReset") throw new Error("not a reset");
      const lastCommit = cursorsAfter(sim, "offsetCommitted")
        .filter((c) => c < cursor)
        .filter((c) => {
          const commit = sim.step(c - 1);
          return (
            commit.kind === "offsetCommitted" && commit.topic === s.topic && commit.partition === s.partition
          );
        })
        .at(-1)!;
      const at = (c: number) =>
        sim
          .frameAt(c)
          .tasks.find((t) => t.id === s.task)!
          .partitions.find((p) => p.topic === s.topic && p.partition === s.partition)!.partitionTimeMs;
      expect(at(cursor), `${s.topic}-${s.partition} resumed at cursor ${cursor}`).toBe(at(lastCommit));
      // The crashed instance had gone further than its commit.
      expect(at(cursor - 1)!).toBeGreaterThan(at(cursor)!);
    }
  });

  it("is not kept under flink, which has watermarks instead", () => {
    const sim = simulate(withTime(twoTopics(), { semantics: "flink" }));
    const end = sim.frameAt(sim.stepCount);
    expect(end.tasks.flatMap((t) => t.partitions.map((p) => p.partitionTimeMs))).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});

describe("extracted timestamps", () => {
  const oneTopic = (records: ReturnType<typeof record>[], time: Partial<TimeSpec>) =>
    simulate(
      withTime(
        model(
          [
            { name: "in", partitions: 1 },
            { name: "out", partitions: 1 },
          ],
          [producer("p", "in", records, { delayMs: 30 })],
          [source("src", ["in"]), sink("s", "src", "out")],
        ),
        time,
      ),
    );

  it("give event time, or the reason a record is skipped", () => {
    const sim = oneTopic([record(0, "a", 1, { timestamp: 70 }), record(10, "b", 2, { timestamp: -5 })], {});
    expect(sim.extractedTimestamp("in", 0, 0, 0)).toBe(70);
    expect(sim.extractedTimestamp("in", 0, 1, 0)).toBe("the record timestamp -5 is negative");
    expect(() => sim.extractedTimestamp("in", 0, 2, 0)).toThrow(RangeError);
    expect(() => sim.extractedTimestamp("in", 1, 0, 0)).toThrow(RangeError);
  });

  it("give ingestion time: the log-append time", () => {
    const sim = oneTopic([record(0, "a", 1, { timestamp: 70 })], { timestamp: { kind: "ingestion" } });
    expect(sim.extractedTimestamp("in", 0, 0, 0)).toBe(30);
  });

  it("give processing time only once the record was processed, from the trace", () => {
    const sim = oneTopic([record(0, "a", 1, { timestamp: 70 })], { timestamp: { kind: "processing" } });
    const processed = cursorsAfterSource(sim)[0]!;
    expect(sim.extractedTimestamp("in", 0, 0, processed - 1)).toBeNull();
    // Fetched at the first poll after it arrived at 30 ms.
    expect(sim.extractedTimestamp("in", 0, 0, processed)).toBe(100);
    expect(partitionTimes(sim, processed)).toEqual([100]);
  });

  it("reach a table's partition time through the version the table makes", () => {
    const sim = simulate(
      withTime(
        model(
          [
            { name: "rows", partitions: 1 },
            { name: "out", partitions: 1 },
          ],
          [producer("p", "rows", [record(0, "a", 1, { timestamp: 70 })], { delayMs: 30 })],
          [{ id: "t", op: "table", topic: "rows", inputs: [] }],
        ),
        { timestamp: { kind: "ingestion" } },
      ),
    );
    const stored = cursorsAfter(sim, "recordStored")[0]!;
    const step = sim.step(stored - 1);
    expect(step.kind === "recordStored" && sim.record(step.record).timestamp).toBe(30);
    expect(partitionTimes(sim, stored)).toEqual([30]);
  });
});

describe("scheduling steps", () => {
  it("list a task's partition choices and waits, and nothing for a task that never chooses", () => {
    const sim = simulate(twoTopics());
    const steps = sim.schedulingSteps("0_0");
    expect(steps.length).toBeGreaterThan(0);
    for (const i of steps) {
      const s = sim.step(i);
      expect(["partitionChosen", "taskIdled"]).toContain(s.kind);
      expect("task" in s && s.task).toBe("0_0");
    }
    const all = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i)).filter(
      (s) => (s.kind === "partitionChosen" || s.kind === "taskIdled") && s.task === "0_0",
    );
    expect(steps).toEqual(all.map((s) => s.step));
    expect(sim.schedulingSteps("9_9")).toEqual([]);
  });
});
