import { describe, expect, it } from "vitest";
import { compileScenario } from "./compileScenario";
import { validateScenario } from "./validate";

/** Orders (`orderPartitions`) joined with payments (`paymentPartitions`) after the given nodes. */
function joinScenario(nodes: Record<string, unknown>[], orderPartitions = 2, paymentPartitions = 2) {
  return {
    version: 1,
    title: "join",
    topics: [
      { name: "orders", partitions: orderPartitions },
      { name: "payments", partitions: paymentPartitions },
      { name: "customers", partitions: 2 },
      { name: "out", partitions: 2 },
    ],
    producers: [{ id: "p", topic: "orders", records: [{ at: 0, key: "o1", value: { customer: "c1" } }] }],
    app: {
      id: "shop",
      topology: [
        { id: "orders", op: "source", topics: ["orders"] },
        { id: "payments", op: "source", topics: ["payments"] },
        ...nodes,
      ],
    },
  };
}

const joinOf = (left: string, right: string) => ({
  id: "j",
  op: "join",
  left,
  right,
  windowMs: 1000,
  joiner: "[left, right]",
});

function compiled(input: unknown) {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return compileScenario(result.scenario);
}

function errorsOf(input: unknown) {
  const result = validateScenario(input);
  return result.ok ? [] : result.errors;
}

describe("automatic repartition before a join", () => {
  it("shouldInsertARepartitionOnTheSideWhoseKeyChanged", () => {
    const model = compiled(
      joinScenario([
        { id: "rekey", op: "selectKey", from: "orders", key: "value.customer" },
        { id: "kept", op: "filter", from: "rekey", predicate: "true" },
        joinOf("kept", "payments"),
      ]),
    );
    expect(model.topics.at(-1)).toEqual({
      name: "shop-j-left-repartition",
      partitions: 2,
      internal: "repartition",
    });
    const writer = model.app.topology.find((n) => n.id === "j-left-repartition");
    expect(writer).toMatchObject({ op: "repartition", causedBy: "rekey", inputs: [{ node: "kept" }] });
    const join = model.app.topology.find((n) => n.id === "j")!;
    expect(join.inputs).toEqual([{ node: "j-left-repartition-source" }, { node: "payments" }]);
  });

  it("shouldRepartitionAfterAMapEvenWhenItKeepsTheKey", () => {
    const model = compiled(
      joinScenario([{ id: "m", op: "map", from: "orders", value: "1" }, joinOf("m", "payments")]),
    );
    expect(model.topics.map((t) => t.name)).toContain("shop-j-left-repartition");
  });

  it("shouldNotRepartitionAfterMapValues", () => {
    const model = compiled(
      joinScenario([{ id: "mv", op: "mapValues", from: "orders", value: "1" }, joinOf("mv", "payments")]),
    );
    expect(model.topics.some((t) => t.internal)).toBe(false);
  });

  it("shouldTakeThePartitionCountOfTheOtherJoinInput", () => {
    // The re-keyed side reads a 4-partition topic, but the join's other input has 2: the repartition topic gets 2.
    const model = compiled(
      joinScenario(
        [{ id: "rekey", op: "map", from: "orders", key: "value.customer" }, joinOf("payments", "rekey")],
        4,
        2,
      ),
    );
    expect(model.topics.find((t) => t.name === "shop-j-right-repartition")?.partitions).toBe(2);
  });
});

describe("explicit repartition", () => {
  it("shouldNameTheTopicAndCutTheSubtopology", () => {
    const model = compiled(
      joinScenario([
        { id: "spread", op: "repartition", from: "orders", partitions: 3, name: "by-id" },
        { id: "out", op: "sink", from: "spread", topic: "out" },
      ]),
    );
    expect(model.topics.at(-1)).toEqual({
      name: "shop-by-id-repartition",
      partitions: 3,
      internal: "repartition",
    });
    expect(model.app.topology.find((n) => n.id === "out")!.inputs).toEqual([{ node: "spread-source" }]);
  });

  it("shouldDefaultToTheLargestSourceTopicOfTheWritingSubtopology", () => {
    const model = compiled(
      joinScenario(
        [
          { id: "both", op: "merge", from: ["orders", "payments"] },
          { id: "spread", op: "repartition", from: "both" },
        ],
        2,
        5,
      ),
    );
    expect(model.topics.find((t) => t.name === "shop-spread-repartition")?.partitions).toBe(5);
  });
});

describe("copartitioning", () => {
  it("shouldRejectJoinInputsWithDifferentPartitionCountsAtTheJoin", () => {
    expect(errorsOf(joinScenario([joinOf("orders", "payments")], 3, 2))).toEqual([
      {
        path: "app.topology[2]",
        message: expect.stringMatching(/^Invalid topology: Topics not co-partitioned: \[orders,payments\]/),
      },
    ]);
  });

  it("shouldRejectAnExplicitRepartitionCountThatDiffers", () => {
    const errors = errorsOf(
      joinScenario([
        { id: "spread", op: "repartition", from: "orders", partitions: 3 },
        joinOf("spread", "payments"),
      ]),
    );
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining("Topics not co-partitioned: [payments,shop-spread-repartition]"),
    ]);
  });
});

describe("repartition names", () => {
  it("shouldRejectARepartitionTopicNamedLikeADeclaredTopic", () => {
    const input = joinScenario([{ id: "spread", op: "repartition", from: "orders", name: "x" }]);
    input.topics.push({ name: "shop-x-repartition", partitions: 2 });
    expect(errorsOf(input)).toEqual([
      {
        path: "app.topology[2]",
        message:
          "the repartition topic shop-x-repartition has the name of a declared topic: rename one of them",
      },
    ]);
  });

  it("shouldRejectANodeIdTheGeneratedSourceNeeds", () => {
    const errors = errorsOf(
      joinScenario([
        { id: "spread", op: "repartition", from: "orders" },
        { id: "spread-source", op: "filter", from: "spread", predicate: "true" },
      ]),
    );
    expect(errors.map((e) => e.path)).toEqual(["app.topology[2].id"]);
  });
});

describe("join validation", () => {
  it("shouldRequireAWindow", () => {
    const node = { id: "j", op: "join", left: "orders", right: "payments", joiner: "left" };
    expect(errorsOf(joinScenario([node]))).toEqual([
      {
        path: "app.topology[2]",
        message: "a join needs windowMs, or both beforeMs and afterMs (JoinWindows)",
      },
    ]);
  });

  it("shouldRejectJoiningAStreamWithItself", () => {
    expect(errorsOf(joinScenario([joinOf("orders", "orders")])).map((e) => e.path)).toEqual([
      "app.topology[2].right",
    ]);
  });

  it("shouldOnlyLetAJoinTableReadATable", () => {
    const errors = errorsOf(
      joinScenario([
        { id: "customers", op: "table", topic: "customers" },
        { id: "jt", op: "joinTable", from: "customers", table: "payments", joiner: "right" },
      ]),
    );
    expect(errors).toEqual([
      {
        path: "app.topology[3].from",
        message: 'node "customers" is a table: only a joinTable can read it, as its "table"',
      },
      {
        path: "app.topology[3].table",
        message: 'node "payments" is a source, not a table: a joinTable looks up a table node',
      },
    ]);
  });

  it("shouldReportAnUnknownJoinerVariable", () => {
    const errors = errorsOf(joinScenario([{ ...joinOf("orders", "payments"), joiner: "value" }]));
    expect(errors.map((e) => e.path)).toEqual(["app.topology[2].joiner"]);
    expect(errors[0]!.message).toContain("allowed: key, left, right");
  });
});
