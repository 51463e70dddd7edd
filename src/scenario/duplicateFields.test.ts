import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { findDuplicateField } from "./duplicateFields";
import { parseJsonText } from "./jsonText";
import { parseScenarioText } from "./parseScenarioText";
import { decodeShareFragment } from "./shareUrl";
import { validScenarioInput } from "./testing/scenarioFixtures";

/** The fixture's text with its one record written out by hand, holding `record`. */
function scenarioTextWithRecord(record: string): string {
  const text = JSON.stringify(validScenarioInput(), null, 2);
  return text.replace(/"records": \[[^\]]*\]/, `"records": [${record}]`);
}

describe("findDuplicateField", () => {
  it("finds nothing in JSON without duplicates", () => {
    expect(findDuplicateField('{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}], "c": "\\"a\\""}')).toBeNull();
    expect(findDuplicateField("[1, 2]")).toBeNull();
  });

  it("finds the second of two equal names, with its path and both positions", () => {
    const text = '{"list": [0, {"x": 1, "y": 2, "x": 3}]}';
    expect(findDuplicateField(text)).toEqual({
      path: ["list", 1, "x"],
      field: "x",
      first: text.indexOf('"x"'),
      second: text.lastIndexOf('"x"'),
    });
  });

  it("compares names after unescaping, as JSON.parse does", () => {
    expect(findDuplicateField('{"a": 1, "\\u0061": 2}')?.field).toBe("a");
  });

  it("handles deep nesting without recursion", () => {
    const text = `${"[".repeat(100_000)}{"a":1,"a":2}${"]".repeat(100_000)}`;
    expect(findDuplicateField(text)?.path).toHaveLength(100_001);
  });
});

describe("duplicate fields in scenario text", () => {
  it("are refused with the field's path in a file or the editor", () => {
    const text = scenarioTextWithRecord('{"at": 0, "key": "alice", "value": 1, "key": "bob"}');
    const result = parseScenarioText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.path).toBe("producers[0].records[0].key");
    expect(result.errors[0]!.message).toMatch(
      /^duplicate field "key" at \d+:\d+ \(first at \d+:\d+\): JSON would keep only the last one, silently$/,
    );
  });

  it("are refused in a share link, under scenario", () => {
    const text = scenarioTextWithRecord('{"at": 0, "at": 5, "key": "alice"}');
    const result = decodeShareFragment(`#v1/${LZString.compressToEncodedURIComponent(text)}/s=0`);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual([
      "scenario.producers[0].records[0].at",
    ]);
  });

  it("leave JSON text without duplicates alone", () => {
    expect(parseJsonText('{"a": 1, "b": {"a": 2}}', "the text")).toEqual({
      ok: true,
      value: { a: 1, b: { a: 2 } },
    });
  });
});
