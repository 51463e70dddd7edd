import { describe, expect, it } from "vitest";
import { MAX_EXPRESSION_LENGTH } from "./defaults";
import { MAX_SOURCE_LENGTH } from "./expression";
import type { ScenarioError } from "./scenarioError";
import { validScenarioInput, withTopology } from "./testing/scenarioFixtures";
import { validateScenario } from "./validate";

function errorsOf(input: unknown): ScenarioError[] {
  const result = validateScenario(input);
  return result.ok ? [] : result.errors;
}

const source = { id: "in", op: "source", topics: ["clicks"] };

describe("validateScenario: expressions", () => {
  it("reports an expression error at the expression's path, with its 1-based position", () => {
    const input = withTopology([source, { id: "upper", op: "map", from: "in", key: "upper(vlue)" }]);
    expect(errorsOf(input)).toEqual([
      {
        path: "app.topology[1].key",
        message: expect.stringMatching(
          /^at 7: unknown name "vlue".*\(allowed: key, value, timestamp, partition, offset, topic\)/,
        ),
      },
    ]);
  });

  it("checks every expression of every operator, branch predicates included", () => {
    const input = withTopology([
      source,
      { id: "m", op: "map", from: "in", value: "value +" },
      { id: "f", op: "filter", from: "m", predicate: "nope" },
      {
        id: "split",
        op: "branch",
        from: "f",
        branches: [
          { name: "a", predicate: "value > 1" },
          { name: "b", predicate: "(" },
        ],
      },
      { id: "out", op: "sink", from: "split.a", topic: "clicks-out", partitioner: { expression: "offst" } },
    ]);
    expect(errorsOf(input).map((error) => error.path)).toEqual([
      "app.topology[1].value",
      "app.topology[2].predicate",
      "app.topology[3].branches[1].predicate",
      "app.topology[4].partitioner.expression",
    ]);
  });

  it("checks a producer's partitioner with the record variables", () => {
    const input = validScenarioInput();
    input.producers[0]!.partitioner = { expression: "hash(key) % 3 + offset" };
    expect(errorsOf(input)).toEqual([]);
    input.producers[0]!.partitioner = { expression: "hash(kee)" };
    expect(errorsOf(input)).toEqual([
      {
        path: "producers[0].partitioner.expression",
        message: expect.stringMatching(/^at 6: unknown name "kee"/),
      },
    ]);
  });

  it("gives generator value expressions only key, value and timestamp", () => {
    const input = validScenarioInput();
    input.producers[0]!.generate = { count: 2, keys: ["a"], everyMs: 10, value: "value * 10 + timestamp" };
    expect(errorsOf(input)).toEqual([]);
    input.producers[0]!.generate = { count: 2, keys: ["a"], everyMs: 10, value: "partition" };
    expect(errorsOf(input)).toEqual([
      {
        path: "producers[0].generate.value",
        message: expect.stringMatching(/^at 1: unknown name "partition".*\(allowed: key, value, timestamp\)/),
      },
    ]);
  });

  it("accepts the documented functions and method sugar", () => {
    const input = withTopology([
      source,
      {
        id: "m",
        op: "map",
        from: "in",
        key: "key.upper()",
        value: "{page: value.page, n: len(str(value)) ?? 0}",
      },
      { id: "f", op: "filter", from: "m", predicate: "value.n >= 1 && !contains(key, 'X')" },
    ]);
    expect(errorsOf(input)).toEqual([]);
  });

  it("refuses expressions longer than the compiler accepts, with the same limit", () => {
    expect(MAX_EXPRESSION_LENGTH).toBe(MAX_SOURCE_LENGTH);
    const input = withTopology([
      source,
      { id: "f", op: "filter", from: "in", predicate: "1".repeat(MAX_EXPRESSION_LENGTH + 1) },
    ]);
    expect(errorsOf(input)).toEqual([
      { path: "app.topology[1].predicate", message: "must be at most 2000 characters" },
    ]);
  });
});
