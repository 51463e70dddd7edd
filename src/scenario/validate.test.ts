import { describe, expect, it } from "vitest";
import type { ScenarioError } from "./scenarioError";
import { validScenarioInput } from "./testing/scenarioFixtures";
import { validateScenario } from "./validate";

function errorsOf(input: unknown): ScenarioError[] {
  const result = validateScenario(input);
  return result.ok ? [] : result.errors;
}

describe("validateScenario: structure", () => {
  it("accepts a valid scenario and keeps it exactly as written", () => {
    const input = validScenarioInput();
    const result = validateScenario(input);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.scenario).toEqual(input);
      expect("seed" in result.scenario).toBe(false);
    }
  });

  it("accepts the full example of the brief, with every operator", () => {
    const input = {
      version: 1,
      title: "Every operator",
      description: "A tour.",
      seed: 7,
      topics: [
        { name: "clicks", partitions: 3 },
        { name: "clicks-out", partitions: 2 },
      ],
      producers: [
        {
          id: "web",
          topic: "clicks",
          delayMs: 0,
          partitioner: "default",
          batchSizeBytes: 16384,
          disconnected: [{ fromMs: 3000, toMs: 6000 }],
          records: [{ at: 0, key: "alice", value: { page: "/" }, timestamp: 1000, partition: 1 }],
          generate: {
            count: 40,
            keys: ["alice", { key: "bob", weight: 3 }],
            everyMs: 250,
            startMs: 0,
            jitterMs: 400,
            value: "value",
          },
        },
      ],
      app: {
        id: "clicks-app",
        instances: 2,
        pollIntervalMs: 100,
        maxPollRecords: 500,
        commitIntervalMs: 30000,
        topology: [
          { id: "in", op: "source", topics: ["clicks"] },
          { id: "upper", op: "map", from: "in", key: "upper(key)", value: "value" },
          { id: "vals", op: "mapValues", from: "upper", value: "value" },
          { id: "big", op: "filter", from: "vals", predicate: "value" },
          { id: "fm", op: "flatMap", from: "big", records: "value" },
          { id: "fmv", op: "flatMapValues", from: "fm", values: "value" },
          {
            id: "split",
            op: "branch",
            from: "fmv",
            branches: [
              { name: "small", predicate: "value" },
              { name: "large", predicate: "value" },
            ],
            default: "rest",
          },
          { id: "m", op: "merge", from: ["split.small", "split.large"] },
          { id: "rekey", op: "selectKey", from: "m", key: "key" },
          { id: "look", op: "peek", from: "rekey", label: "key" },
          {
            id: "out",
            op: "sink",
            from: "look",
            topic: "clicks-out",
            partitioner: { expression: "partition" },
          },
        ],
      },
      limits: { maxRecords: 100000, maxSteps: 2000000 },
    };
    expect(errorsOf(input)).toEqual([]);
  });

  it("reports an unknown field with its path and a suggestion", () => {
    const input = validScenarioInput();
    input.producers[0]!.records = [{ at: 0, kye: "alice" }];
    expect(errorsOf(input)).toEqual([
      { path: "producers[0].records[0].kye", message: 'unrecognized field "kye" (did you mean "key"?)' },
    ]);
  });

  it("reports an unknown field without a suggestion when nothing is close", () => {
    const input = { ...validScenarioInput(), colour: "blue" };
    expect(errorsOf(input)).toEqual([{ path: "colour", message: 'unrecognized field "colour"' }]);
  });

  it("reports a wrong type with the exact path and the value found", () => {
    const input = validScenarioInput();
    input.topics[0]!.partitions = "abc";
    expect(errorsOf(input)).toEqual([
      { path: "topics[0].partitions", message: 'expected a number, got "abc"' },
    ]);
  });

  it("reports a fractional number where an integer is needed", () => {
    const input = validScenarioInput();
    input.producers[0]!.records = [{ at: 1.5 }];
    expect(errorsOf(input)).toEqual([
      { path: "producers[0].records[0].at", message: "expected an integer, got 1.5" },
    ]);
  });

  it("reports numbers out of range as bounds", () => {
    const input = validScenarioInput();
    input.topics[0]!.partitions = 0;
    input.topics[1]!.partitions = 65;
    expect(errorsOf(input)).toEqual([
      { path: "topics[0].partitions", message: "must be ≥ 1" },
      { path: "topics[1].partitions", message: "must be ≤ 64" },
    ]);
  });

  it("keeps only the tightest bound when a value breaks several", () => {
    const input = validScenarioInput();
    input.producers[0]!.records = [{ at: 2 ** 60 }];
    expect(errorsOf(input)).toEqual([
      { path: "producers[0].records[0].at", message: "must be ≤ 2147483647" },
    ]);
  });

  it("reports a missing required field by name", () => {
    const { title: _title, ...input } = validScenarioInput();
    expect(errorsOf(input)).toEqual([{ path: "title", message: 'missing required field "title"' }]);
  });

  it("reports a title that is too long", () => {
    const input = { ...validScenarioInput(), title: "x".repeat(121) };
    expect(errorsOf(input)).toEqual([{ path: "title", message: "must be at most 120 characters" }]);
  });

  it("reports an illegal topic name with Kafka's rule", () => {
    const input = validScenarioInput();
    input.topics[0]!.name = "my topic";
    expect(errorsOf(input)).toContainEqual({
      path: "topics[0].name",
      message: 'must be 1–100 characters from A–Z, a–z, 0–9, ".", "_" and "-"',
    });
  });

  it('refuses "." and ".." as topic names, as Kafka does', () => {
    const input = validScenarioInput();
    input.topics.push({ name: "..", partitions: 1 });
    expect(errorsOf(input)).toEqual([{ path: "topics[2].name", message: 'cannot be "." or ".."' }]);
  });

  it("reports a node id with a dot", () => {
    const input = validScenarioInput();
    input.app.topology[1]!.id = "a.b";
    expect(errorsOf(input)).toContainEqual({
      path: "app.topology[1].id",
      message: 'must start with a letter or "_", followed by up to 63 letters, digits, "_" or "-" (no dots)',
    });
  });

  it("reports an unknown op with the list of operators", () => {
    const input = validScenarioInput();
    input.app.topology[1] = { id: "cnt", op: "count", from: "in" };
    expect(errorsOf(input)).toEqual([
      {
        path: "app.topology[1].op",
        message:
          'unknown op "count" (expected one of: source, map, mapValues, filter, flatMap, flatMapValues, branch, merge, selectKey, peek, enrich, sink, repartition, table, join, joinTable, windowedAggregate)',
      },
      // The node this one replaced was "pages": the next node's reference to it now points to nothing.
      { path: "app.topology[2].from", message: 'unknown node "pages"' },
    ]);
  });

  it("reports a missing op", () => {
    const input = validScenarioInput();
    input.app.topology[1] = { id: "x", from: "in" };
    expect(errorsOf(input)[0]).toEqual({
      path: "app.topology[1].op",
      message: expect.stringMatching(/^missing required field "op" \(one of: source, map, /),
    });
  });

  it('explains that a source has no "from"', () => {
    const input = validScenarioInput();
    input.app.topology[0]!.from = "pages";
    expect(errorsOf(input)).toEqual([
      { path: "app.topology[0].from", message: 'a source reads topics, not another node: remove "from"' },
    ]);
  });

  it("reports the errors inside a partitioner object rather than a failed union", () => {
    const input = validScenarioInput();
    input.producers[0]!.partitioner = { expresion: "key" };
    expect(errorsOf(input)).toEqual([
      { path: "producers[0].partitioner.expression", message: 'missing required field "expression"' },
      {
        path: "producers[0].partitioner.expresion",
        message: 'unrecognized field "expresion" (did you mean "expression"?)',
      },
    ]);
  });

  it("lists the alternatives when a value matches none", () => {
    const input = validScenarioInput();
    input.producers[0]!.partitioner = "custom";
    expect(errorsOf(input)).toEqual([
      { path: "producers[0].partitioner", message: 'expected "default" or an object, got "custom"' },
    ]);
  });

  it("requires merge to have two inputs", () => {
    const input = validScenarioInput();
    input.app.topology.push({ id: "m", op: "merge", from: ["in"] });
    expect(errorsOf(input)).toContainEqual({
      path: "app.topology[3].from",
      message: "merge needs at least 2 inputs",
    });
  });

  it("requires a producer to send something", () => {
    const input = validScenarioInput();
    input.producers[0] = { id: "web", topic: "clicks" };
    expect(errorsOf(input)).toEqual([
      { path: "producers[0]", message: 'a producer needs "records", "generate" or both' },
    ]);
  });

  it("requires a disconnect window to end after it starts", () => {
    const input = validScenarioInput();
    input.producers[0]!.disconnected = [{ fromMs: 5000, toMs: 5000 }];
    expect(errorsOf(input)).toEqual([
      { path: "producers[0].disconnected[0].toMs", message: "must be greater than fromMs (5000)" },
    ]);
  });

  it("reports every structural error at once, in document order", () => {
    const input = validScenarioInput();
    input.title = "";
    input.topics[1]!.partitions = -1;
    input.producers[0]!.delayMs = "soon";
    input.app.instances = 17;
    expect(errorsOf(input)).toEqual([
      { path: "title", message: "must not be empty" },
      { path: "topics[1].partitions", message: "must be ≥ 1" },
      { path: "producers[0].delayMs", message: 'expected a number, got "soon"' },
      { path: "app.instances", message: "must be ≤ 16" },
    ]);
  });

  it("still runs the semantic checks on the valid parts when the structure is broken", () => {
    const input = validScenarioInput();
    input.title = 42;
    input.app.topology[2]!.from = "pagez";
    expect(errorsOf(input)).toEqual([
      { path: "title", message: "expected a string, got 42" },
      { path: "app.topology[2].from", message: 'unknown node "pagez"' },
    ]);
  });

  it("does not report references to an entry that is itself invalid", () => {
    const input = validScenarioInput();
    input.app.topology[1]!.value = 5; // the node "pages" is invalid ...
    expect(errorsOf(input)).toEqual([{ path: "app.topology[1].value", message: "expected a string, got 5" }]);
  });

  it("reports a missing version and still checks the rest", () => {
    const { version: _version, ...input } = validScenarioInput();
    input.title = "";
    expect(errorsOf(input)).toEqual([
      { path: "version", message: 'missing required field "version" (the current format is version 1)' },
      { path: "title", message: "must not be empty" },
    ]);
  });
});
