import { describe, expect, it } from "vitest";
import type { ScenarioError } from "./scenarioError";
import { validScenarioInput } from "./testing/scenarioFixtures";
import { MAX_REPORTED_ERRORS, validateScenario } from "./validate";

function errorsOf(input: unknown): ScenarioError[] {
  const result = validateScenario(input);
  return result.ok ? [] : result.errors;
}

describe("validateScenario: hostile and odd input", () => {
  it("refuses values nested deeper than 64 levels without overflowing the stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const input = validScenarioInput();
    input.producers[0]!.records = [{ at: 0, value: deep }];
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe("data is nested more than 64 levels deep");
  });

  it("refuses input that is not an object", () => {
    expect(errorsOf([1, 2])).toEqual([{ path: "", message: "expected a scenario object, got an array" }]);
    expect(errorsOf(null)).toEqual([{ path: "", message: "expected a scenario object, got null" }]);
  });

  it("rejects __proto__ as an unrecognized field and pollutes nothing", () => {
    const input = JSON.parse(
      `{"__proto__": {"polluted": 1}, ${JSON.stringify(validScenarioInput()).slice(1, -1)}}`,
    ) as unknown;
    expect(errorsOf(input)).toEqual([{ path: "__proto__", message: 'unrecognized field "__proto__"' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rejects __proto__ as a field name inside record data", () => {
    const input = validScenarioInput();
    input.producers[0]!.records = [JSON.parse('{"at": 0, "value": {"__proto__": {"polluted": 1}}}')];
    expect(errorsOf(input)).toEqual([
      { path: "producers[0].records[0].value.__proto__", message: 'field name "__proto__" is not allowed' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`summarises errors past ${MAX_REPORTED_ERRORS}`, () => {
    const input = validScenarioInput();
    input.producers[0]!.records = Array.from({ length: 300 }, () => ({ at: -1 }));
    const errors = errorsOf(input);
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(errors.at(-1)).toEqual({ path: "", message: "… and 100 more errors" });
  });

  it("prints quoted paths for field names that are not identifiers", () => {
    const input = { ...validScenarioInput(), "my field": 1 };
    expect(errorsOf(input)).toEqual([{ path: '["my field"]', message: 'unrecognized field "my field"' }]);
  });

  it("refuses data that is not JSON inside a value", () => {
    const input = validScenarioInput();
    input.producers[0]!.records = [{ at: 0, value: { a: [1, Number.NaN] } }];
    expect(errorsOf(input)).toEqual([
      { path: "producers[0].records[0].value.a[1]", message: "NaN is not a JSON number" },
    ]);
  });

  it("does not work through the items of an over-long list (a hostile topology of 100,000 nodes)", () => {
    const input = validScenarioInput();
    input.app.topology = Array.from({ length: 100_000 }, (_, i) =>
      i === 0
        ? { id: "n0", op: "source", topics: ["clicks"] }
        : { id: `n${i}`, op: "peek", from: `n${i + 1}` },
    );
    const started = performance.now();
    const errors = errorsOf(input);
    expect(errors).toEqual([{ path: "app.topology", message: "must have at most 1000 items" }]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("reports semantic errors by the hundred thousand without overflowing the stack", () => {
    const input = validScenarioInput();
    input.producers[0]!.records = Array.from({ length: 150_000 }, (_, i) => ({ at: i, partition: 7 }));
    input.limits = { maxRecords: 2_000_000 };
    const errors = errorsOf(input);
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(errors.at(-1)).toEqual({ path: "", message: "… and 149800 more errors" });
  }, 30_000);
});
