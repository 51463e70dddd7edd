/**
 * Counters per task: each task's copy of a node counts what happened in that task, the logical node is their sum,
 * and a windowed operator counts its late records. They are rebuilt from the trace like every frame field, so
 * a snapshot plus replay gives the same counts as stepping from the start.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WindowedAggregationConfig } from "../aggregation";
import type { Frame, NodeCounters } from "../frame/frame";
import { DEFAULT_TIME, type InstanceFault, type SimulationModel, type TopologyNode } from "../model";
import { recordRun, simulate } from "../simulate";
import type { Simulation } from "../simulation";
import { model, producer, record, sink, source } from "../testing/modelFixtures";
import { buildTopologyGraph } from "../topology/topologyGraph";
import { TraceLog } from "../trace/traceLog";
import { FrameIndex, SNAPSHOT_EVERY } from "./frameIndex";
import { applyStep, initialFrameState, replayTables } from "./frameState";

const ZERO: NodeCounters = { in: 0, out: 0, dropped: 0, late: 0 };

function sumOverTasks(frame: Frame, node: string): NodeCounters {
  const sum = { ...ZERO };
  for (const task of frame.tasks) {
    const c = task.counters[node];
    if (!c) continue;
    sum.in += c.in;
    sum.out += c.out;
    sum.dropped += c.dropped;
    sum.late += c.late;
  }
  return sum;
}

/** Per `task node`, what the decoded steps before a cursor say a windowed operator did: late and forwarded. */
interface WindowTally {
  late: Map<string, number>;
  out: Map<string, number>;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Every counter invariant at one frame. `settled` is false right after a windowed operator forwarded a result,
 * before its child took it.
 */
function expectConsistent(sim: Simulation, frame: Frame, tally: WindowTally, settled: boolean): void {
  for (const node of sim.graph.nodes) {
    // Each node's logical counters are its copies' summed: nothing is counted outside a task.
    expect(sumOverTasks(frame, node.id)).toEqual(frame.counters[node.id]);
  }
  for (const task of frame.tasks) {
    const spec = sim.graph.tasks.find((t) => t.id === task.id)!;
    // A task holds a copy of exactly its sub-topology's nodes.
    expect(Object.keys(task.counters)).toEqual(
      sim.graph.nodes.filter((n) => n.subtopology === spec.subtopology).map((n) => n.id),
    );
    for (const node of sim.graph.nodes) {
      if (node.op !== "windowedAggregate" || node.subtopology !== spec.subtopology) continue;
      const c = task.counters[node.id]!;
      expect(c.late).toBe(tally.late.get(`${task.id} ${node.id}`) ?? 0);
      expect(c.out).toBe(tally.out.get(`${task.id} ${node.id}`) ?? 0);
      if (!settled) continue;
      // What a task's copy forwards arrives at that task's copies of its children (a result fired by a watermark
      // too, with no record taken from a partition in that task).
      const children = sim.graph.children[node.index]!.map((child) => sim.graph.nodes[child.node]!.id);
      const arrived = children.reduce((sum, child) => sum + task.counters[child]!.in, 0);
      expect(arrived).toBe(c.out);
    }
  }
}

/** Checks every cursor of a run, tallying the windowed operators' steps as it goes. */
function expectConsistentThroughout(sim: Simulation): void {
  const tally: WindowTally = { late: new Map(), out: new Map() };
  for (let cursor = 0; cursor <= sim.stepCount; cursor++) {
    let settled = true;
    if (cursor > 0) {
      const step = sim.step(cursor - 1);
      if ("output" in step) {
        const key = `${step.task} ${step.node}`;
        if (step.kind === "recordLate" || step.kind === "recordToLateSideOutput") bump(tally.late, key);
        if (step.kind === "recordToLateSideOutput" || (step.record !== null && step.record !== step.input)) {
          bump(tally.out, key);
          settled = false;
        }
      }
    }
    expectConsistent(sim, sim.frameAt(cursor), tally, settled);
  }
}

const filterPipeline: TopologyNode[] = [
  source("src", ["in"]),
  { id: "f", op: "filter", inputs: [{ node: "src" }], predicate: (r) => (r.value as number) > 0 },
  sink("s", "f", "out"),
];

const windowed = (aggregation: WindowedAggregationConfig): TopologyNode => ({
  id: "agg",
  op: "windowedAggregate",
  inputs: [{ node: "src" }],
  aggregation,
});

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
    [
      source("src", ["in"]),
      windowed(aggregation),
      sink("s", "agg", "out"),
      {
        id: "lateOut",
        op: "sink",
        topic: "late",
        partitioner: { kind: "default" },
        inputs: [{ node: "agg", branch: "late" }],
      },
    ],
    app,
  );
  m.app.time = { ...DEFAULT_TIME, semantics: aggregation.semantics };
  return m;
}

describe("counters per task", () => {
  it("shouldCountEachTasksCopyOnItsOwnAndSumThemForTheNode", () => {
    // Two partitions, explicit: partition 0 gets 1, 0, 2; partition 1 gets 0, 5.
    const records = [
      record(0, "a", 1, { partition: 0 }),
      record(10, "b", 0, { partition: 0 }),
      record(20, "c", 2, { partition: 0 }),
      record(30, "d", 0, { partition: 1 }),
      record(40, "e", 5, { partition: 1 }),
    ];
    const sim = simulate(
      model(
        [
          { name: "in", partitions: 2 },
          { name: "out", partitions: 1 },
        ],
        [producer("p", "in", records)],
        filterPipeline,
        { instances: 2 },
      ),
    );
    const end = sim.frameAt(sim.stepCount);
    const task = (id: string) => end.tasks.find((t) => t.id === id)!;
    expect(task("0_0").counters.f).toEqual({ in: 3, out: 2, dropped: 1, late: 0 });
    expect(task("0_1").counters.f).toEqual({ in: 2, out: 1, dropped: 1, late: 0 });
    expect(task("0_0").counters.s).toEqual({ in: 2, out: 2, dropped: 0, late: 0 });
    expect(end.counters.f).toEqual({ in: 5, out: 3, dropped: 2, late: 0 });
    expect(end.counters.src).toEqual({ in: 5, out: 5, dropped: 0, late: 0 });
    expectConsistentThroughout(sim);
  });

  it("shouldCountARecordDroppedAsLateAsDroppedAndLate", () => {
    // Window [0, 10), grace 2: stream time 12 closes it at 10, so the record at 6 is dropped (equality drops).
    const sim = simulate(
      windowModel(
        {
          semantics: "kafka-streams",
          window: { type: "tumbling", size: 10 },
          aggregate: { kind: "count" },
          graceMs: 2,
        },
        [
          record(0, "a", 1, { timestamp: 1 }),
          record(10, "b", 1, { timestamp: 12 }),
          record(20, "a", 1, { timestamp: 6 }),
        ],
      ),
    );
    const end = sim.frameAt(sim.stepCount);
    expect(end.counters.agg).toEqual({ in: 3, out: 2, dropped: 1, late: 1 });
    expect(end.tasks[0]!.counters.agg).toEqual(end.counters.agg);
    // Before the late record arrives nothing is late.
    const lateStep = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i)).findIndex(
      (s) => s.kind === "recordLate",
    );
    expect(sim.frameAt(lateStep).counters.agg!.late).toBe(0);
    expect(sim.frameAt(lateStep + 1).counters.agg!.late).toBe(1);
  });

  it("shouldCountARecordSentToTheLateSideOutputAsOutAndLate", () => {
    // Flink: bound 0, so watermark = max ts − 1; the record at 3 after one at 20 is late for [0, 10).
    const sim = simulate(
      windowModel(
        {
          semantics: "flink",
          window: { type: "tumbling", size: 10 },
          aggregate: { kind: "count" },
          lateSideOutput: true,
        },
        [
          record(0, "a", 1, { timestamp: 1 }),
          record(500, "b", 1, { timestamp: 20 }),
          record(1000, "a", 1, { timestamp: 3 }),
        ],
      ),
    );
    const end = sim.frameAt(sim.stepCount);
    expect(end.counters.agg!.late).toBe(1);
    expect(end.counters.agg!.dropped).toBe(0);
    expect(end.counters.lateOut).toEqual({ in: 1, out: 1, dropped: 0, late: 0 });
    expectConsistentThroughout(sim);
  });

  it("shouldCountAWindowFiredByAWatermarkInItsOwnTask", () => {
    // Flink, three partitions on two instances: a partition's periodic watermark fires windows in its task, while
    // the last record taken from a partition may have been another task's.
    const records = Array.from({ length: 40 }, (_, i) =>
      record(i * 97, `k${i % 5}`, i, { timestamp: i * 50 }),
    );
    const sim = simulate(
      windowModel(
        { semantics: "flink", window: { type: "tumbling", size: 100 }, aggregate: { kind: "count" } },
        records,
        { instances: 2 },
        3,
      ),
    );
    const end = sim.frameAt(sim.stepCount);
    expect(end.tasks.map((t) => t.counters.agg!.out)).toEqual(end.tasks.map((t) => t.counters.s!.in));
    expectConsistentThroughout(sim);
  });
});

const windowArb: fc.Arbitrary<WindowedAggregationConfig> = fc.oneof(
  fc.record({
    semantics: fc.constant("kafka-streams" as const),
    window: fc.constantFrom(
      { type: "tumbling" as const, size: 100 },
      { type: "hopping" as const, size: 100, advance: 50 },
      { type: "session" as const, gap: 60 },
      { type: "sliding" as const, timeDifference: 80 },
    ),
    aggregate: fc.constant({ kind: "count" as const }),
    graceMs: fc.constantFrom(0, 30),
    emit: fc.constantFrom("onUpdate" as const, "onWindowClose" as const),
    lateSideOutput: fc.boolean(),
  }),
  fc.record({
    semantics: fc.constant("flink" as const),
    window: fc.constantFrom(
      { type: "tumbling" as const, size: 100 },
      { type: "hopping" as const, size: 100, advance: 50 },
      { type: "session" as const, gap: 60 },
    ),
    aggregate: fc.constant({ kind: "count" as const }),
    allowedLatenessMs: fc.constantFrom(0, 30),
    lateSideOutput: fc.boolean(),
  }),
);

const runArb = fc.record({
  aggregation: windowArb,
  partitions: fc.integer({ min: 1, max: 3 }),
  instances: fc.integer({ min: 1, max: 2 }),
  crashAtMs: fc.option(fc.integer({ min: 100, max: 2000 }), { nil: null }),
  records: fc.array(
    fc.record({
      atMs: fc.integer({ min: 0, max: 2500 }),
      key: fc.constantFrom("a", "b", "c"),
      lateByMs: fc.constantFrom(0, 0, 0, 40, 150),
      partition: fc.nat(2),
    }),
    { maxLength: 30 },
  ),
});

describe("counters per task, for any windowed run", () => {
  it("sum over the tasks to the node's, count every late step in its task, and survive crashes", () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const faults: InstanceFault[] =
          run.crashAtMs === null
            ? []
            : [
                { atMs: run.crashAtMs, instance: 0, action: "crash" },
                { atMs: run.crashAtMs + 700, instance: 0, action: "restart" },
              ];
        const records = [...run.records]
          .sort((a, b) => a.atMs - b.atMs)
          .map((r, i) =>
            record(r.atMs, r.key, i, {
              timestamp: Math.max(0, r.atMs - r.lateByMs),
              partition: r.partition % run.partitions,
            }),
          );
        let m: SimulationModel;
        try {
          m = windowModel(run.aggregation, records, { instances: run.instances, faults }, run.partitions);
        } catch {
          return; // A window configuration the engine refuses (retention shorter than the window).
        }
        expectConsistentThroughout(simulate(m));
      }),
      { numRuns: 60 },
    );
  });

  it("are rebuilt from a snapshot exactly as stepping from the start counts them", () => {
    const records = Array.from({ length: 700 }, (_, i) =>
      record(i * 5, `k${i % 5}`, i, { timestamp: i * 5 - (i % 7) * 40 }),
    );
    const model = windowModel(
      {
        semantics: "kafka-streams",
        window: { type: "tumbling", size: 100 },
        aggregate: { kind: "count" },
        graceMs: 50,
      },
      records,
      { instances: 2 },
      3,
    );
    // Replayed straight from the start, step by step, against the index's snapshot + replay, at every cursor just
    // after each snapshot (where a record's path may continue from the step before it) and at every 97th.
    const graph = buildTopologyGraph(model);
    const trace = TraceLog.fromRecorded(recordRun(model).trace);
    expect(trace.length).toBeGreaterThan(2 * SNAPSHOT_EVERY);
    const tables = replayTables(graph);
    const index = new FrameIndex(trace, graph, tables, model.producers.length, model.app.instances);
    index.stateAt(trace.length);
    const straight = initialFrameState(graph, model.producers.length, model.app.instances);
    let compared = 0;
    for (let cursor = 0; cursor <= trace.length; cursor++) {
      if (cursor > 0) applyStep(straight, trace, tables);
      if (cursor % SNAPSHOT_EVERY > 200 && cursor % 97 !== 0) continue;
      const seeked = index.stateAt(cursor);
      expect(seeked.task).toBe(straight.task);
      expect(seeked.counters).toEqual(straight.counters);
      compared++;
    }
    expect(compared).toBeGreaterThan(600);
    const seeking = simulate(model);
    const end = seeking.frameAt(seeking.stepCount);
    expect(end.counters.agg!.late).toBeGreaterThan(0);
    expect(end.tasks.filter((t) => t.counters.agg!.in > 0).length).toBe(3);
  });
});
