/**
 * fast-check arbitraries for whole scenarios, as raw JSON input (what a file or a link holds): valid by
 * construction, with random topologies (every operator, both time semantics), producers, groups, assignors and
 * faults. Property tests run them through validation and the engine; the fuzz test mutates them.
 */
import fc from "fast-check";
import { buildTopologyGraph } from "../../engine/topology/topologyGraph";
import { loadScenario } from "../loadScenario";
import { buildTopology, PLAN_KINDS, type PlanStep, type TimeSemantics } from "./randomTopology";

export type ScenarioInput = Record<string, unknown> & {
  topics: { name: string; partitions: number }[];
  producers: Record<string, unknown>[];
  app: Record<string, unknown> & { topology: Record<string, unknown>[]; faults?: Record<string, unknown>[] };
};

const planStepArb: fc.Arbitrary<PlanStep> = fc.record({
  kind: fc.constantFrom(...PLAN_KINDS),
  pick: fc.nat({ max: 63 }),
  pick2: fc.nat({ max: 63 }),
  variant: fc.nat({ max: 209 }),
});

const KEY_POOL = ["alice", "bob", "carol", "dave", null, "", 7, "ü-キー"] as const;

const explicitRecordArb = (partitions: number) =>
  fc.record(
    {
      at: fc.integer({ min: 0, max: 6000 }),
      key: fc.constantFrom(...KEY_POOL),
      value: fc.oneof(
        fc.integer({ min: -5, max: 50 }),
        fc.constant(null),
        fc.constant({ amount: 12, item: "book" }),
      ),
      // Out of order now and then: up to 1.5 s behind the send time.
      lag: fc.integer({ min: 0, max: 1500 }),
      partition: fc.option(fc.nat({ max: partitions - 1 }), { freq: 6, nil: undefined }),
    },
    { requiredKeys: ["at", "key", "value", "lag"] },
  );

const producerArb = (topics: readonly string[], partitions: number, index: number) =>
  fc
    .record({
      topic: fc.constantFrom(...topics),
      records: fc.array(explicitRecordArb(partitions), { maxLength: 25 }),
      generate: fc.option(
        fc.record({
          count: fc.integer({ min: 1, max: 30 }),
          everyMs: fc.integer({ min: 0, max: 300 }),
          jitterMs: fc.integer({ min: 0, max: 800 }),
          startMs: fc.integer({ min: 0, max: 2000 }),
          keys: fc.constantFrom<unknown[]>(
            ["alice", "bob", "carol"],
            [{ key: "alice", weight: 5 }, "bob", null],
            ["x"],
          ),
          value: fc.constantFrom(undefined, "value * 3 % 17", "{i: value, k: key}"),
        }),
        { freq: 3, nil: null },
      ),
      delayMs: fc.constantFrom(0, 0, 15, 400),
      disconnected: fc.option(
        fc.record({ fromMs: fc.integer({ min: 0, max: 3000 }), lengthMs: fc.integer({ min: 1, max: 3000 }) }),
        { freq: 4, nil: null },
      ),
      customPartitioner: fc.boolean(),
    })
    .map((p) => {
      const producer: Record<string, unknown> = { id: `producer-${index}`, topic: p.topic };
      if (p.delayMs > 0) producer.delayMs = p.delayMs;
      if (p.customPartitioner && index % 2 === 1) producer.partitioner = { expression: "hash(key) % 5" };
      if (p.disconnected)
        producer.disconnected = [
          { fromMs: p.disconnected.fromMs, toMs: p.disconnected.fromMs + p.disconnected.lengthMs },
        ];
      producer.records = p.records.map(({ at, key, value, lag, partition }) => ({
        at,
        key,
        value,
        timestamp: Math.max(0, at - lag),
        ...(partition === undefined ? {} : { partition }),
      }));
      if (p.generate) {
        const { value, ...generate } = p.generate;
        producer.generate = value === undefined ? generate : { ...generate, value };
      }
      if ((producer.records as unknown[]).length === 0 && !producer.generate)
        producer.records = [{ at: 0, key: "alice", value: 1 }];
      return producer;
    });

type Stop = { gapMs: number; graceful: boolean };

/**
 * Per instance: a late `join` or not, then stops (crash or leave) each followed by a restart. Every instance ends
 * running, so every task has a live owner at the end and every record can be processed.
 */
function faultsFor(lives: readonly { joinAtMs: number | null; stops: Stop[] }[]) {
  const faults: { at: number; instance: string; action: string }[] = [];
  lives.forEach((life, i) => {
    const instance = `instance-${i + 1}`;
    let at = 0;
    if (life.joinAtMs !== null) {
      at = life.joinAtMs;
      faults.push({ at, instance, action: "join" });
    }
    for (const stop of life.stops) {
      at += stop.gapMs;
      faults.push({ at, instance, action: stop.graceful ? "leave" : "crash" });
      at += stop.gapMs;
      faults.push({ at, instance, action: "restart" });
    }
  });
  // Stable: simultaneous faults keep instance order.
  return faults.sort((a, b) => a.at - b.at);
}

const ASSIGNORS = ["range", "roundrobin", "sticky", "cooperative-sticky", "custom", "static"] as const;

const groupArb = fc.record({
  assignor: fc.constantFrom(...ASSIGNORS),
  staticMembership: fc.boolean(),
  sessionTimeoutMs: fc.constantFrom(800, 2000, 5000),
  lives: fc.array(
    fc.record({
      joinAtMs: fc.option(fc.integer({ min: 1, max: 3000 }), { freq: 4, nil: null }),
      stops: fc.array(fc.record({ gapMs: fc.integer({ min: 50, max: 2500 }), graceful: fc.boolean() }), {
        maxLength: 2,
      }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

const timeArb = (semantics: TimeSemantics) =>
  fc.record({
    timestamp: fc.constantFrom<unknown>("event", "event", "ingestion", "processing", {
      expression: "timestamp + hash(key) % 50 - 10",
    }),
    scheduler: fc.constantFrom<unknown>("timestamp", "round-robin", "arrival", { expression: "offset" }),
    maxTaskIdleMs: fc.constantFrom(0, -1, 50, 700),
    watermarks:
      semantics === "flink"
        ? fc.record(
            {
              outOfOrdernessMs: fc.constantFrom(0, 200, 1000),
              autoWatermarkIntervalMs: fc.constantFrom(50, 200, 700),
              idlenessMs: fc.constantFrom(300, 2000),
            },
            { requiredKeys: ["outOfOrdernessMs", "autoWatermarkIntervalMs"] },
          )
        : fc.constant(undefined),
  });

/** A valid scenario with a random topology, producers, group, assignor and faults. */
export const scenarioArb: fc.Arbitrary<ScenarioInput> = fc
  .record({
    seed: fc.nat({ max: 1000 }),
    semantics: fc.constantFrom<TimeSemantics>("kafka-streams", "flink"),
    partitions: fc.integer({ min: 1, max: 4 }),
    inputTopics: fc.integer({ min: 1, max: 3 }),
    plan: fc.array(planStepArb, { minLength: 1, maxLength: 10 }),
    pollIntervalMs: fc.constantFrom(50, 100, 250),
    maxPollRecords: fc.constantFrom(1, 3, 500),
    commitIntervalMs: fc.constantFrom(200, 1000, 30_000),
  })
  .chain((base) => {
    const built = buildTopology(base.plan, base.semantics, base.partitions, base.inputTopics);
    const written = [...built.inputTopics, ...(built.tableTopic === null ? [] : [built.tableTopic])];
    return fc
      .record({
        producers: fc.tuple(
          ...Array.from({ length: Math.min(3, written.length + 1) }, (_, i) =>
            producerArb(written, base.partitions, i),
          ),
        ),
        group: groupArb,
        time: timeArb(base.semantics),
      })
      .map(({ producers, group, time }): ScenarioInput => {
        const instances = group.lives.length;
        const topics = [
          ...written.map((name) => ({ name, partitions: base.partitions })),
          ...built.outputTopics.map((name, i) => ({ name, partitions: 1 + (i % 3) })),
        ];
        const app: ScenarioInput["app"] = {
          id: "fuzz-app",
          instances,
          pollIntervalMs: base.pollIntervalMs,
          maxPollRecords: base.maxPollRecords,
          commitIntervalMs: base.commitIntervalMs,
          time: {
            semantics: base.semantics,
            timestamp: time.timestamp,
            scheduler: time.scheduler,
            maxTaskIdleMs: time.maxTaskIdleMs,
            ...(time.watermarks ? { watermarks: time.watermarks } : {}),
          },
          group: {
            assignor: group.assignor,
            sessionTimeoutMs: group.sessionTimeoutMs,
            heartbeatIntervalMs: Math.floor(group.sessionTimeoutMs / 3),
            ...(group.staticMembership && group.assignor !== "static" ? { staticMembership: true } : {}),
            ...(group.assignor === "custom" ? { owner: "partition + subtopology" } : {}),
          },
          topology: built.topology,
          faults: faultsFor(group.lives),
        };
        const scenario: ScenarioInput = {
          version: 1,
          title: "A random topology",
          seed: base.seed,
          topics,
          producers: producers.map((p) => ({ ...p })),
          app,
        };
        if (group.assignor === "static") assignStatically(scenario);
        return scenario;
      });
  });

/**
 * Static assignment needs every task named: compile the scenario once under a group to learn its tasks, then deal
 * them to the instances in turn.
 */
function assignStatically(scenario: ScenarioInput) {
  const probe = loadScenario({ ...scenario, app: { ...scenario.app, group: { assignor: "range" } } });
  if (!probe.ok) return; // The property test reports the validation errors of the scenario itself.
  const instances = scenario.app.instances as number;
  const assignment: Record<string, string[]> = {};
  buildTopologyGraph(probe.model).tasks.forEach((task, i) => {
    const instance = `instance-${(i % instances) + 1}`;
    if (!assignment[instance]) assignment[instance] = [];
    assignment[instance].push(task.id);
  });
  scenario.app.group = { assignor: "static", assignment };
}
