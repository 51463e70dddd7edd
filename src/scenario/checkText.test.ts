import { describe, expect, it } from "vitest";
import { checkText, textProblem, visibleText } from "./checkText";
import { validScenarioInput } from "./testing/scenarioFixtures";
import { validateScenario } from "./validate";

function errorsOf(input: unknown) {
  const result = validateScenario(input);
  return result.ok ? [] : result.errors;
}

describe("lone surrogates", () => {
  it("are refused anywhere, at their path", () => {
    const input = validScenarioInput();
    input.title = "Clicks \ud83d";
    input.producers[0]!.records = [{ at: 0, key: "alice", value: { page: "/\udc00" } }];
    expect(errorsOf(input)).toEqual([
      {
        path: "title",
        message:
          "the text holds half of a surrogate pair (\\uD83D at character 8), which is not text: UTF-8 cannot encode it",
      },
      {
        path: "producers[0].records[0].value.page",
        message:
          "the text holds half of a surrogate pair (\\uDC00 at character 2), which is not text: UTF-8 cannot encode it",
      },
    ]);
  });

  it("accept whole surrogate pairs", () => {
    expect(textProblem("😀 ok", false)).toBeNull();
    const input = validScenarioInput();
    input.producers[0]!.records = [{ at: 0, key: "😀", value: "😀" }];
    expect(errorsOf(input)).toEqual([]);
  });
});

describe("bidirectional controls", () => {
  it("are refused in record keys, where two keys would look equal", () => {
    const input = validScenarioInput();
    input.producers[0]!.records = [{ at: 0, key: "alice\u202e", value: 1 }];
    expect(errorsOf(input)).toEqual([
      {
        path: "producers[0].records[0].key",
        message:
          "the text holds the bidirectional control character U+202E (RIGHT-TO-LEFT OVERRIDE) at character 6: in names, keys and expressions it makes text read differently from what it is",
      },
    ]);
  });

  it("are refused in expressions (Trojan Source)", () => {
    const input = validScenarioInput();
    input.app.topology[1]!.value = "value.page + '\u2067x\u2069'";
    expect(errorsOf(input).map((e) => e.path)).toEqual(["app.topology[1].value"]);
  });

  it("are refused in field names, even inside a record value", () => {
    const input = validScenarioInput();
    input.producers[0]!.records = [{ at: 0, key: "a", value: { "\u200fpage": "/" } }];
    expect(errorsOf(input)).toEqual([
      {
        path: "producers[0].records[0].value",
        message:
          'the field name "\\u200Fpage" holds the bidirectional control character U+200F (RIGHT-TO-LEFT MARK) at character 1: in names, keys and expressions it makes text read differently from what it is',
      },
    ]);
  });

  it("are allowed in the title, the description and the text of record values", () => {
    const input = validScenarioInput();
    input.title = "\u200fשלום";
    input.description = "mixed \u2067עברית\u2069 text";
    input.producers[0]!.records = [{ at: 0, key: "a", value: { note: "\u202bمرحبا\u202c" } }];
    expect(errorsOf(input)).toEqual([]);
  });

  it("stop after 200 errors", () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `k${i}\u202e`);
    expect(checkText({ keys })).toHaveLength(200);
  });
});

describe("visibleText", () => {
  it("escapes everything outside printable ASCII", () => {
    expect(visibleText('a"\u202eb\\')).toBe('"a\\"\\u202Eb\\\\"');
  });
});
