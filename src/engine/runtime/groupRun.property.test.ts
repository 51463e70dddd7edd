/**
 * Invariants of consumer groups across random memberships, faults and assignors: every generation gives each task
 * exactly one owner, no record is ever lost, records are processed again only past the last commit, and the fast
 * path agrees with the recording path.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InstanceFault, SimulationModel } from "../index";
import { defaultGroup } from "../model";
import { runFast } from "../runFast";
import { simulate } from "../simulate";
import { model, producer, record, sink, source } from "../testing/modelFixtures";

const ASSIGNORS = ["range", "roundrobin", "sticky", "cooperative-sticky"] as const;

/** A plausible life per instance: alternating stop (crash or leave) and restart, then running at the end. */
const lifeArb = fc.array(fc.record({ gapMs: fc.integer({ min: 100, max: 4000 }), graceful: fc.boolean() }), {
  maxLength: 3,
});

const scenarioArb = fc
  .record({
    partitions: fc.integer({ min: 1, max: 5 }),
    instances: fc.integer({ min: 1, max: 4 }),
    assignor: fc.constantFrom(...ASSIGNORS),
    staticMembership: fc.boolean(),
    commitIntervalMs: fc.constantFrom(500, 1000, 3000),
    records: fc.array(
      fc.record({ atMs: fc.integer({ min: 0, max: 12_000 }), key: fc.integer({ min: 0, max: 9 }) }),
      { maxLength: 40 },
    ),
    lives: fc.array(lifeArb, { minLength: 4, maxLength: 4 }),
  })
  .map((s): SimulationModel => {
    const faults: InstanceFault[] = [];
    for (let instance = 0; instance < s.instances; instance++) {
      let at = 0;
      for (const stop of s.lives[instance]!) {
        at += stop.gapMs;
        faults.push({ atMs: at, instance, action: stop.graceful ? "leave" : "crash" });
        at += stop.gapMs;
        faults.push({ atMs: at, instance, action: "restart" });
      }
    }
    faults.sort((a, b) => a.atMs - b.atMs);
    const sorted = [...s.records].sort((a, b) => a.atMs - b.atMs);
    return model(
      [
        { name: "in", partitions: s.partitions },
        { name: "in2", partitions: s.partitions },
        { name: "out", partitions: 1 },
      ],
      [
        producer(
          "p",
          "in",
          sorted.map((r, i) => record(r.atMs, `k${r.key}`, i)),
        ),
        producer(
          "q",
          "in2",
          sorted.filter((_, i) => i % 3 === 0).map((r, i) => record(r.atMs, `k${r.key}`, -1 - i)),
        ),
      ],
      [source("src", ["in", "in2"]), sink("s", "src", "out")],
      {
        instances: s.instances,
        commitIntervalMs: s.commitIntervalMs,
        faults,
        group: {
          ...defaultGroup(s.instances),
          strategy: { kind: "assignor", assignor: s.assignor },
          sessionTimeoutMs: 3000,
          heartbeatIntervalMs: 1000,
          groupInstanceIds: Array.from({ length: s.instances }, (_, i) =>
            s.staticMembership ? `g-${i}` : null,
          ),
        },
      },
    );
  });

describe("consumer groups (property)", () => {
  it("gives every task at most one owner in every generation, and all of them when nothing is in transfer", () => {
    fc.assert(
      fc.property(scenarioArb, (m) => {
        const sim = simulate(m);
        const taskCount = sim.graph.tasks.length;
        for (const generation of sim.groupHistory().generations) {
          const owned = generation.members.flatMap((member) => member.tasks);
          expect(new Set(owned).size).toBe(owned.length);
          if (generation.protocol === "eager" && generation.members.length > 0)
            expect(owned).toHaveLength(taskCount);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("fetches copartitioned partitions (in-p and in2-p) on the same instance within a generation", () => {
    fc.assert(
      fc.property(scenarioArb, (m) => {
        const sim = simulate(m);
        let generation = 0;
        const owner = new Map<string, string>();
        for (let i = 0; i < sim.stepCount; i++) {
          const step = sim.step(i);
          if (step.kind === "groupChanged" && step.event.kind === "generationCompleted") {
            generation = step.event.generation;
          }
          if (step.kind !== "recordFetched" && step.kind !== "recordRefetched") continue;
          const key = `${generation}/${step.partition}`;
          const seen = owner.get(key);
          if (seen === undefined) owner.set(key, step.instance);
          else expect(step.instance).toBe(seen);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("loses no record, and reprocesses only offsets past the last commit", () => {
    fc.assert(
      fc.property(scenarioArb, (m) => {
        const sim = simulate(m);
        expect(sim.stepCount).toBeGreaterThan(0);
        const produced = new Set<number>();
        for (const topic of ["in", "in2"])
          for (const log of sim.logs[topic]!) for (const entry of log) produced.add(entry.record);
        const origins = new Set(sim.logs.out![0]!.map((entry) => sim.record(entry.record).origin));
        for (const id of produced) expect(origins.has(id)).toBe(true);
        for (let i = 0; i < sim.stepCount; i++) {
          const step = sim.step(i);
          if (step.kind !== "recordRefetched") continue;
          const before = sim.frameAt(i).tasks.flatMap((t) => t.partitions);
          const partition = before.find((p) => p.topic === step.topic && p.partition === step.partition)!;
          expect(step.offset).toBeGreaterThanOrEqual(partition.committed);
        }
        // A record written more than once was written again only by a reprocessing.
        const writes = new Map<number, number>();
        for (const entry of sim.logs.out![0]!) {
          const r = sim.record(entry.record);
          if (!r.reprocessed) writes.set(r.origin, (writes.get(r.origin) ?? 0) + 1);
        }
        for (const count of writes.values()) expect(count).toBe(1);
      }),
      { numRuns: 60 },
    );
  });

  it("gives the fast path the same output as the recording path", () => {
    fc.assert(
      fc.property(scenarioArb, (m) => {
        const sim = simulate(m);
        const values = sim.logs.out![0]!.map((entry) => sim.record(entry.record).value);
        expect([...runFast(m).logs.out![0]!.values]).toEqual(values);
      }),
      { numRuns: 30 },
    );
  });

  it("is deterministic: the same scenario gives the same digest", () => {
    fc.assert(
      fc.property(scenarioArb, (m) => {
        expect(simulate(m).digest()).toBe(simulate(m).digest());
      }),
      { numRuns: 20 },
    );
  });
});
