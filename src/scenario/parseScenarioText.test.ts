import { describe, expect, it } from "vitest";
import { parseScenarioText } from "./parseScenarioText";
import { validScenarioInput } from "./testing/scenarioFixtures";

describe("parseScenarioText", () => {
  it("parses and validates a scenario, returning the text", () => {
    const text = JSON.stringify(validScenarioInput(), null, 2);
    const result = parseScenarioText(text);
    expect(result.ok).toBe(true);
    expect(result.text).toBe(text);
  });

  it("reports a syntax error with line:column and keeps the text", () => {
    const text = '{\n  "version": 1,\n  "title": "x",,\n}';
    expect(parseScenarioText(text)).toEqual({
      ok: false,
      errors: [{ path: "", message: "JSON syntax error at 3:16: Expected double-quoted property name" }],
      text,
    });
  });

  it("reports validation errors and keeps the text", () => {
    const input = validScenarioInput();
    input.topics[0]!.partitions = 100;
    const text = JSON.stringify(input);
    expect(parseScenarioText(text)).toEqual({
      ok: false,
      errors: [{ path: "topics[0].partitions", message: "must be ≤ 64" }],
      text,
    });
  });

  it("refuses text over 2 MB", () => {
    const text = " ".repeat(2 * 1024 * 1024 + 1);
    const result = parseScenarioText(text);
    expect(result).toEqual({
      ok: false,
      errors: [{ path: "", message: "the scenario text is 2 MB, more than the 2 MB limit" }],
      text,
    });
  });
});
