import { describe, expect, it } from "vitest";
import type { TopologyNode } from "../model";
import { simulate } from "../simulate";
import type { Simulation } from "../simulation";
import { model, producer, record, sink, source } from "../testing/modelFixtures";
import type { TraceStep } from "./traceEvent";

const topics = [
  { name: "in", partitions: 1 },
  { name: "out", partitions: 1 },
  { name: "other", partitions: 1 },
];

/** src → double (map) → positive (filter) → route (branch: small → out, default big → other). */
const pipeline: TopologyNode[] = [
  source("src", ["in"]),
  {
    id: "double",
    op: "map",
    inputs: [{ node: "src" }],
    key: (r) => r.key,
    value: (r) => (r.value as number) * 2,
  },
  { id: "positive", op: "filter", inputs: [{ node: "double" }], predicate: (r) => (r.value as number) > 0 },
  {
    id: "route",
    op: "branch",
    inputs: [{ node: "positive" }],
    branches: [{ name: "small", predicate: (r) => (r.value as number) < 10 }],
    defaultBranch: "big",
  },
  { ...sink("toOut", "route", "out"), inputs: [{ node: "route", branch: "small" }] },
  { ...sink("toOther", "route", "other"), inputs: [{ node: "route", branch: "big" }] },
];

function run(nodes: TopologyNode[], values: number[]): Simulation {
  return simulate(
    model(
      topics,
      [
        producer(
          "p",
          "in",
          values.map((v, i) => record(i * 10, `k${i}`, v)),
        ),
      ],
      [source("src", ["in"]), ...nodes.filter((n) => n.id !== "src")],
    ),
  );
}

/** The produced record of producer step `n` (0-based among recordProduced steps). */
function produced(sim: Simulation, n: number): number {
  const steps = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i));
  return steps.filter((s) => s.kind === "recordProduced")[n]!.record;
}

const describeStep = (s: TraceStep): string => ("node" in s ? `${s.kind}@${s.node}` : s.kind);

describe("Simulation.lineage", () => {
  it("shouldListEveryStepOfAMappedFilteredBranchedWrittenRecordInOrder", () => {
    const sim = run(pipeline, [3, 0, 20]);
    const lineage = sim.lineage(produced(sim, 0));
    expect(lineage).toEqual([...lineage].sort((x, y) => x - y));
    expect(lineage.map((i) => describeStep(sim.step(i)))).toEqual([
      "recordProduced",
      "recordAppended",
      "recordFetched",
      "recordProcessed@src",
      "recordProcessed@double",
      "recordProcessed@positive",
      "recordBranched@route",
      "recordWritten@toOut",
      "recordAppended",
    ]);
    // Exactly: every other step is about another record, or about no record.
    for (let i = 0; i < sim.stepCount; i++) {
      if (lineage.includes(i)) continue;
      const s = sim.step(i);
      if ("record" in s && s.record !== null) expect(sim.record(s.record).origin).not.toBe(produced(sim, 0));
    }
  });

  it("shouldGiveTheSameLineageForAnyVersionOfTheRecord", () => {
    const sim = run(pipeline, [3]);
    const lineage = sim.lineage(produced(sim, 0));
    const written = sim.logs.out![0]![0]!.record;
    expect(written).not.toBe(produced(sim, 0));
    expect(sim.lineage(written)).toEqual(lineage);
  });

  it("shouldExcludeTheStepsOfUnrelatedRecords", () => {
    const sim = run(pipeline, [3, 0, 20]);
    const first = sim.lineage(produced(sim, 0));
    const dropped = sim.lineage(produced(sim, 1));
    const big = sim.lineage(produced(sim, 2));
    expect(first.filter((i) => dropped.includes(i) || big.includes(i))).toEqual([]);
    expect(dropped.map((i) => describeStep(sim.step(i))).at(-1)).toBe("recordFiltered@positive");
    expect(big.map((i) => describeStep(sim.step(i)))).toContain("recordWritten@toOther");
  });

  it("shouldSkipStepsWhoseOperandIsNotARecord", () => {
    const sim = run(pipeline, [3, 0, 20]);
    const kinds = new Set(
      [0, 1, 2].flatMap((n) => sim.lineage(produced(sim, n))).map((i) => sim.step(i).kind),
    );
    expect(kinds.has("offsetCommitted")).toBe(false);
    expect(kinds.has("groupChanged")).toBe(false);
  });

  it("shouldShareOneLineageAcrossFlatMapOutputs", () => {
    const sim = run(
      [
        {
          id: "split",
          op: "flatMap",
          inputs: [{ node: "src" }],
          records: (r) => [
            { key: "a", value: r.value },
            { key: "b", value: r.value },
          ],
        },
        sink("toOut", "split", "out"),
      ],
      [1, 2],
    );
    const [a, b] = sim.logs.out![0]!.map((e) => e.record);
    const lineage = sim.lineage(a!);
    expect(sim.lineage(b!)).toEqual(lineage);
    expect(lineage).toEqual(sim.lineage(produced(sim, 0)));
    const kinds = lineage.map((i) => describeStep(sim.step(i)));
    expect(kinds.filter((k) => k === "recordWritten@toOut")).toHaveLength(2);
    expect(lineage.filter((i) => sim.lineage(produced(sim, 1)).includes(i))).toEqual([]);
  });

  it("shouldRejectAnUnknownRecord", () => {
    const sim = run(pipeline, [3]);
    expect(() => sim.lineage(-1)).toThrow(RangeError);
    expect(() => sim.lineage(10_000)).toThrow(RangeError);
  });
});
