import { describe, expect, it } from "vitest";
import type { TraceStep } from "../index";
import { simulate } from "../simulate";
import { model, producer, record, sink, source } from "../testing/modelFixtures";

function steps(sim: ReturnType<typeof simulate>): TraceStep[] {
  return Array.from({ length: sim.stepCount }, (_, i) => sim.step(i));
}

const oneToOne = [source("src", ["in"]), sink("s", "src", "out")];
const topics = (partitions = 1) => [
  { name: "in", partitions },
  { name: "out", partitions: 1 },
];

describe("the cluster run loop", () => {
  it("appends after the producer's network delay", () => {
    const sim = simulate(
      model(topics(), [producer("p", "in", [record(100, "a", 1)], { delayMs: 30 })], oneToOne),
    );
    const appended = steps(sim).find((s) => s.kind === "recordAppended" && s.topic === "in")!;
    expect(appended.timeMs).toBe(130);
    expect(sim.logs.in![0]![0]!.appendTimeMs).toBe(130);
  });

  it("buffers records sent while disconnected and flushes them in order on reconnect", () => {
    const sim = simulate(
      model(
        topics(),
        [
          producer(
            "p",
            "in",
            [record(0, "a", 1), record(1000, "b", 2), record(1500, "c", 3), record(3000, "d", 4)],
            {
              disconnected: [{ fromMs: 900, toMs: 2000 }],
            },
          ),
        ],
        oneToOne,
      ),
    );
    const buffered = steps(sim).filter((s) => s.kind === "recordBuffered");
    expect(buffered).toHaveLength(2);
    const appends = sim.logs.in![0]!.map((e) => [sim.record(e.record).key, e.appendTimeMs]);
    expect(appends).toEqual([
      ["a", 0],
      ["b", 2000],
      ["c", 2000],
      ["d", 3000],
    ]);
    const flushed = steps(sim).findIndex((s) => s.kind === "recordAppended" && s.timeMs === 2000);
    expect(sim.narrate(flushed)).toContain("after the producer reconnected");
    expect(sim.frameAt(buffered[1]!.step + 1).producerBuffers.p).toHaveLength(2);
  });

  it("polls at multiples of the poll interval", () => {
    const sim = simulate(
      model(topics(), [producer("p", "in", [record(130, "a", 1)])], oneToOne, { pollIntervalMs: 100 }),
    );
    const fetched = steps(sim).find((s) => s.kind === "recordFetched")!;
    expect(fetched.timeMs).toBe(200);
  });

  it("fetches at most max.poll.records per poll", () => {
    const records = Array.from({ length: 5 }, (_, i) => record(0, `k${i}`, i));
    const sim = simulate(model(topics(), [producer("p", "in", records)], oneToOne, { maxPollRecords: 2 }));
    const kinds = steps(sim)
      .filter((s) => s.kind === "recordFetched" || (s.kind === "recordProcessed" && s.node === "src"))
      .map((s) => (s.kind === "recordFetched" ? "F" : "P"))
      .join("");
    expect(kinds).toBe("FFPPFFPPFP");
  });

  it("picks the partition whose head record has the smallest timestamp (PartitionGroup#nextRecord)", () => {
    const m = model(
      [
        { name: "left", partitions: 1 },
        { name: "right", partitions: 1 },
        { name: "out", partitions: 1 },
      ],
      [
        producer("l", "left", [
          record(0, "a", "l1", { timestamp: 50 }),
          record(0, "a", "l2", { timestamp: 10 }),
        ]),
        producer("r", "right", [record(0, "b", "r1", { timestamp: 20 })]),
      ],
      [source("src", ["left", "right"]), sink("s", "src", "out")],
    );
    const sim = simulate(m);
    // Heads: left ts=50, right ts=20 → r1 first; then l1 (50) — l2 (10) is behind it in its partition.
    expect(sim.logs.out![0]!.map((e) => sim.record(e.record).value)).toEqual(["r1", "l1", "l2"]);
    const choice = steps(sim).find((s) => s.kind === "partitionChosen")!;
    expect(sim.narrate(choice.step)).toContain("smallest head-record timestamp (PartitionGroup#nextRecord)");
    expect(sim.narrate(choice.step)).toContain("left-0 head ts 50, right-0 head ts 20");
  });

  it("gives one task per partition and spreads tasks over instances with the range assignor", () => {
    const sim = simulate(model(topics(4), [producer("p", "in", [])], oneToOne, { instances: 2 }));
    const tasks = sim.frameAt(sim.stepCount).tasks.map((t) => [t.id, t.instance]);
    expect(tasks).toEqual([
      ["0_0", "instance-1"],
      ["0_1", "instance-1"],
      ["0_2", "instance-2"],
      ["0_3", "instance-2"],
    ]);
    expect(sim.frameAt(0).tasks.every((t) => t.instance === null)).toBe(true);
    expect(sim.groupHistory().generations.map((g) => g.generation)).toEqual([1]);
  });

  it("commits processed positions every commit interval", () => {
    const sim = simulate(
      model(topics(), [producer("p", "in", [record(0, "a", 1), record(1500, "b", 2)])], oneToOne, {
        commitIntervalMs: 1000,
      }),
    );
    const commits = steps(sim).flatMap((s) =>
      s.kind === "offsetCommitted" && s.topic === "in" ? [[s.timeMs, s.offset]] : [],
    );
    expect(commits).toEqual([
      [1000, 1],
      [2000, 2],
    ]);
  });

  it("stops a run that passes limits.maxSteps with a clear error", () => {
    const m = model(topics(), [producer("p", "in", [record(0, "a", 1), record(1, "b", 1)])], oneToOne);
    m.limits = { maxRecords: 10, maxSteps: 5 };
    expect(() => simulate(m)).toThrow(/limits\.maxSteps/);
  });
});
