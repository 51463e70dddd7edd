import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TraceStep } from "../index";
import { DEFAULT_TIME, type SimulationModel, type TimeSpec } from "../model";
import { simulate } from "../simulate";
import { model, producer, record, sink, source } from "../testing/modelFixtures";

function steps(sim: ReturnType<typeof simulate>): TraceStep[] {
  return Array.from({ length: sim.stepCount }, (_, i) => sim.step(i));
}

function withTime(m: SimulationModel, time: Partial<TimeSpec>): SimulationModel {
  m.app.time = { ...DEFAULT_TIME, ...time };
  return m;
}

const outValues = (sim: ReturnType<typeof simulate>, topic = "out") =>
  sim.logs[topic]![0]!.map((e) => sim.record(e.record).value);

/** Two single-partition topics read by one source: one task with two partitions. */
function twoInputs(
  left: ReturnType<typeof record>[],
  right: ReturnType<typeof record>[],
  time: Partial<TimeSpec> = {},
  app: Partial<SimulationModel["app"]> = {},
) {
  return withTime(
    model(
      [
        { name: "left", partitions: 1 },
        { name: "right", partitions: 1 },
        { name: "out", partitions: 1 },
      ],
      [producer("l", "left", left), producer("r", "right", right)],
      [source("src", ["left", "right"]), sink("s", "src", "out")],
      app,
    ),
    time,
  );
}

const oneToOne = [source("src", ["in"]), sink("s", "src", "out")];
const topics = (partitions = 1) => [
  { name: "in", partitions },
  { name: "out", partitions: 1 },
];

describe("timestamp extraction in the run loop", () => {
  it("skips a record with a negative event timestamp, with the reason, and moves past it", () => {
    const sim = simulate(
      model(
        topics(),
        [producer("p", "in", [record(0, "a", 1), record(0, "b", 2, { timestamp: -5 }), record(0, "c", 3)])],
        oneToOne,
      ),
    );
    expect(outValues(sim)).toEqual([1, 3]);
    const skipped = steps(sim).find((s) => s.kind === "recordSkipped")!;
    expect(skipped).toMatchObject({ task: "0_0", topic: "in", partition: 0, offset: 1 });
    expect(sim.narrate(skipped.step)).toContain("the record timestamp -5 is negative");
    expect(sim.narrate(skipped.step)).toContain("RecordQueue");
    expect(sim.frameAt(sim.stepCount).tasks[0]!.partitions[0]!.processed).toBe(3);
  });

  it("reads event time from a value field and skips records without it", () => {
    const sim = simulate(
      withTime(
        model(
          topics(),
          [producer("p", "in", [record(0, "a", { ts: 40 }), record(0, "b", { other: 1 })])],
          oneToOne,
        ),
        { timestamp: { kind: "field", field: "ts" } },
      ),
    );
    expect(sim.logs.out![0]!.map((e) => sim.record(e.record).timestamp)).toEqual([40]);
    const skipped = steps(sim).find((s) => s.kind === "recordSkipped");
    expect(skipped?.kind === "recordSkipped" && skipped.reason).toBe("value.ts is missing, not a timestamp");
  });

  it("uses log-append time as ingestion time and the processing instant as processing time", () => {
    const records = [record(10, "a", 1, { timestamp: 5 })];
    const ingestion = simulate(
      withTime(model(topics(), [producer("p", "in", records, { delayMs: 30 })], oneToOne), {
        timestamp: { kind: "ingestion" },
      }),
    );
    expect(ingestion.record(ingestion.logs.out![0]![0]!.record).timestamp).toBe(40);
    const processing = simulate(
      withTime(model(topics(), [producer("p", "in", records, { delayMs: 30 })], oneToOne), {
        timestamp: { kind: "processing" },
      }),
    );
    // Appended at 40, polled at the next poll interval multiple: 100.
    expect(processing.record(processing.logs.out![0]![0]!.record).timestamp).toBe(100);
  });
});

describe("record scheduling across a task's partitions", () => {
  const left = [record(0, "a", "l1", { timestamp: 50 }), record(0, "a", "l2", { timestamp: 60 })];
  const right = [record(0, "b", "r1", { timestamp: 10 }), record(0, "b", "r2", { timestamp: 20 })];

  it("takes the smallest head timestamp under the timestamp scheduler", () => {
    expect(outValues(simulate(twoInputs(left, right)))).toEqual(["r1", "r2", "l1", "l2"]);
  });

  it("compares head records, not the partitions' times (shouldChooseNextRecordBasedOnHeadTimestamp)", () => {
    const sim = simulate(
      twoInputs(
        [record(0, "a", "l100", { timestamp: 100 }), record(0, "a", "l5", { timestamp: 5 })],
        [record(0, "b", "r150", { timestamp: 150 }), record(0, "b", "r170", { timestamp: 170 })],
      ),
    );
    // Once l100 is processed, left's partition time is 100 and right's is still unknown: a rule by partition time
    // would take right next. The head rule compares l5 (5) with r150 (150) and takes l5.
    expect(outValues(sim)).toEqual(["l100", "l5", "r150", "r170"]);
  });

  it("alternates partitions under round-robin, which changes the output order", () => {
    const sim = simulate(twoInputs(left, right, { scheduler: { kind: "round-robin" } }));
    expect(outValues(sim)).toEqual(["l1", "r1", "l2", "r2"]);
    const choice = steps(sim).find((s) => s.kind === "partitionChosen")!;
    expect(sim.narrate(choice.step)).toContain("round-robin");
  });

  it("takes the record appended first under the arrival scheduler", () => {
    const late = [record(5, "a", "l1", { timestamp: 1 })];
    const early = [record(0, "b", "r1", { timestamp: 100 })];
    const sim = simulate(twoInputs(late, early, { scheduler: { kind: "arrival" } }));
    expect(outValues(sim)).toEqual(["r1", "l1"]);
  });

  it("ranks head records with a custom expression, smallest first", () => {
    const sim = simulate(
      twoInputs(left, right, {
        scheduler: { kind: "custom", source: "-timestamp", rank: (r) => -r.timestamp },
      }),
    );
    expect(outValues(sim)).toEqual(["l1", "l2", "r1", "r2"]);
  });
});

describe("max.task.idle.ms", () => {
  // left has a record at 0; right's record (older) only arrives at 300.
  const left = [record(0, "a", "l1", { timestamp: 100 })];
  const right = [record(300, "b", "r1", { timestamp: 50 })];

  it("0: processes the buffered partition at once when the broker has nothing for the empty one", () => {
    const sim = simulate(twoInputs(left, right, { maxTaskIdleMs: 0 }));
    expect(outValues(sim)).toEqual(["l1", "r1"]);
    const choice = steps(sim).find((s) => s.kind === "partitionChosen")!;
    expect(sim.narrate(choice.step)).toContain("max.task.idle.ms = 0: the task does not wait");
  });

  it("a positive value waits that long for the empty partition, so the older record goes first", () => {
    const sim = simulate(twoInputs(left, right, { maxTaskIdleMs: 500 }));
    expect(outValues(sim)).toEqual(["r1", "l1"]);
    const idled = steps(sim).find((s) => s.kind === "taskIdled")!;
    expect(idled).toMatchObject({ task: "0_0", topic: "right", untilMs: 500, timeMs: 0 });
  });

  it("processes without the empty partition once its deadline passes (enforced processing)", () => {
    const sim = simulate(
      twoInputs(left, [record(900, "b", "r1", { timestamp: 50 })], { maxTaskIdleMs: 500 }),
    );
    expect(outValues(sim)).toEqual(["l1", "r1"]);
    const choice = steps(sim).find((s) => s.kind === "partitionChosen")!;
    expect(choice).toMatchObject({ enforced: true, timeMs: 500 });
    expect(sim.narrate(choice.step)).toContain("enforced processing");
  });

  it("waits for data the broker has even at 0, but -1 never waits", () => {
    // max.poll.records 1: the first poll fetches left-0 only; right-0's record is on the broker.
    const l = [record(0, "a", "l1", { timestamp: 100 })];
    const r = [record(0, "b", "r1", { timestamp: 50 })];
    const waits = simulate(twoInputs(l, r, { maxTaskIdleMs: 0 }, { maxPollRecords: 1 }));
    expect(outValues(waits)).toEqual(["r1", "l1"]);
    expect(steps(waits).some((s) => s.kind === "taskIdled" && s.untilMs === null)).toBe(true);
    const never = simulate(twoInputs(l, r, { maxTaskIdleMs: -1 }, { maxPollRecords: 1 }));
    expect(outValues(never)).toEqual(["l1", "r1"]);
  });
});

describe("stream time", () => {
  it("advances per task with the largest processed timestamp and is in every frame", () => {
    const sim = simulate(
      model(
        topics(),
        [
          producer("p", "in", [
            record(0, "a", 1, { timestamp: 30 }),
            record(0, "b", 2, { timestamp: 10 }),
            record(0, "c", 3, { timestamp: 70 }),
          ]),
        ],
        oneToOne,
      ),
    );
    const advanced = steps(sim).flatMap((s) => (s.kind === "streamTimeAdvanced" ? [s.streamTimeMs] : []));
    expect(advanced).toEqual([30, 70]);
    expect(sim.frameAt(0).tasks[0]!.streamTimeMs).toBeNull();
    expect(sim.frameAt(sim.stepCount).tasks[0]!.streamTimeMs).toBe(70);
  });

  it("is restored from the partition times committed with the offsets when a task resumes", () => {
    const sim = simulate(
      model(
        topics(),
        [
          producer("p", "in", [
            record(0, "a", 1, { timestamp: 30 }),
            record(1500, "b", 2, { timestamp: 80 }),
          ]),
        ],
        oneToOne,
        { instances: 2, commitIntervalMs: 1000, faults: [{ atMs: 1600, instance: 0, action: "crash" }] },
      ),
    );
    const restored = steps(sim).find((s) => s.kind === "streamTimeRestored" && s.streamTimeMs === 30)!;
    expect(restored).toBeDefined();
    expect(sim.narrate(restored.step)).toContain("KIP-353");
  });

  it("never decreases without a resume, whatever the records (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: -5, max: 5000 })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.integer({ min: 1, max: 3 }),
        (records, partitions) => {
          const sim = simulate(
            model(
              topics(partitions),
              [
                producer(
                  "p",
                  "in",
                  records.map(([at, ts], i) => record(at, `k${i % 4}`, i, { timestamp: ts })),
                ),
              ],
              oneToOne,
            ),
          );
          const last = new Map<string, number>();
          for (const s of steps(sim)) {
            if (s.kind !== "streamTimeAdvanced") continue;
            expect(s.streamTimeMs).toBeGreaterThan(last.get(s.task) ?? -1);
            last.set(s.task, s.streamTimeMs);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("Flink watermarks", () => {
  const flink = (watermarks: Partial<TimeSpec["watermarks"]> = {}): Partial<TimeSpec> => ({
    semantics: "flink",
    watermarks: { ...DEFAULT_TIME.watermarks, outOfOrdernessMs: 5, ...watermarks },
  });

  it("emits max timestamp − bound − 1 per partition every autoWatermarkIntervalMs", () => {
    const sim = simulate(
      withTime(
        model(
          topics(),
          [
            producer("p", "in", [
              record(0, "a", 1, { timestamp: 100 }),
              record(250, "b", 2, { timestamp: 300 }),
            ]),
          ],
          oneToOne,
        ),
        flink(),
      ),
    );
    const partition = steps(sim).flatMap((s) =>
      s.kind === "watermarkAdvanced" && s.node === null ? [[s.timeMs, s.watermarkMs]] : [],
    );
    expect(partition).toEqual([
      [200, 94],
      [400, 294],
    ]);
    const step = steps(sim).find((s) => s.kind === "watermarkAdvanced")!;
    expect(sim.narrate(step.step)).toContain("max timestamp 100 − bound 5 − 1 = watermark 94");
    const frame = sim.frameAt(sim.stepCount);
    expect(frame.tasks[0]!.partitions[0]!.watermarkMs).toBe(294);
    expect(frame.tasks[0]!.watermarks).toEqual({ src: 294 });
  });

  it("holds a task's watermark at the slowest partition, until an idle partition stops counting", () => {
    const left = [record(0, "a", 1, { timestamp: 1000 })];
    const right: ReturnType<typeof record>[] = [];
    const held = simulate(twoInputs(left, right, flink()));
    const task = (sim: ReturnType<typeof simulate>) =>
      steps(sim).flatMap((s) => (s.kind === "watermarkAdvanced" && s.node === "src" ? [s.watermarkMs] : []));
    expect(task(held)).toEqual([]);
    const idle = simulate(twoInputs(left, right, flink({ idlenessMs: 300 })));
    expect(task(idle)).toEqual([994]);
    const marked = steps(idle).find((s) => s.kind === "partitionIdleChanged")!;
    expect(marked).toMatchObject({ topic: "right", idle: true });
    expect(idle.frameAt(idle.stepCount).tasks[0]!.partitions[1]!.idle).toBe(true);
  });

  it("records no watermark under kafka-streams", () => {
    const sim = simulate(model(topics(), [producer("p", "in", [record(0, "a", 1)])], oneToOne));
    expect(steps(sim).some((s) => s.kind === "watermarkAdvanced")).toBe(false);
    expect(sim.frameAt(sim.stepCount).tasks[0]!.watermarks).toEqual({});
  });
});
