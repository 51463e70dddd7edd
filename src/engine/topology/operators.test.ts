import { describe, expect, it } from "vitest";
import type { Json, TopologyNode } from "../model";
import { UserFunctionError } from "../model";
import { partitionForKey } from "../partitioning/keyedPartitioner";
import { runFast } from "../runFast";
import { simulate } from "../simulate";
import { model, producer, record, sink, source } from "../testing/modelFixtures";

const topics = [
  { name: "in", partitions: 1 },
  { name: "out", partitions: 1 },
  { name: "other", partitions: 1 },
];

function outputOf(nodes: TopologyNode[], values: Json[], topic = "out") {
  const m = model(
    topics,
    [
      producer(
        "p",
        "in",
        values.map((v, i) => record(i * 10, `k${i}`, v)),
      ),
    ],
    [source("src", ["in"]), ...nodes],
  );
  const sim = simulate(m);
  const fast = runFast(m);
  const recorded = sim.logs[topic]![0]!.map((e) => {
    const r = sim.record(e.record);
    return { key: r.key, value: r.value };
  });
  const fastOut = fast.logs[topic]![0]!.keys.map((key, i) => ({
    key,
    value: fast.logs[topic]![0]!.values[i],
  }));
  expect(fastOut).toEqual(recorded);
  return { sim, out: recorded };
}

const fromNode = (from: string) => [{ node: from }];

describe("stateless operators", () => {
  it("map replaces key and value", () => {
    const { out } = outputOf(
      [
        {
          id: "m",
          op: "map",
          inputs: fromNode("src"),
          key: (r) => `${r.key}!`,
          value: (r) => (r.value as number) * 2,
        },
        sink("s", "m", "out"),
      ],
      [1, 2],
    );
    expect(out).toEqual([
      { key: "k0!", value: 2 },
      { key: "k1!", value: 4 },
    ]);
  });

  it("mapValues keeps the key", () => {
    const { out } = outputOf(
      [{ id: "m", op: "mapValues", inputs: fromNode("src"), value: (r) => [r.value] }, sink("s", "m", "out")],
      [7],
    );
    expect(out).toEqual([{ key: "k0", value: [7] }]);
  });

  it("filter drops records whose predicate is false and records the drop", () => {
    const { out, sim } = outputOf(
      [
        { id: "f", op: "filter", inputs: fromNode("src"), predicate: (r) => (r.value as number) > 1 },
        sink("s", "f", "out"),
      ],
      [1, 2, 3],
    );
    expect(out.map((r) => r.value)).toEqual([2, 3]);
    const kinds = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i).kind);
    expect(kinds.filter((k) => k === "recordFiltered")).toHaveLength(1);
    expect(sim.frameAt(sim.stepCount).counters.f).toEqual({ in: 3, out: 2, dropped: 1, late: 0 });
  });

  it("flatMap emits every returned record in order", () => {
    const { out, sim } = outputOf(
      [
        {
          id: "fm",
          op: "flatMap",
          inputs: fromNode("src"),
          records: (r) => [
            { key: "a", value: r.value },
            { key: "b", value: r.value },
          ],
        },
        sink("s", "fm", "out"),
      ],
      [1],
    );
    expect(out).toEqual([
      { key: "a", value: 1 },
      { key: "b", value: 1 },
    ]);
    expect(sim.frameAt(sim.stepCount).counters.fm).toEqual({ in: 1, out: 2, dropped: 0, late: 0 });
  });

  it("flatMapValues keeps the key for every value", () => {
    const { out } = outputOf(
      [
        { id: "fm", op: "flatMapValues", inputs: fromNode("src"), values: (r) => [r.value, r.value] },
        sink("s", "fm", "out"),
      ],
      [5],
    );
    expect(out).toEqual([
      { key: "k0", value: 5 },
      { key: "k0", value: 5 },
    ]);
  });

  it("branch sends a record to the first matching branch only", () => {
    const nodes: TopologyNode[] = [
      {
        id: "b",
        op: "branch",
        inputs: fromNode("src"),
        branches: [
          { name: "small", predicate: (r) => (r.value as number) < 10 },
          { name: "even", predicate: (r) => (r.value as number) % 2 === 0 },
        ],
        defaultBranch: null,
      },
      sink("s1", "b", "out"),
      sink("s2", "b", "other"),
    ];
    nodes[1]!.inputs = [{ node: "b", branch: "small" }];
    nodes[2]!.inputs = [{ node: "b", branch: "even" }];
    const { out, sim } = outputOf(nodes, [4, 12, 13]);
    expect(out.map((r) => r.value)).toEqual([4]);
    const other = sim.logs.other![0]!.map((e) => sim.record(e.record).value);
    expect(other).toEqual([12]);
    const unmatched = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i)).filter(
      (s) => s.kind === "recordUnmatched",
    );
    expect(unmatched).toHaveLength(1);
  });

  it("branch without a match goes to the default branch when there is one", () => {
    const nodes: TopologyNode[] = [
      {
        id: "b",
        op: "branch",
        inputs: fromNode("src"),
        branches: [{ name: "small", predicate: (r) => (r.value as number) < 10 }],
        defaultBranch: "rest",
      },
      { ...sink("s", "b", "out"), inputs: [{ node: "b", branch: "rest" }] },
    ];
    const { out, sim } = outputOf(nodes, [4, 40]);
    expect(out.map((r) => r.value)).toEqual([40]);
    const branched = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i)).flatMap((s) =>
      s.kind === "recordBranched" ? [s.branch] : [],
    );
    expect(branched).toEqual(["small", "rest"]);
  });

  it("merge forwards records from both inputs depth-first, in arrival order", () => {
    const nodes: TopologyNode[] = [
      { id: "a", op: "mapValues", inputs: fromNode("src"), value: (r) => `a${r.value}` },
      { id: "b", op: "mapValues", inputs: fromNode("src"), value: (r) => `b${r.value}` },
      { id: "m", op: "merge", inputs: [{ node: "a" }, { node: "b" }] },
      sink("s", "m", "out"),
    ];
    const { out } = outputOf(nodes, [1, 2]);
    expect(out.map((r) => r.value)).toEqual(["a1", "b1", "a2", "b2"]);
  });

  it("selectKey changes the key and the sink re-partitions by it", () => {
    const m = model(
      [
        { name: "in", partitions: 1 },
        { name: "out", partitions: 4 },
      ],
      [producer("p", "in", [record(0, "x", "alice"), record(1, "y", "bob")])],
      [
        source("src", ["in"]),
        { id: "k", op: "selectKey", inputs: fromNode("src"), key: (r) => r.value },
        sink("s", "k", "out"),
      ],
    );
    const sim = simulate(m);
    const placed = sim.logs.out!.flatMap((entries, p) => entries.map((e) => [sim.record(e.record).key, p]));
    expect(placed).toContainEqual(["alice", partitionForKey("alice", 4)]);
    expect(placed).toContainEqual(["bob", partitionForKey("bob", 4)]);
    const written = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i)).filter(
      (s) => s.kind === "recordWritten",
    );
    expect(written.map((s) => (s.kind === "recordWritten" ? s.rule : ""))).toEqual(["murmur2", "murmur2"]);
  });

  it("a failing user function skips the record and says why", () => {
    const { out, sim } = outputOf(
      [
        {
          id: "m",
          op: "mapValues",
          inputs: fromNode("src"),
          value: (r) => {
            if (r.value === null) throw new UserFunctionError('cannot read field "x" of null');
            return r.value;
          },
        },
        sink("s", "m", "out"),
      ],
      [null, 1],
    );
    expect(out.map((r) => r.value)).toEqual([1]);
    const failed = Array.from({ length: sim.stepCount }, (_, i) => i).find(
      (i) => sim.step(i).kind === "userFunctionFailed",
    )!;
    expect(sim.narrate(failed)).toContain('cannot read field "x" of null');
  });
});

describe("peek", () => {
  it("passes records on unchanged and narrates its label", () => {
    const { out, sim } = outputOf(
      [
        {
          id: "p",
          op: "peek",
          inputs: fromNode("src"),
          label: (r) => `seen ${r.key}`,
          expressions: { label: "x" },
        },
        sink("s", "p", "out"),
      ],
      [1, 2],
    );
    expect(out.map((r) => r.value)).toEqual([1, 2]);
    const peeked = Array.from({ length: sim.stepCount }, (_, i) => i).filter((i) => {
      const s = sim.step(i);
      return s.kind === "recordProcessed" && s.node === "p";
    });
    expect(peeked.map((i) => sim.narrate(i))).toEqual([
      'peek p saw k=k0 v=1 ts=0: `x` = "seen k0"; it passes on unchanged.',
      'peek p saw k=k1 v=2 ts=10: `x` = "seen k1"; it passes on unchanged.',
    ]);
  });
});

describe("null keys", () => {
  it("stick to one partition until a batch is full (sticky partitioner)", () => {
    const m = model(
      [
        { name: "in", partitions: 4 },
        { name: "out", partitions: 1 },
      ],
      [
        producer(
          "p",
          "in",
          Array.from({ length: 5 }, (_, i) => record(i, null, i)),
        ),
      ],
      [source("src", ["in"]), sink("s", "src", "out")],
    );
    const sim = simulate(m);
    const produced = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i)).flatMap((s) =>
      s.kind === "recordProduced" ? [[s.partition, s.rule]] : [],
    );
    expect(produced).toHaveLength(5);
    expect(new Set(produced.map((p) => p[0])).size).toBe(1);
    expect(produced.every((p) => p[1] === "sticky")).toBe(true);
  });
});

describe("enrich", () => {
  it("answers with the wall-clock time of the call, the same on both paths", () => {
    const { sim, out } = outputOf(
      [
        {
          id: "rate",
          op: "enrich",
          inputs: [{ node: "src" }],
          value: (c) => ({ v: c.value, askedAt: c.now, from: `${c.topic}-${c.partition}@${c.offset}` }),
        },
        sink("s", "rate", "out"),
      ],
      [1, 2],
    );
    // Records are sent at 0 and 10 ms and processed at the next poll (every 100 ms): asked at 0 and 100.
    expect(out.map((r) => r.value)).toEqual([
      { v: 1, askedAt: 0, from: "in-0@0" },
      { v: 2, askedAt: 100, from: "in-0@1" },
    ]);
    const step = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i)).find(
      (s) => s.kind === "recordProcessed" && s.node === "rate",
    )!;
    expect(sim.narrate(step.step)).toContain("nondeterministic");
  });

  it("skips the record when the service call fails", () => {
    const { sim, out } = outputOf(
      [
        {
          id: "rate",
          op: "enrich",
          inputs: [{ node: "src" }],
          value: () => {
            throw new UserFunctionError("service unavailable");
          },
        },
        sink("s", "rate", "out"),
      ],
      [1],
    );
    expect(out).toEqual([]);
    expect(sim.frameAt(sim.stepCount).counters.rate).toEqual({ in: 1, out: 0, dropped: 1, late: 0 });
  });
});
