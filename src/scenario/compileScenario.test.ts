import { describe, expect, it } from "vitest";
import type { RecordContext, SourceNode } from "../engine/model";
import { compileScenario } from "./compileScenario";
import { loadScenario } from "./loadScenario";
import type { Scenario } from "./schema";
import { validScenarioInput, withTopology } from "./testing/scenarioFixtures";
import { validateScenario } from "./validate";

function valid(input: unknown): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

const record = (fields: Partial<RecordContext> = {}): RecordContext => ({
  key: "alice",
  value: { page: "/home", n: 2 },
  timestamp: 1000,
  partition: 1,
  offset: 7,
  topic: "clicks",
  ...fields,
});

describe("compileScenario", () => {
  it("fills in every default", () => {
    const model = compileScenario(valid(validScenarioInput()));
    expect(model.seed).toBe(1);
    expect(model.limits).toEqual({ maxRecords: 100_000, maxSteps: 2_000_000 });
    expect(model.app).toMatchObject({
      id: "clicks-app",
      instances: 1,
      pollIntervalMs: 100,
      maxPollRecords: 500,
      commitIntervalMs: 30_000,
    });
    expect(model.producers[0]).toEqual({
      id: "web",
      topic: "clicks",
      delayMs: 0,
      disconnected: [],
      partitioner: { kind: "default" },
      batchSizeBytes: 16_384,
      records: [{ atMs: 0, key: "alice", value: { page: "/" }, timestamp: 0 }],
      generate: null,
    });
  });

  it("keeps values that are given", () => {
    const input = validScenarioInput();
    Object.assign(input, { seed: 9, limits: { maxRecords: 50 } });
    Object.assign(input.app, { instances: 3, pollIntervalMs: 5, maxPollRecords: 2, commitIntervalMs: 100 });
    const model = compileScenario(valid(input));
    expect(model.seed).toBe(9);
    expect(model.limits).toEqual({ maxRecords: 50, maxSteps: 2_000_000 });
    expect(model.app).toMatchObject({
      instances: 3,
      pollIntervalMs: 5,
      maxPollRecords: 2,
      commitIntervalMs: 100,
    });
  });

  it("defaults a record's key and value to null and its timestamp to its send time", () => {
    const input = validScenarioInput();
    input.producers[0]!.records = [{ at: 5 }, { at: 6, key: null, value: 0, timestamp: 2, partition: 2 }];
    expect(compileScenario(valid(input)).producers[0]!.records).toEqual([
      { atMs: 5, key: null, value: null, timestamp: 5 },
      { atMs: 6, key: null, value: 0, timestamp: 2, partition: 2 },
    ]);
  });

  it("orders records by send time, keeping the written order for equal times", () => {
    const input = validScenarioInput();
    input.producers[0]!.records = [
      { at: 20, key: "c" },
      { at: 10, key: "a" },
      { at: 20, key: "d" },
      { at: 10, key: "b" },
    ];
    expect(compileScenario(valid(input)).producers[0]!.records.map((r) => r.key)).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
  });

  it("orders disconnect windows by start", () => {
    const input = validScenarioInput();
    input.producers[0]!.disconnected = [
      { fromMs: 500, toMs: 600 },
      { fromMs: 100, toMs: 200 },
    ];
    expect(compileScenario(valid(input)).producers[0]!.disconnected).toEqual([
      { fromMs: 100, toMs: 200 },
      { fromMs: 500, toMs: 600 },
    ]);
  });

  it("turns plain generator keys into weight-1 keys and defaults start, jitter and value", () => {
    const input = validScenarioInput();
    input.producers[0]!.generate = {
      count: 4,
      keys: ["a", null, { key: { id: 1 }, weight: 3 }],
      everyMs: 250,
    };
    expect(compileScenario(valid(input)).producers[0]!.generate).toEqual({
      count: 4,
      startMs: 0,
      everyMs: 250,
      jitterMs: 0,
      keys: [
        { key: "a", weight: 1 },
        { key: null, weight: 1 },
        { key: { id: 1 }, weight: 3 },
      ],
      value: null,
    });
  });

  it("compiles a generator's value expression over the sequence number", () => {
    const input = validScenarioInput();
    input.producers[0]!.generate = { count: 4, keys: ["a"], everyMs: 250, value: "value * 10" };
    const generate = compileScenario(valid(input)).producers[0]!.generate!;
    expect(generate.value?.(record({ value: 3 }))).toBe(30);
  });

  it("compiles a custom partitioner and keeps its source for the narration", () => {
    const input = validScenarioInput();
    input.producers[0]!.partitioner = { expression: "len(key) % 3" };
    const partitioner = compileScenario(valid(input)).producers[0]!.partitioner;
    expect(partitioner.kind === "custom" && partitioner.source).toBe("len(key) % 3");
    expect(partitioner.kind === "custom" && partitioner.partition(record())).toBe(2);
  });

  it("normalises from into inputs, branch references included", () => {
    const input = withTopology([
      { id: "in", op: "source", topics: ["clicks"] },
      {
        id: "split",
        op: "branch",
        from: "in",
        branches: [{ name: "small", predicate: "value.n < 10" }],
        default: "rest",
      },
      { id: "m", op: "merge", from: ["split.small", "split.rest"] },
    ]);
    const [source, split, merge] = compileScenario(valid(input)).app.topology;
    expect((source as SourceNode).inputs).toEqual([]);
    expect(split).toMatchObject({ op: "branch", inputs: [{ node: "in" }], defaultBranch: "rest" });
    expect(merge?.inputs).toEqual([
      { node: "split", branch: "small" },
      { node: "split", branch: "rest" },
    ]);
    expect(split?.op === "branch" && split.branches[0]!.predicate(record())).toBe(true);
  });

  it("sorts the topology so every node follows its inputs, otherwise keeping the written order", () => {
    const input = withTopology([
      { id: "out", op: "sink", from: "b", topic: "clicks-out" },
      { id: "b", op: "peek", from: "a" },
      { id: "in", op: "source", topics: ["clicks"] },
      { id: "a", op: "peek", from: "in" },
      { id: "side", op: "peek", from: "in" },
    ]);
    expect(compileScenario(valid(input)).app.topology.map((node) => node.id)).toEqual([
      "in",
      "a",
      "b",
      "out",
      "side",
    ]);
  });

  it("makes absent map expressions the identity and a missing peek label null", () => {
    const input = withTopology([
      { id: "in", op: "source", topics: ["clicks"] },
      { id: "k", op: "map", from: "in", key: "upper(key)" },
      { id: "p", op: "peek", from: "k" },
    ]);
    const [, map, peek] = compileScenario(valid(input)).app.topology;
    if (map?.op !== "map" || peek?.op !== "peek") throw new Error("unexpected order");
    expect(map.key(record())).toBe("ALICE");
    expect(map.value(record())).toEqual({ page: "/home", n: 2 });
    expect(peek.label).toBeNull();
  });

  it("compiles every operator's expressions to functions of the record", () => {
    const input = withTopology([
      { id: "in", op: "source", topics: ["clicks"] },
      { id: "mv", op: "mapValues", from: "in", value: "value.n * 2" },
      { id: "f", op: "filter", from: "mv", predicate: "value > 1" },
      {
        id: "fm",
        op: "flatMap",
        from: "f",
        records: "[{key: key, value: value}, {key: key, value: value + 1}]",
      },
      { id: "fmv", op: "flatMapValues", from: "fm", values: "[value, value]" },
      { id: "sk", op: "selectKey", from: "fmv", key: "value % 2 == 0 ? 'even' : 'odd'" },
      { id: "p", op: "peek", from: "sk", label: "concat(topic, '-', partition, '@', offset)" },
      { id: "out", op: "sink", from: "p", topic: "clicks-out", partitioner: { expression: "timestamp % 3" } },
    ]);
    const nodes = Object.fromEntries(
      compileScenario(valid(input)).app.topology.map((node) => [node.id, node]),
    );
    const r = record();
    expect(nodes.mv?.op === "mapValues" && nodes.mv.value(r)).toBe(4);
    expect(nodes.f?.op === "filter" && nodes.f.predicate(record({ value: 1 }))).toBe(false);
    expect(nodes.fm?.op === "flatMap" && nodes.fm.records(record({ value: 4 }))).toEqual([
      { key: "alice", value: 4 },
      { key: "alice", value: 5 },
    ]);
    expect(nodes.fmv?.op === "flatMapValues" && nodes.fmv.values(record({ value: 4 }))).toEqual([4, 4]);
    expect(nodes.sk?.op === "selectKey" && nodes.sk.key(record({ value: 4 }))).toBe("even");
    expect(nodes.p?.op === "peek" && nodes.p.label?.(r)).toBe("clicks-1@7");
    const sink = nodes.out;
    expect(sink?.op === "sink" && sink.partitioner.kind === "custom" && sink.partitioner.partition(r)).toBe(
      1,
    );
  });

  it("lets a run-time failure reach the engine as a UserFunctionError", () => {
    const input = withTopology([
      { id: "in", op: "source", topics: ["clicks"] },
      { id: "mv", op: "mapValues", from: "in", value: "value.page.length" },
    ]);
    const mv = compileScenario(valid(input)).app.topology[1];
    if (mv?.op !== "mapValues") throw new Error("unexpected order");
    expect(() => mv.value(record({ value: null }))).toThrow(
      expect.objectContaining({ name: "UserFunctionError" }),
    );
  });
});

describe("loadScenario", () => {
  it("returns the scenario and its model", () => {
    const result = loadScenario(validScenarioInput());
    expect(result.ok && result.model.title).toBe("Keyed partitioning");
    expect(result.ok && result.scenario.title).toBe("Keyed partitioning");
  });

  it("returns the validation errors instead of compiling", () => {
    expect(loadScenario({ ...validScenarioInput(), version: 3 })).toEqual({
      ok: false,
      errors: [{ path: "version", message: "version 3 is newer than this Topolab understands (1)" }],
    });
  });
});
