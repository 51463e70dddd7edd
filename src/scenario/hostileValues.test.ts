/**
 * The hostile scenarios of "the lab holds up": values that grow at every node, text built from them, long windowed
 * collects. Each validates, and its run stops at once with a SimulationError naming the node, the record and the
 * limit — on the fast path and the recording path alike — instead of freezing.
 */
import { describe, expect, it } from "vitest";
import { recordRun, runFast, SimulationError } from "../engine";
import { compileScenario } from "./compileScenario";
import { validScenarioInput } from "./testing/scenarioFixtures";
import { validateScenario } from "./validate";

function chainOf(count: number, expression: string) {
  const topology: Record<string, unknown>[] = [{ id: "in", op: "source", topics: ["clicks"] }];
  let from = "in";
  for (let i = 0; i < count; i++) {
    topology.push({ id: `m${i}`, op: "mapValues", from, value: expression });
    from = `m${i}`;
  }
  topology.push({ id: "out", op: "sink", from, topic: "clicks-out" });
  const input = validScenarioInput();
  input.app.topology = topology;
  return input;
}

function stopOf(input: unknown): string[] {
  const validated = validateScenario(input);
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  const model = compileScenario(validated.scenario);
  return [() => runFast(model), () => recordRun(model)].map((run) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(SimulationError);
      return (error as Error).message;
    }
    throw new Error("expected the run to stop");
  });
}

describe("runs that would build values past the limits", () => {
  it("stops 30 chained mapValues of [value, value] at the node that passes the size limit", () => {
    const [fast, recorded] = stopOf(chainOf(30, "[value, value]"));
    expect(fast).toBe(
      'node "m16" (mapValues), on the record at clicks-0 offset 0 (key alice): [value, value]: the value is larger than the limit of 1,000,000 units (about its length as JSON text)',
    );
    expect(recorded).toBe(fast);
  });

  it("stops 30 chained str([value, value]) at the string limit", () => {
    const [fast, recorded] = stopOf(chainOf(30, "str([value, value])"));
    expect(fast).toMatch(
      /^node "m\d+" \(mapValues\), on the record at clicks-0 offset 0 \(key alice\): str\(\[value, value\]\): the value's text is longer than the limit of 100,000 characters$/,
    );
    expect(recorded).toBe(fast);
  });

  it("stops 20,000 records into one windowed collect when its lists pass the limit", () => {
    const input = validScenarioInput();
    input.producers = [
      { id: "web", topic: "clicks", generate: { count: 20_000, keys: ["alice"], everyMs: 1 } },
    ];
    input.app.topology = [
      { id: "in", op: "source", topics: ["clicks"] },
      {
        id: "all",
        op: "windowedAggregate",
        from: "in",
        window: { type: "tumbling", sizeMs: 100_000_000 },
        aggregate: { kind: "collect" },
      },
      { id: "out", op: "sink", from: "all", topic: "clicks-out" },
    ];
    const [fast, recorded] = stopOf(input);
    expect(fast).toMatch(
      /^node "all" \(windowedAggregate\), on the record at clicks-0 offset 1413 \(key alice\): collect: the lists of this window store hold more than 1,000,000 values in total/,
    );
    expect(recorded).toBe(fast);
  });

  it("stops values nested past 64 levels", () => {
    const [fast] = stopOf(chainOf(80, "{v: value}"));
    expect(fast).toMatch(/^node "m63" .*the value is nested more than 64 levels deep \(the limit\)$/);
  });
});

describe("records in the scenario are held to the same limits", () => {
  it("refuses a record value with a string longer than the limit, at its path", () => {
    const input = validScenarioInput();
    input.producers[0]!.records = [{ at: 0, key: "a", value: { text: "x".repeat(100_001) } }];
    const result = validateScenario(input);
    expect(result.ok ? [] : result.errors).toEqual([
      {
        path: "producers[0].records[0].value.text",
        message: "a string of 100,001 characters is longer than the limit of 100,000",
      },
    ]);
  });

  it("refuses a record value with too many elements", () => {
    const input = validScenarioInput();
    input.producers[0]!.records = [{ at: 0, key: "a", value: { list: new Array(100_001).fill(0) } }];
    const result = validateScenario(input);
    expect(result.ok ? [] : result.errors).toEqual([
      {
        path: "producers[0].records[0].value.list",
        message: "an array of 100,001 elements is more than the limit of 100,000",
      },
    ]);
  });
});
