import { describe, expect, it } from "vitest";
import type { Simulation } from "../engine";
import type { Scenario } from "../scenario";
import { labServices } from "./labServices";
import { LANE_RECORDS, type TaskTimeView, timeLanes } from "./timeLanes";

function run(scenario: Scenario): Simulation {
  const loaded = labServices.load(scenario);
  if (!loaded.ok) throw new Error(`does not load: ${JSON.stringify(loaded.errors)}`);
  return labServices.simulate(loaded.model);
}

const lesson = (id: string) => labServices.lessons.find((l) => l.id === id)!.scenario;

function task(sim: Simulation, cursor: number, id = "0_0"): TaskTimeView {
  return timeLanes(sim, sim.frameAt(cursor)).tasks.find((t) => t.id === id)!;
}

/** Each lane as `offset:timestamp:status` strings, the head marked `H` and the next pick `N`. */
function lanes(view: TaskTimeView): Record<string, string[]> {
  return Object.fromEntries(
    view.lanes.map((lane) => [
      lane.name,
      lane.records.map(
        (r) => `${r.offset}:${r.timestampMs}:${r.status}${r.head ? "H" : ""}${r.next ? "N" : ""}`,
      ),
    ]),
  );
}

/** The cursor just after the first step that `matches`. */
function cursorAfter(sim: Simulation, matches: (narration: string, kind: string) => boolean): number {
  for (let i = 0; i < sim.stepCount; i++) if (matches(sim.narrate(i), sim.step(i).kind)) return i + 1;
  throw new Error("no such step");
}

describe("time lanes under Kafka Streams (scheduler-choice)", () => {
  const sim = run(lesson("scheduler-choice"));
  // Steps 8 and 9 fetch orders-0 and payments-0 offset 0; step 10 chooses payments-0; step 12 processes it.
  const bothFetched = cursorAfter(sim, (n) => n.includes("polled payments-0 offset 0"));

  it("shows records not fetched yet with their extracted timestamps, and no pick before anything is buffered", () => {
    const view = task(sim, bothFetched - 2);
    expect(lanes(view)).toEqual({ "orders-0": ["0:1500:unfetched"], "payments-0": ["0:900:unfetched"] });
    expect(view.next).toEqual({ kind: "nothingBuffered" });
    expect(view.clock).toEqual({
      semantics: "kafka-streams",
      streamTimeMs: null,
      operators: [{ node: "perSecond", streamTimeMs: null }],
    });
    expect(view.lanes.map((l) => l.partitionTimeMs)).toEqual([null, null]);
  });

  it("waits for the poll under way while a partition's head is not fetched yet", () => {
    const view = task(sim, bothFetched - 1);
    expect(lanes(view)).toEqual({ "orders-0": ["0:1500:bufferedH"], "payments-0": ["0:900:unfetched"] });
    expect(view.next).toEqual({ kind: "fetching", partitions: ["payments-0"] });
  });

  it("picks the partition whose head record has the smallest timestamp, with the ranks compared", () => {
    const view = task(sim, bothFetched);
    expect(lanes(view)).toEqual({ "orders-0": ["0:1500:bufferedH"], "payments-0": ["0:900:bufferedHN"] });
    expect(view.lanes.map((l) => l.head?.offset)).toEqual([0, 0]);
    expect(view.next).toMatchObject({
      kind: "chosen",
      partition: "payments-0",
      offset: 0,
      timestampMs: 900,
      rule: "timestamp",
      candidates: [
        { partition: "orders-0", rank: 1500, offset: 0, timestampMs: 1500 },
        { partition: "payments-0", rank: 900, offset: 0, timestampMs: 900 },
      ],
      tie: false,
      empty: [],
    });
    // Chosen, stream time advanced, not yet taken by the source: still the next pick.
    expect(task(sim, bothFetched + 2).next).toMatchObject({ kind: "chosen", partition: "payments-0" });
    expect(task(sim, bothFetched + 2).clock).toMatchObject({ streamTimeMs: 900 });
  });

  it("after the payment is processed: its partition time, the stream time, and the order next without waiting", () => {
    const processed = cursorAfter(sim, (n, kind) => kind === "recordProcessed" && n.includes("payment-1"));
    const view = task(sim, processed);
    expect(lanes(view)).toEqual({ "orders-0": ["0:1500:bufferedHN"], "payments-0": ["0:900:processed"] });
    expect(view.lanes.map((l) => l.partitionTimeMs)).toEqual([null, 900]);
    expect(view.clock).toMatchObject({ streamTimeMs: 900 });
    expect(view.next).toMatchObject({
      kind: "chosen",
      partition: "orders-0",
      offset: 0,
      timestampMs: 1500,
      candidates: [{ partition: "orders-0", rank: 1500 }],
      empty: ["payments-0"],
      maxTaskIdleMs: 0,
    });
  });

  it("at 600 ms the second payment (1600) goes before the second order (1700); at the end both partition times", () => {
    const second = cursorAfter(sim, (n) => n.includes("polled payments-0 offset 1"));
    const view = task(sim, second);
    expect(lanes(view)).toEqual({
      "orders-0": ["0:1500:processed", "1:1700:bufferedH"],
      "payments-0": ["0:900:processed", "1:1600:bufferedHN"],
    });
    expect(view.lanes.map((l) => l.partitionTimeMs)).toEqual([1500, 900]);
    expect(view.clock).toMatchObject({ streamTimeMs: 1500 });
    expect(view.next).toMatchObject({
      kind: "chosen",
      partition: "payments-0",
      offset: 1,
      timestampMs: 1600,
    });

    const end = task(sim, sim.stepCount);
    expect(end.lanes.map((l) => l.partitionTimeMs)).toEqual([1700, 1600]);
    expect(end.clock).toMatchObject({ streamTimeMs: 1700 });
    expect(end.next).toEqual({ kind: "nothingBuffered" });
  });

  it("names round-robin's turn in the round-robin variant", () => {
    const roundRobin = run(lesson("scheduler-round-robin"));
    const fetched = cursorAfter(roundRobin, (n) => n.includes("polled payments-0 offset 0"));
    expect(task(roundRobin, fetched).next).toMatchObject({
      kind: "chosen",
      rule: "round-robin",
      partition: "orders-0",
      candidates: [
        { partition: "orders-0", rank: 0 },
        { partition: "payments-0", rank: 1 },
      ],
    });
  });
});

describe("time lanes while the task waits (max.task.idle.ms)", () => {
  // The scheduler lesson with the payments half a second late and max.task.idle.ms = 500.
  const base = lesson("scheduler-choice");
  const scenario = structuredClone(base);
  scenario.app.time = { ...scenario.app.time, maxTaskIdleMs: 500 };
  const bank = scenario.producers[1]!;
  scenario.producers[1] = {
    ...bank,
    records: (bank.records ?? []).map((r) => ({ ...r, at: (r.at ?? 0) + 300 })),
  };
  const sim = run(scenario);

  it("says the pick is not determined while the task waits for an empty partition, and until when", () => {
    const waits = cursorAfter(sim, (_n, kind) => kind === "taskIdled");
    expect(task(sim, waits).next).toEqual({
      kind: "waiting",
      partition: "payments-0",
      untilMs: 500,
      maxTaskIdleMs: 500,
      resumesAtMs: 300,
    });
  });

  it("says processing was enforced once the idle time ran out", () => {
    const enforced = cursorAfter(sim, (n, kind) => kind === "partitionChosen" && n.includes("enforced"));
    // Just before, at 600 ms, it still waits for payments-0 until 800 ms; at 800 ms it goes ahead without it.
    expect(task(sim, enforced - 1).next).toMatchObject({
      kind: "waiting",
      partition: "payments-0",
      untilMs: 800,
    });
    expect(task(sim, enforced).next).toMatchObject({
      kind: "chosen",
      partition: "orders-0",
      empty: ["payments-0"],
      maxTaskIdleMs: 500,
      enforced: true,
    });
  });
});

describe("time lanes under Flink (watermarks-parallel)", () => {
  const sim = run(lesson("watermarks-parallel"));
  const idle = cursorAfter(sim, (_n, kind) => kind === "partitionIdleChanged");

  it("shows every input channel's watermark, the idle one marked, and the operator's minimum", () => {
    const before = task(sim, idle - 1);
    expect(before.clock).toEqual({
      semantics: "flink",
      channels: [
        { name: "readings-0", watermarkMs: 1499, idle: false, own: true },
        { name: "readings-1", watermarkMs: -1, idle: false, own: false },
      ],
      minimum: { node: "count", watermarkMs: -1 },
    });
    const afterIdle = task(sim, idle + 1);
    expect(afterIdle.clock).toMatchObject({
      channels: [
        { name: "readings-0", idle: false },
        { name: "readings-1", watermarkMs: -1, idle: true },
      ],
      minimum: { node: "count", watermarkMs: 1499 },
    });
    expect(task(sim, idle + 1, "0_1").clock).toMatchObject({
      channels: [
        { name: "readings-0", own: false },
        { name: "readings-1", own: true, idle: true },
      ],
    });
  });

  it("shows each lane's watermark and idleness, no partition time, and the only partition's head next", () => {
    const view = task(sim, idle, "0_1");
    expect(view.lanes).toMatchObject([
      { name: "readings-1", watermarkMs: -1, idle: true, partitionTimeMs: null },
    ]);
    const fetched = cursorAfter(sim, (n) => n.includes("polled readings-0 offset 1"));
    expect(task(sim, fetched).next).toEqual({
      kind: "onlyPartition",
      partition: "readings-0",
      offset: 1,
      timestampMs: 400,
    });
  });

  it("keeps a lane to a window of records around the head and counts the rest", () => {
    const end = task(sim, sim.stepCount);
    const lane = end.lanes[0]!;
    expect(lane.records).toHaveLength(LANE_RECORDS);
    expect(lane.records.map((r) => r.offset)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect([lane.earlier, lane.later]).toEqual([1, 0]);
  });
});

describe("time lanes in every lesson", () => {
  it("show contiguous windows of records, one head per lane at most, and the next pick on its head", () => {
    for (const { id, scenario } of labServices.lessons) {
      const sim = run(scenario);
      for (let at = 0; at <= sim.stepCount; at++) {
        for (const view of timeLanes(sim, sim.frameAt(at)).tasks) {
          const where = `${id} task ${view.id} at cursor ${at}`;
          for (const lane of view.lanes) {
            expect(lane.records.length, where).toBeLessThanOrEqual(LANE_RECORDS);
            lane.records.forEach((r, i) => {
              expect(r.offset, where).toBe(lane.earlier + i);
            });
            expect(
              lane.records.filter((r) => r.head),
              where,
            ).toEqual(lane.head === null ? [] : [lane.head]);
            if (lane.head !== null) expect(lane.head.status, where).toBe("buffered");
          }
          const nexts = view.lanes.flatMap((lane) => lane.records.filter((r) => r.next));
          if (view.next.kind === "chosen" || view.next.kind === "onlyPartition") {
            expect(nexts, where).toHaveLength(1);
            expect(nexts[0]!.head, where).toBe(true);
          } else {
            expect(nexts, where).toEqual([]);
          }
        }
      }
    }
  });
});
