/**
 * Flink watermarks through a repartition: each upstream task sends its watermark to every partition of the
 * repartition topic, so a downstream partition's watermark is the minimum of the upstream tasks' watermarks —
 * the slow upstream partition holds back every downstream window.
 */
import { describe, expect, it } from "vitest";
import { simulate, type TraceStep } from "../engine";
import { loadScenario } from "./loadScenario";

const scenario = {
  version: 1,
  title: "Watermarks through a repartition",
  topics: [
    { name: "clicks", partitions: 2 },
    { name: "counts", partitions: 1 },
  ],
  producers: [
    {
      id: "fast",
      topic: "clicks",
      records: Array.from({ length: 10 }, (_, i) => ({
        at: i * 100,
        timestamp: i * 1000,
        key: "a",
        value: { page: `p${i % 3}` },
        partition: 0,
      })),
    },
    {
      id: "slow",
      topic: "clicks",
      records: Array.from({ length: 10 }, (_, i) => ({
        at: i * 100,
        timestamp: i * 100,
        key: "b",
        value: { page: `p${i % 3}` },
        partition: 1,
      })),
    },
  ],
  app: {
    id: "pages",
    instances: 2,
    time: { semantics: "flink", watermarks: { outOfOrdernessMs: 0, autoWatermarkIntervalMs: 200 } },
    topology: [
      { id: "in", op: "source", topics: ["clicks"] },
      { id: "byPage", op: "selectKey", from: "in", key: "value.page" },
      {
        id: "count",
        op: "windowedAggregate",
        from: "byPage",
        window: { type: "tumbling", sizeMs: 1000 },
        aggregate: { kind: "count" },
      },
      { id: "out", op: "sink", from: "count", topic: "counts" },
    ],
  },
};

describe("Flink watermarks through a repartition", () => {
  const loaded = loadScenario(scenario);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const sim = simulate(loaded.model);
  const steps: TraceStep[] = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i));
  const repartition = "pages-count-repartition";

  it("gives every repartition partition the minimum of the upstream tasks' watermarks", () => {
    const upstream = new Map<string, number>();
    let checked = 0;
    for (const step of steps) {
      if (step.kind !== "watermarkAdvanced") continue;
      if (step.node === "in" && step.task !== null) upstream.set(step.task, step.watermarkMs);
      if (step.topic === repartition) {
        const minimum = Math.min(
          upstream.get("0_0") ?? Number.NEGATIVE_INFINITY,
          upstream.get("0_1") ?? Number.NEGATIVE_INFINITY,
        );
        expect(step.watermarkMs).toBe(minimum);
        expect(step.reason).toContain("upstream tasks 0_0, 0_1");
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("lets the slow partition hold back the windows downstream", () => {
    const last = steps.filter((s) => s.kind === "watermarkAdvanced" && s.topic === repartition).at(-1);
    // The slow partition's largest timestamp is 900: no downstream watermark passes 899.
    expect(last?.kind === "watermarkAdvanced" ? last.watermarkMs : null).toBe(899);
  });
});

describe("Flink idleness with a repartition", () => {
  it("ends the run: a repartition partition, which never times out, keeps no idleness check pending", () => {
    // Found by the random-topology fuzz test: the periodic emitter waited for the repartition partition to turn
    // idle, which only happens to source partitions, and ticked every 200 ms of wall clock for ever.
    const loaded = loadScenario({
      ...scenario,
      app: {
        ...scenario.app,
        time: { semantics: "flink", watermarks: { idlenessMs: 300 } },
      },
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const sim = simulate(loaded.model);
    const last = sim.step(sim.stepCount - 1);
    expect(last.timeMs).toBeLessThanOrEqual(30_000); // the first commit (commit.interval.ms)
    const idle = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i)).filter(
      (s) => s.kind === "partitionIdleChanged" && s.idle,
    );
    expect(idle.every((s) => s.kind === "partitionIdleChanged" && s.topic === "clicks")).toBe(true);
  });
});
