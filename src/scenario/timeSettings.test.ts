import { describe, expect, it } from "vitest";
import type { RecordContext } from "../engine/model";
import { compileScenario } from "./compileScenario";
import { validScenarioInput } from "./testing/scenarioFixtures";
import { validateScenario } from "./validate";

function withTime(time: unknown) {
  const input = validScenarioInput();
  input.app.time = time;
  return input;
}

const head: RecordContext = {
  key: "a",
  value: { ts: 7 },
  timestamp: 3,
  partition: 0,
  offset: 0,
  topic: "clicks",
};

describe("app.time", () => {
  it("defaults to kafka-streams, event time, the head-timestamp scheduler and max.task.idle.ms 0", () => {
    const result = validateScenario(validScenarioInput());
    if (!result.ok) throw new Error("invalid");
    const time = compileScenario(result.scenario).app.time!;
    expect(time).toMatchObject({
      semantics: "kafka-streams",
      timestamp: { kind: "event" },
      scheduler: { kind: "timestamp" },
      maxTaskIdleMs: 0,
      watermarks: { outOfOrdernessMs: 0, autoWatermarkIntervalMs: 200, idlenessMs: null },
    });
  });

  it("compiles a field, an expression extractor, a custom scheduler and Flink watermarks", () => {
    const result = validateScenario(
      withTime({
        semantics: "flink",
        timestamp: { expression: "value.ts * 2" },
        scheduler: { expression: "-timestamp" },
        maxTaskIdleMs: -1,
        watermarks: { outOfOrdernessMs: 500, idlenessMs: 1000 },
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const time = compileScenario(result.scenario).app.time!;
    expect(time.semantics).toBe("flink");
    expect(time.timestamp.kind === "expression" && time.timestamp.extract(head)).toBe(14);
    expect(time.scheduler.kind === "custom" && time.scheduler.rank(head)).toBe(-3);
    expect(time.maxTaskIdleMs).toBe(-1);
    expect(time.watermarks).toEqual({
      outOfOrdernessMs: 500,
      autoWatermarkIntervalMs: 200,
      idlenessMs: 1000,
    });
  });

  it("reports a broken time expression at its path", () => {
    const result = validateScenario(withTime({ timestamp: { expression: "value.ts +" } }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.path).toBe("app.time.timestamp.expression");
  });

  it("refuses an unknown timestamp kind and a max.task.idle.ms below -1", () => {
    const result = validateScenario(withTime({ timestamp: "log", maxTaskIdleMs: -2 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(["app.time.timestamp", "app.time.maxTaskIdleMs"]),
    );
  });
});
