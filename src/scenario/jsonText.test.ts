import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonSyntaxError, lineAndColumn, parseJsonText, utf8ByteLength } from "./jsonText";

describe("parseJsonText", () => {
  it("locates an error V8 gives a position for, as line:column", () => {
    const result = parseJsonText('{\n  "a": 1,\n  "b" 2}', "the text");
    expect(result.ok).toBe(false);
    // The reason is the engine's own wording (V8: "Unexpected number"); the location is ours.
    expect(!result.ok && result.message).toMatch(/^JSON syntax error at 3:7: \S/);
  });

  it("locates an error V8 gives no position for (a trailing comma)", () => {
    expect(parseJsonText('{\n  "topics": [1, 2,]\n}', "the text")).toEqual({
      ok: false,
      message: "JSON syntax error at 2:19: Unexpected token ']'",
    });
  });

  it("places an unexpected end at the end of the text", () => {
    expect(parseJsonText('{"a": [1', "the text")).toEqual({
      ok: false,
      message: "JSON syntax error at 1:9: Expected ',' or ']' after array element",
    });
  });

  it("finds the position itself when the engine's message has none", () => {
    // V8 says only "Unexpected end of JSON input" here.
    expect(parseJsonText('{\n  "a": ', "the text")).toEqual({
      ok: false,
      message: "JSON syntax error at 2:8: Unexpected end of JSON input",
    });
  });

  it("refuses text over 2 MB before parsing it", () => {
    const text = `"${"é".repeat(1_100_000)}"`;
    expect(parseJsonText(text, "the scenario text")).toEqual({
      ok: false,
      message: "the scenario text is 2.1 MB, more than the 2 MB limit",
    });
  });

  it("ignores a byte-order mark", () => {
    expect(parseJsonText('\uFEFF{"a": 1}', "the text")).toEqual({ ok: true, value: { a: 1 } });
  });
});

describe("findJsonSyntaxError", () => {
  it("agrees with JSON.parse about what is valid", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.json().map((s) => s.slice(0, -1)),
          fc.string({
            unit: fc.constantFrom(
              "{",
              "}",
              "[",
              "]",
              ",",
              ":",
              '"',
              "1",
              "-",
              "e",
              ".",
              " ",
              "a",
              "\\",
              "n",
              "u",
            ),
          }),
        ),
        (text) => {
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          expect(findJsonSyntaxError(text) === null).toBe(valid);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("finds the same position V8 reports when it reports one", () => {
    for (const text of [
      '{"a": 1,}x',
      '{"a":1}}',
      "[1, 2",
      '{"a" 2}',
      '"\\x"',
      "[01]",
      "[1.]",
      "[-]",
      '{"a":"x\ny"}',
    ]) {
      let reported: number | undefined;
      try {
        JSON.parse(text);
      } catch (error) {
        const match = / at position (\d+)/.exec((error as Error).message);
        reported = match === null ? undefined : Number(match[1]);
      }
      if (reported !== undefined) expect([text, findJsonSyntaxError(text)]).toEqual([text, reported]);
    }
  });

  it("copes with deep nesting without recursion", () => {
    expect(findJsonSyntaxError(`${"[".repeat(500_000)}${"]".repeat(500_000)}`)).toBeNull();
    expect(findJsonSyntaxError("[".repeat(500_000))).toBe(500_000);
  });
});

describe("lineAndColumn and utf8ByteLength", () => {
  it("counts lines and 1-based columns", () => {
    expect(lineAndColumn("ab\ncd\nef", 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn("ab", 0)).toEqual({ line: 1, column: 1 });
  });

  it("measures UTF-8 like TextEncoder", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
      }),
    );
  });
});
