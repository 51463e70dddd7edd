import { describe, expect, it } from "vitest";
import { findCycles, type GraphNode, parseNodeReference, topologicalOrder } from "./topologyGraph";

const node = (id: string, ...inputs: string[]): GraphNode => ({ id, inputs });
const idsInOrder = (nodes: GraphNode[]) => topologicalOrder(nodes).map((i) => nodes[i]!.id);

describe("topologicalOrder", () => {
  it("keeps an already sorted list as written", () => {
    expect(idsInOrder([node("in"), node("a", "in"), node("b", "in"), node("out", "a")])).toEqual([
      "in",
      "a",
      "b",
      "out",
    ]);
  });

  it("moves each node after its inputs, otherwise keeping the written order", () => {
    expect(
      idsInOrder([node("out", "m"), node("m", "a", "b"), node("b", "in"), node("a", "in"), node("in")]),
    ).toEqual(["in", "b", "a", "m", "out"]);
  });

  it("puts the earliest-written ready node first when several are ready", () => {
    expect(idsInOrder([node("x", "in2"), node("in2"), node("y", "in1"), node("in1")])).toEqual([
      "in2",
      "x",
      "in1",
      "y",
    ]);
  });

  it("appends nodes on a cycle at the end in written order", () => {
    expect(idsInOrder([node("a", "b"), node("in"), node("b", "a"), node("c", "in")])).toEqual([
      "in",
      "c",
      "a",
      "b",
    ]);
  });

  it("counts a node read twice (merge of the same input) once", () => {
    expect(idsInOrder([node("m", "in", "in"), node("in")])).toEqual(["in", "m"]);
  });
});

describe("findCycles", () => {
  it("finds none in a DAG", () => {
    expect(findCycles([node("in"), node("a", "in"), node("b", "a", "in")])).toEqual([]);
  });

  it("lists each cycle once, in flow order from its earliest-written node", () => {
    const nodes = [
      node("in"),
      node("a", "in", "c"),
      node("b", "a"),
      node("c", "b"),
      node("x", "y"),
      node("y", "x"),
    ];
    expect(findCycles(nodes).map((cycle) => cycle.map((i) => nodes[i]!.id))).toEqual([
      ["a", "b", "c", "a"],
      ["x", "y", "x"],
    ]);
  });

  it("finds a self-loop", () => {
    expect(findCycles([node("a", "a")])).toEqual([[0, 0]]);
  });

  it("handles a long chain without recursion limits", () => {
    const nodes = Array.from({ length: 5_000 }, (_, i) => node(`n${i}`, `n${(i + 1) % 5_000}`));
    expect(findCycles(nodes)[0]).toHaveLength(5_001);
  });
});

describe("parseNodeReference", () => {
  it("splits a branch reference at the first dot", () => {
    expect(parseNodeReference("split.small")).toEqual({ node: "split", branch: "small" });
    expect(parseNodeReference("in")).toEqual({ node: "in" });
    expect(parseNodeReference("a.b.c")).toEqual({ node: "a", branch: "b.c" });
  });
});
