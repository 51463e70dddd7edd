import { describe, expect, it } from "vitest";
import type { ScenarioError } from "./scenarioError";
import { validScenarioInput, withTopology } from "./testing/scenarioFixtures";
import { validateScenario } from "./validate";

function errorsOf(input: unknown): ScenarioError[] {
  const result = validateScenario(input);
  return result.ok ? [] : result.errors;
}

const source = { id: "in", op: "source", topics: ["clicks"] };
const split = {
  id: "split",
  op: "branch",
  from: "in",
  branches: [
    { name: "small", predicate: "value" },
    { name: "large", predicate: "value" },
  ],
  default: "rest",
};

describe("validateScenario: topology", () => {
  it("reports a duplicate node id", () => {
    const input = validScenarioInput();
    input.app.topology.push({ id: "pages", op: "peek", from: "in" });
    expect(errorsOf(input)).toEqual([
      { path: "app.topology[3].id", message: 'duplicate node id "pages" (also app.topology[1])' },
    ]);
  });

  it("reports a source reading an undeclared topic", () => {
    const input = withTopology([{ id: "in", op: "source", topics: ["clicks", "views"] }]);
    expect(errorsOf(input)).toEqual([
      { path: "app.topology[0].topics[1]", message: 'unknown topic "views" (declared: clicks, clicks-out)' },
    ]);
  });

  it("reports a sink writing to an undeclared topic", () => {
    const input = withTopology([source, { id: "out", op: "sink", from: "in", topic: "nowhere" }]);
    expect(errorsOf(input)).toEqual([
      { path: "app.topology[1].topic", message: 'unknown topic "nowhere" (declared: clicks, clicks-out)' },
    ]);
  });

  it("reports a reference to an unknown node", () => {
    const input = withTopology([source, { id: "out", op: "sink", from: "cnt", topic: "clicks-out" }]);
    expect(errorsOf(input)).toEqual([{ path: "app.topology[1].from", message: 'unknown node "cnt"' }]);
  });

  it("reports a reference to a branch that does not exist, listing the branches", () => {
    const input = withTopology([source, split, { id: "p", op: "peek", from: "split.big" }]);
    expect(errorsOf(input)).toEqual([
      {
        path: "app.topology[2].from",
        message: 'node "split" has no branch "big" (branches: small, large, rest)',
      },
    ]);
  });

  it("accepts a reference to the default branch", () => {
    const input = withTopology([source, split, { id: "p", op: "peek", from: "split.rest" }]);
    expect(errorsOf(input)).toEqual([]);
  });

  it("requires a branch name when reading a branch node", () => {
    const input = withTopology([source, split, { id: "p", op: "peek", from: "split" }]);
    expect(errorsOf(input)).toEqual([
      {
        path: "app.topology[2].from",
        message: 'reference a branch output as "split.<name>" (branches: small, large, rest)',
      },
    ]);
  });

  it("refuses a branch name on a node that is not a branch node", () => {
    const input = withTopology([source, { id: "p", op: "peek", from: "in.small" }]);
    expect(errorsOf(input)).toEqual([
      { path: "app.topology[1].from", message: 'node "in" is not a branch node: reference it as "in"' },
    ]);
  });

  it("refuses reading the output of a sink (KStream#to returns nothing)", () => {
    const input = withTopology([
      source,
      { id: "out", op: "sink", from: "in", topic: "clicks-out" },
      { id: "p", op: "peek", from: "out" },
    ]);
    expect(errorsOf(input)).toEqual([
      {
        path: "app.topology[2].from",
        message:
          'node "out" is a sink: it writes to a topic and has no output to read (read the topic with a source)',
      },
    ]);
  });

  it("points at the exact merge input that is wrong", () => {
    const input = withTopology([
      source,
      split,
      { id: "m", op: "merge", from: ["split.small", "split.huge"] },
    ]);
    expect(errorsOf(input)).toEqual([
      {
        path: "app.topology[2].from[1]",
        message: 'node "split" has no branch "huge" (branches: small, large, rest)',
      },
    ]);
  });

  it("reports duplicate branch names and a default branch that clashes", () => {
    const input = withTopology([
      source,
      {
        id: "split",
        op: "branch",
        from: "in",
        branches: [
          { name: "a", predicate: "value" },
          { name: "a", predicate: "value" },
        ],
        default: "a",
      },
    ]);
    expect(errorsOf(input)).toEqual([
      { path: "app.topology[1].branches[1].name", message: 'duplicate branch name "a" (also branches[0])' },
      { path: "app.topology[1].default", message: 'the default branch "a" has the same name as branches[0]' },
    ]);
  });

  it("reports a cycle on the first node's from, in the direction records flow", () => {
    const input = withTopology([
      source,
      { id: "a", op: "merge", from: ["in", "c"] },
      { id: "b", op: "peek", from: "a" },
      { id: "c", op: "peek", from: "b" },
    ]);
    expect(errorsOf(input)).toEqual([
      { path: "app.topology[1].from[1]", message: "cycle: a -> b -> c -> a" },
    ]);
  });

  it("reports a node reading itself as a cycle", () => {
    const input = withTopology([source, { id: "a", op: "merge", from: ["in", "a"] }]);
    expect(errorsOf(input)).toEqual([{ path: "app.topology[1].from[1]", message: "cycle: a -> a" }]);
  });

  it("reports nodes fed only by a cycle as unreachable", () => {
    const input = withTopology([
      source,
      { id: "a", op: "peek", from: "b" },
      { id: "b", op: "peek", from: "a" },
      { id: "c", op: "peek", from: "b" },
    ]);
    expect(errorsOf(input)).toEqual([
      { path: "app.topology[1].from", message: "cycle: a -> b -> a" },
      { path: "app.topology[3].from", message: 'node "c" is not reachable from any source' },
    ]);
  });

  it("requires at least one source", () => {
    const input = withTopology([{ id: "a", op: "peek", from: "a" }]);
    expect(errorsOf(input)).toEqual([
      { path: "app.topology", message: "the topology needs at least one source node" },
      { path: "app.topology[0].from", message: "cycle: a -> a" },
    ]);
  });

  it("allows dangling nodes whose output nobody reads", () => {
    const input = withTopology([
      source,
      { id: "a", op: "peek", from: "in" },
      { id: "b", op: "filter", from: "in", predicate: "value" },
    ]);
    expect(errorsOf(input)).toEqual([]);
  });

  it("reports a sink writing to a topic its own sub-topology reads", () => {
    const input = withTopology([
      source,
      { id: "p", op: "peek", from: "in" },
      { id: "out", op: "sink", from: "p", topic: "clicks" },
    ]);
    expect(errorsOf(input)).toEqual([
      {
        path: "app.topology[2].topic",
        message:
          'sink "out" writes to "clicks", which source "in" of the same sub-topology reads: this would loop',
      },
    ]);
  });

  it("allows a sink feeding a topic read by another sub-topology", () => {
    const input = withTopology([
      { id: "in", op: "source", topics: ["clicks"] },
      { id: "out", op: "sink", from: "in", topic: "clicks-out" },
      { id: "in2", op: "source", topics: ["clicks-out"] },
      { id: "p", op: "peek", from: "in2" },
    ]);
    expect(errorsOf(input)).toEqual([]);
  });

  it("accepts nodes written in any order", () => {
    const input = withTopology([
      { id: "out", op: "sink", from: "p", topic: "clicks-out" },
      { id: "p", op: "peek", from: "in" },
      source,
    ]);
    expect(errorsOf(input)).toEqual([]);
  });

  it("reports structural and semantic topology errors together", () => {
    const input = withTopology([
      source,
      { id: "m", op: "merge", from: ["in", "x", "in.y"] },
      { id: "out", op: "sink", from: "m", topic: "nope" },
    ]);
    expect(errorsOf(input)).toEqual([
      { path: "app.topology[2].topic", message: 'unknown topic "nope" (declared: clicks, clicks-out)' },
      { path: "app.topology[1].from[1]", message: 'unknown node "x"' },
      { path: "app.topology[1].from[2]", message: 'node "in" is not a branch node: reference it as "in"' },
    ]);
  });
});

describe("references on structurally broken input", () => {
  it("still reports a reference that no node entry carries, even when another node is broken", () => {
    const result = validateScenario({
      version: 1,
      title: "t",
      topics: [{ name: "in", partitions: 1 }],
      producers: [{ id: "p", topic: "in", records: [{ at: 0 }] }],
      app: {
        id: "a",
        topology: [
          { id: "src", op: "source", topics: ["in"] },
          { id: "f", op: "filter", from: "src", predicat: "true" },
          { id: "m", op: "mapValues", from: "cnt", value: "value" },
          { id: "g", op: "mapValues", from: "f", value: "value" },
        ],
      },
    });
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
    expect(messages).toContain('app.topology[2].from: unknown node "cnt"');
    // "f" exists but is broken: its references are not judged.
    expect(messages.some((m) => m.startsWith("app.topology[3].from"))).toBe(false);
  });
});
