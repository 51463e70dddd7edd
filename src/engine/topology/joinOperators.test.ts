import { describe, expect, it } from "vitest";
import type { Json, SimulationModel, TopologyNode } from "../model";
import { partitionForKey } from "../partitioning/keyedPartitioner";
import { runFast } from "../runFast";
import { simulate } from "../simulate";
import { model, producer, record, sink, source } from "../testing/modelFixtures";

const join = (id: string, left: string, right: string): TopologyNode => ({
  id,
  op: "join",
  inputs: [{ node: left }, { node: right }],
  beforeMs: 1000,
  afterMs: 1000,
  graceMs: 0,
  joiner: (c) => ({ l: c.left, r: c.right }),
  type: "inner",
});

const joinTable = (id: string, from: string, table: string, type: "inner" | "left"): TopologyNode => ({
  id,
  op: "joinTable",
  inputs: [{ node: from }, { node: table }],
  joiner: (c) => ({ l: c.left, r: c.right }),
  type,
});

/** Output of topic `out` on both paths (which must agree), as [key, value, timestamp] per partition. */
function output(m: SimulationModel) {
  const sim = simulate(m);
  const fast = runFast(m);
  const recorded = sim.logs.out!.map((entries) =>
    entries.map((e) => {
      const r = sim.record(e.record);
      return [r.key, r.value, r.timestamp] as [Json, Json, number];
    }),
  );
  expect(fast.logs.out!.map((p) => p.keys.map((k, o) => [k, p.values[o], p.timestamps[o]]))).toEqual(
    recorded,
  );
  return { sim, out: recorded.flat() };
}

const twoPartitions = [
  { name: "orders", partitions: 2 },
  { name: "payments", partitions: 2 },
  { name: "out", partitions: 2 },
];
const streamJoin = [
  source("orders", ["orders"]),
  source("payments", ["payments"]),
  join("j", "orders", "payments"),
];

describe("stream–stream join", () => {
  it("shouldJoinEqualKeysWithinTheWindowAtTheLaterTimestamp", () => {
    const { out } = output(
      model(
        twoPartitions,
        [
          producer("shop", "orders", [record(1000, "o1", "A"), record(1200, "o2", "B")]),
          producer("bank", "payments", [record(1400, "o1", "P"), record(2500, "o2", "Q")]),
        ],
        [...streamJoin, sink("s", "j", "out")],
        { instances: 2 },
      ),
    );
    expect(out).toEqual([["o1", { l: "A", r: "P" }, 1400]]);
  });

  it("shouldNotSeeTheStateOfAnotherTask", () => {
    // o1 hashes to partition 1; a payment forced into partition 0 is read by task 0_0 and never meets the order.
    expect(partitionForKey("o1", 2)).toBe(1);
    const { sim, out } = output(
      model(
        twoPartitions,
        [
          producer("shop", "orders", [record(1000, "o1", "A")]),
          producer("bank", "payments", [record(1400, "o1", "P", { partition: 0 })]),
        ],
        [...streamJoin, sink("s", "j", "out")],
      ),
    );
    expect(out).toEqual([]);
    const stored = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i)).filter(
      (s) => s.kind === "recordStored",
    );
    expect(stored.map((s) => (s.kind === "recordStored" ? [s.store, s.task] : []))).toEqual([
      ["left", "0_1"],
      ["right", "0_0"],
    ]);
  });

  it("shouldNarrateTheWindowRuleAndCountOneInputForItsOutputs", () => {
    const { sim } = output(
      model(
        twoPartitions,
        [
          producer("shop", "orders", [record(1200, "o1", "A"), record(1300, "o1", "B")]),
          producer("bank", "payments", [record(1500, "o1", "P")]),
        ],
        [...streamJoin, sink("s", "j", "out")],
      ),
    );
    const joined = Array.from({ length: sim.stepCount }, (_, i) => i).filter(
      (i) => sim.step(i).kind === "recordJoined",
    );
    expect(joined).toHaveLength(2);
    expect(sim.narrate(joined[0]!)).toContain("|1200-1500| = 300 ≤ 1000 ms");
    expect(sim.narrate(joined[0]!)).toContain("task 0_1");
    expect(sim.frameAt(sim.stepCount).counters.j).toEqual({ in: 3, out: 2, dropped: 0, late: 0 });
  });
});

describe("left stream–stream join", () => {
  it("shouldEmitTheUnmatchedLeftRecordWithANullRightOnceItsWindowClosed", () => {
    const oneEach = [
      { name: "orders", partitions: 1 },
      { name: "payments", partitions: 1 },
      { name: "out", partitions: 1 },
    ];
    const leftJoin: TopologyNode = { ...join("j", "orders", "payments"), type: "left" } as TopologyNode;
    const { sim, out } = output(
      model(
        oneEach,
        [
          producer("shop", "orders", [
            record(1000, "o1", "A"),
            record(1200, "o2", "B"),
            record(2500, "o3", "C"),
          ]),
          producer("bank", "payments", [record(1400, "o1", "P")]),
        ],
        [source("orders", ["orders"]), source("payments", ["payments"]), leftJoin, sink("s", "j", "out")],
      ),
    );
    // o1 joined; o2's window closed when o3 moved stream time to 2500; o3 is still waiting when the input ends.
    expect(out).toEqual([
      ["o1", { l: "A", r: "P" }, 1400],
      ["o2", { l: "B", r: null }, 1200],
    ]);
    const closed = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i)).find(
      (s) => s.kind === "recordJoined" && s.how === "windowClosed",
    )!;
    expect(sim.narrate(closed.step)).toContain(
      "stream time 2500 has passed 1200 + after 1000 ms + grace 0 ms = 2200",
    );
    expect(sim.frameAt(sim.stepCount).counters.j).toEqual({ in: 4, out: 2, dropped: 0, late: 0 });
  });
});

describe("stream–stream join drops", () => {
  it("shouldDropAndNarrateARecordTheWindowStoreHasExpired", () => {
    const { sim, out } = output(
      model(
        twoPartitions,
        [
          producer("shop", "orders", [
            record(100, "o1", "new", { timestamp: 5000 }),
            record(200, "o1", "old"),
          ]),
          producer("bank", "payments", [record(300, "o1", "P", { timestamp: 300 })]),
        ],
        [...streamJoin, sink("s", "j", "out")],
      ),
    );
    // The late order (ts 200) is 4800 ms behind the left store's newest record: past before + after + grace = 2000.
    expect(out).toEqual([]);
    const unjoined = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i)).filter(
      (s) => s.kind === "recordUnjoined",
    );
    expect(unjoined.map((s) => (s.kind === "recordUnjoined" ? s.reason : ""))).toEqual(["expired"]);
    expect(sim.narrate(unjoined[0]!.step)).toContain("before + after + grace = 2000 ms");
    expect(sim.frameAt(sim.stepCount).counters.j).toEqual({ in: 3, out: 0, dropped: 1, late: 0 });
  });

  it("shouldSkipANullKey", () => {
    const { sim } = output(
      model(
        twoPartitions,
        [producer("shop", "orders", [record(100, null, "x")])],
        [...streamJoin, sink("s", "j", "out")],
      ),
    );
    const step = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i)).find(
      (s) => s.kind === "recordUnjoined",
    );
    expect(step?.kind === "recordUnjoined" && step.reason).toBe("nullKey");
  });
});

describe("stream–table join", () => {
  const topics = [
    { name: "customers", partitions: 1 },
    { name: "orders", partitions: 1 },
    { name: "out", partitions: 1 },
  ];
  const customers = producer("crm", "customers", [
    record(0, "c1", "Ada"),
    record(10, "c1", "Ada L."),
    record(20, "c2", "Bob"),
    record(30, "c2", null),
  ]);
  const orders = producer("shop", "orders", [
    record(100, "c1", 1),
    record(110, "c2", 2),
    record(120, "c3", 3),
  ]);
  const topology = (type: "inner" | "left"): TopologyNode[] => [
    { id: "customers", op: "table", topic: "customers", inputs: [] },
    source("orders", ["orders"]),
    joinTable("jt", "orders", "customers", type),
    sink("s", "jt", "out"),
  ];

  it("shouldLookUpTheLatestValueAndForgetTombstonedKeys", () => {
    const { sim, out } = output(model(topics, [customers, orders], topology("inner")));
    expect(out).toEqual([["c1", { l: 1, r: "Ada L." }, 100]]);
    const counters = sim.frameAt(sim.stepCount).counters;
    expect(counters.jt).toEqual({ in: 3, out: 1, dropped: 2, late: 0 });
    expect(counters.customers).toEqual({ in: 4, out: 4, dropped: 0, late: 0 });
    const unjoined = Array.from({ length: sim.stepCount }, (_, i) => i).filter(
      (i) => sim.step(i).kind === "recordUnjoined",
    );
    expect(sim.narrate(unjoined.at(-1)!)).toContain("no row with key c3 in task 0_0's table customers");
    const joined = Array.from({ length: sim.stepCount }, (_, i) => sim.step(i)).find(
      (s) => s.kind === "recordJoined",
    )!;
    expect(joined.kind === "recordJoined" && sim.record(joined.matched!).value).toBe("Ada L.");
    expect(sim.narrate(joined.step)).toContain("found key c1 in task 0_0's table customers");
  });

  it("shouldKeepUnmatchedRecordsWithANullRightInALeftJoin", () => {
    const { out } = output(model(topics, [customers, orders], topology("left")));
    expect(out).toEqual([
      ["c1", { l: 1, r: "Ada L." }, 100],
      ["c2", { l: 2, r: null }, 110],
      ["c3", { l: 3, r: null }, 120],
    ]);
  });
});

describe("repartition", () => {
  it("shouldWriteByMurmur2OfTheNewKeyAndFeedANewSubtopology", () => {
    const m = model(
      [
        { name: "in", partitions: 1 },
        { name: "app-r-repartition", partitions: 3, internal: "repartition" },
        { name: "out", partitions: 1 },
      ],
      [producer("p", "in", [record(0, "x", "alice"), record(10, "y", "bob"), record(20, "z", "carol")])],
      [
        source("src", ["in"]),
        { id: "rk", op: "selectKey", inputs: [{ node: "src" }], key: (r) => r.value },
        { id: "r", op: "repartition", inputs: [{ node: "rk" }], topic: "app-r-repartition", causedBy: null },
        source("r-source", ["app-r-repartition"]),
        sink("s", "r-source", "out"),
      ],
    );
    const sim = simulate(m);
    const placed = sim.logs["app-r-repartition"]!.map((entries) =>
      entries.map((e) => sim.record(e.record).key),
    );
    for (const name of ["alice", "bob", "carol"]) {
      expect(placed[partitionForKey(name, 3)]).toContain(name);
    }
    expect(sim.graph.subtopologyCount).toBe(2);
    expect(sim.graph.tasks.map((t) => t.id)).toEqual(["0_0", "1_0", "1_1", "1_2"]);
    expect(sim.logs.out![0]!.map((e) => sim.record(e.record).key)).toHaveLength(3);
    const written = Array.from({ length: sim.stepCount }, (_, i) => i).find(
      (i) => sim.step(i).kind === "recordWritten",
    )!;
    expect(sim.narrate(written)).toContain("re-hashed by its new key (explicit repartition)");
  });
});
