import { describe, expect, it } from "vitest";
import { loadScenario } from "./loadScenario";
import { withTopology } from "./testing/scenarioFixtures";
import { validateScenario } from "./validate";

const counted = (extra: Record<string, unknown> = {}, upstream: Record<string, unknown>[] = []) =>
  withTopology([
    { id: "in", op: "source", topics: ["clicks"] },
    ...upstream,
    {
      id: "agg",
      op: "windowedAggregate",
      from: upstream.length > 0 ? String(upstream.at(-1)!.id) : "in",
      window: { type: "tumbling", sizeMs: 1000 },
      aggregate: { kind: "count" },
      ...extra,
    },
    { id: "out", op: "sink", from: "agg", topic: "clicks-out" },
  ]);

function errorsOf(input: unknown) {
  const result = validateScenario(input);
  return result.ok ? [] : result.errors;
}

describe("windowedAggregate validation", () => {
  it("accepts a windowed count keyed as produced", () => {
    expect(errorsOf(counted({ graceMs: 500, emit: "onWindowClose" }))).toEqual([]);
  });

  it("inserts a repartition before the aggregation after a key change upstream, as Kafka Streams does", () => {
    const input = counted({}, [{ id: "rekey", op: "selectKey", from: "in", key: "value.page" }]);
    expect(errorsOf(input)).toEqual([]);
    const loaded = loadScenario(input);
    if (!loaded.ok) throw new Error("does not load");
    const internal = loaded.model.topics.filter((t) => t.internal === "repartition").map((t) => t.name);
    expect(internal).toEqual(["clicks-app-agg-repartition"]);
    const reader = loaded.model.app.topology.find((n) => n.id === "agg")!.inputs;
    expect(reader).toEqual([{ node: "agg-repartition-source" }]);
  });

  it("accepts mapValues upstream: the key stays", () => {
    expect(errorsOf(counted({}, [{ id: "v", op: "mapValues", from: "in", value: "1" }]))).toEqual([]);
  });

  it("refuses Flink's allowed lateness under kafka-streams, and grace under flink", () => {
    expect(errorsOf(counted({ allowedLatenessMs: 10 }))[0]!.path).toBe("app.topology[1].allowedLatenessMs");
    const flink = counted({ graceMs: 10 });
    flink.app.time = { semantics: "flink" };
    expect(errorsOf(flink)[0]!.message).toContain("grace is Kafka Streams' rule");
  });

  it("reports a retention shorter than window plus grace at the node", () => {
    expect(errorsOf(counted({ graceMs: 500, retentionMs: 1000 }))).toEqual([
      {
        path: "app.topology[1].window",
        message:
          "the window store's retention (1000) must be no smaller than the window (1000) plus grace (500)",
      },
    ]);
  });

  it("lets other nodes read the late side output only when it is on", () => {
    const input = counted({ late: "sideOutput" });
    input.app.topology.push({ id: "lateOut", op: "sink", from: "agg.late", topic: "clicks-out" });
    expect(errorsOf(input)).toEqual([]);
    const off = counted();
    off.app.topology.push({ id: "lateOut", op: "sink", from: "agg.late", topic: "clicks-out" });
    expect(errorsOf(off)[0]!.message).toContain('set "late": "sideOutput"');
    const wrong = counted({ late: "sideOutput" });
    wrong.app.topology.push({ id: "x", op: "sink", from: "agg.early", topic: "clicks-out" });
    expect(errorsOf(wrong)[0]!.message).toContain('"agg.late"');
  });
});
