import { describe, expect, it } from "vitest";
import { recordRun, runFast } from "../engine";
import { chainText, MAX_OPERATOR_CHAIN } from "./chainLength";
import { compileScenario } from "./compileScenario";
import { validScenarioInput } from "./testing/scenarioFixtures";
import { validateScenario } from "./validate";

/** source → `count` mapValues in a row → sink. */
function chainOf(count: number) {
  const topology: Record<string, unknown>[] = [{ id: "in", op: "source", topics: ["clicks"] }];
  let from = "in";
  for (let i = 0; i < count; i++) {
    topology.push({ id: `m${i}`, op: "mapValues", from, value: "{v: value}.v" });
    from = `m${i}`;
  }
  topology.push({ id: "out", op: "sink", from, topic: "clicks-out" });
  const input = validScenarioInput();
  input.app.topology = topology;
  return input;
}

describe("operators in a row", () => {
  it("refuses a chain longer than the limit, at the node that passes it", () => {
    const result = validateScenario(chainOf(400));
    expect(result.ok ? [] : result.errors).toEqual([
      {
        path: `app.topology[${MAX_OPERATOR_CHAIN}].from`,
        message: `a record would pass through 257 operators in a row (in → m0 → m1 → … → m254 → m255); at most 256`,
      },
    ]);
  });

  it("runs 200 mapValues in a row on both paths", () => {
    const validated = validateScenario(chainOf(200));
    if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
    const model = compileScenario(validated.scenario);
    expect(() => runFast(model)).not.toThrow();
    expect(recordRun(model).trace.kinds.length).toBeGreaterThan(200);
  });

  it("counts the longest way through a merge", () => {
    /** `count` mapValues, then a merge of the last one with the source, then the sink. */
    const merged = (count: number) => {
      const input = chainOf(count);
      input.app.topology.splice(
        -1,
        1,
        { id: "both", op: "merge", from: [`m${count - 1}`, "in"] },
        { id: "out", op: "sink", from: "both", topic: "clicks-out" },
      );
      return validateScenario(input);
    };
    // in, m0 … m252, both, out: 256 operators.
    expect(merged(253).ok).toBe(true);
    const tooLong = merged(254);
    expect(tooLong.ok ? [] : tooLong.errors.map((e) => e.message)).toEqual([
      "a record would pass through 257 operators in a row (in → m0 → m1 → … → both → out); at most 256",
    ]);
  });

  it("shows the ends of a long chain", () => {
    expect(chainText(["a", "b", "c"])).toBe("a → b → c");
    expect(chainText(["a", "b", "c", "d", "e", "f", "g"])).toBe("a → b → c → … → f → g");
  });
});
