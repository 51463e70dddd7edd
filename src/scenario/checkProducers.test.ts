import { describe, expect, it } from "vitest";
import type { ScenarioError } from "./scenarioError";
import { validScenarioInput } from "./testing/scenarioFixtures";
import { validateScenario } from "./validate";

function errorsOf(input: unknown): ScenarioError[] {
  const result = validateScenario(input);
  return result.ok ? [] : result.errors;
}

describe("validateScenario: topics and producers", () => {
  it("reports a duplicate topic name at the second occurrence", () => {
    const input = validScenarioInput();
    input.topics.push({ name: "clicks", partitions: 1 });
    expect(errorsOf(input)).toEqual([
      { path: "topics[2].name", message: 'duplicate topic name "clicks" (also topics[0])' },
    ]);
  });

  it("reports a duplicate producer id", () => {
    const input = validScenarioInput();
    input.producers.push({ id: "web", topic: "clicks", records: [{ at: 1 }] });
    expect(errorsOf(input)).toEqual([
      { path: "producers[1].id", message: 'duplicate producer id "web" (also producers[0])' },
    ]);
  });

  it("reports a producer writing to an undeclared topic, listing the declared ones", () => {
    const input = validScenarioInput();
    input.producers[0]!.topic = "clickz";
    expect(errorsOf(input)).toEqual([
      { path: "producers[0].topic", message: 'unknown topic "clickz" (declared: clicks, clicks-out)' },
    ]);
  });

  it("reports an explicit partition beyond the topic's partitions", () => {
    const input = validScenarioInput();
    input.producers[0]!.records = [{ at: 0 }, { at: 1, partition: 2 }, { at: 2, partition: 5 }];
    expect(errorsOf(input)).toEqual([
      {
        path: "producers[0].records[2].partition",
        message: 'partition 5 is out of range: topic "clicks" has 3 partitions (0..2)',
      },
    ]);
  });

  it("says 'partition' in the singular for a one-partition topic", () => {
    const input = validScenarioInput();
    input.topics[0]!.partitions = 1;
    input.producers[0]!.records = [{ at: 0, partition: 1 }];
    expect(errorsOf(input)).toEqual([
      {
        path: "producers[0].records[0].partition",
        message: 'partition 1 is out of range: topic "clicks" has 1 partition (0..0)',
      },
    ]);
  });

  it("reports overlapping disconnect windows at the later-written one", () => {
    const input = validScenarioInput();
    input.producers[0]!.disconnected = [
      { fromMs: 3000, toMs: 6000 },
      { fromMs: 6000, toMs: 7000 },
      { fromMs: 5000, toMs: 5500 },
    ];
    expect(errorsOf(input)).toEqual([
      { path: "producers[0].disconnected[2]", message: "overlaps disconnected[0] ([3000, 6000))" },
    ]);
  });

  it("allows disconnect windows that touch (toMs is exclusive)", () => {
    const input = validScenarioInput();
    input.producers[0]!.disconnected = [
      { fromMs: 6000, toMs: 7000 },
      { fromMs: 3000, toMs: 6000 },
    ];
    expect(errorsOf(input)).toEqual([]);
  });

  it("reports a generator whose last record would be sent after 2^31 - 1 ms", () => {
    const input = validScenarioInput();
    input.producers[0]!.generate = { count: 1000, keys: ["a"], everyMs: 3_000_000, startMs: 10 };
    expect(errorsOf(input)).toEqual([
      {
        path: "producers[0].generate",
        message:
          "the last record would be sent at 2997000010 ms (startMs + (count - 1) × everyMs), after the latest allowed time 2147483647 ms",
      },
    ]);
  });

  it("reports more records than limits.maxRecords, counting explicit and generated ones", () => {
    const input = validScenarioInput();
    input.limits = { maxRecords: 10 };
    input.producers[0]!.generate = { count: 10, keys: ["a"], everyMs: 1 };
    expect(errorsOf(input)).toEqual([
      {
        path: "producers",
        message:
          "the producers send 11 records (explicit + generated), more than limits.maxRecords = 10; raise limits.maxRecords (up to 2000000) or send fewer",
      },
    ]);
  });

  it("applies the default limit of 100000 records", () => {
    const input = validScenarioInput();
    input.producers[0]!.generate = { count: 100_000, keys: ["a"], everyMs: 1 };
    expect(errorsOf(input)).toEqual([
      {
        path: "producers",
        message:
          "the producers send 100001 records (explicit + generated), more than limits.maxRecords = 100000; raise limits.maxRecords (up to 2000000) or send fewer",
      },
    ]);
  });

  it("refuses limits above the hard caps", () => {
    const input = validScenarioInput();
    input.limits = { maxRecords: 2_000_001, maxSteps: 40_000_001 };
    expect(errorsOf(input)).toEqual([
      { path: "limits.maxRecords", message: "must be ≤ 2000000" },
      { path: "limits.maxSteps", message: "must be ≤ 40000000" },
    ]);
  });

  it("refuses negative event timestamps, as Kafka's ProducerRecord does", () => {
    const input = validScenarioInput();
    input.producers[0]!.records = [{ at: 0, timestamp: -5 }];
    expect(errorsOf(input)).toEqual([{ path: "producers[0].records[0].timestamp", message: "must be ≥ 0" }]);
  });

  it("reports a send time after 2^31 - 1 ms", () => {
    const input = validScenarioInput();
    input.producers[0]!.records = [{ at: 2 ** 31 }];
    expect(errorsOf(input)).toEqual([
      { path: "producers[0].records[0].at", message: "must be ≤ 2147483647" },
    ]);
  });

  it("accepts weighted keys of any JSON type and plain keys together", () => {
    const input = validScenarioInput();
    input.producers[0]!.generate = {
      count: 3,
      keys: ["a", 7, null, { key: { user: "x" }, weight: 2 }],
      everyMs: 10,
    };
    expect(errorsOf(input)).toEqual([]);
  });

  it("reports a bad weighted key inside the key object", () => {
    const input = validScenarioInput();
    input.producers[0]!.generate = { count: 3, keys: [{ key: "a", weight: 0 }], everyMs: 10 };
    expect(errorsOf(input)).toEqual([
      { path: "producers[0].generate.keys[0].weight", message: "must be > 0" },
    ]);
  });
});
