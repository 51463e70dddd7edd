import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Json } from "../../engine/model";
import { UserFunctionError } from "../../engine/model";
import { compileExpression } from "./compileExpression";
import { isJson, RECORD, VARIABLES } from "./testHelpers";

function compiled(source: string, variables: readonly string[]) {
  const result = compileExpression(source, { variables });
  if (!result.ok) throw new Error(result.error.message);
  return result.fn;
}

/** Compiles and runs `source`: it must compile to a result and then return JSON or throw a UserFunctionError. */
function behaves(source: string, contexts: Record<string, unknown>[]): void {
  const result = compileExpression(source, { variables: VARIABLES });
  expect(typeof result.ok).toBe("boolean");
  if (!result.ok) {
    expect(typeof result.error.message).toBe("string");
    expect(result.error.position).toBeGreaterThanOrEqual(0);
    expect(result.error.position).toBeLessThanOrEqual(source.length);
    return;
  }
  for (const context of contexts) {
    try {
      expect(isJson(result.fn(context))).toBe(true);
    } catch (error) {
      if (!(error instanceof UserFunctionError)) throw error;
    }
  }
}

const CONTEXTS: Record<string, unknown>[] = [
  RECORD,
  { key: null, value: null, timestamp: 0, partition: 0, offset: 0, topic: "" },
  { key: "k", value: [1, "two", { three: 3 }], timestamp: -1, partition: 1, offset: 2, topic: "t" },
];

const TOKENS = [
  "value",
  "key",
  "offset",
  ".",
  "?.",
  "[",
  "]",
  "(",
  ")",
  "{",
  "}",
  ",",
  ":",
  "?",
  "+",
  "-",
  "*",
  "/",
  "%",
  "**",
  "==",
  "!=",
  "<",
  ">=",
  "&&",
  "||",
  "??",
  "!",
  "~",
  "&",
  ">>>",
  "1",
  "0",
  "-1",
  "2.5",
  "'a'",
  '"x"',
  "''",
  "true",
  "null",
  "amount",
  "tags",
  "length",
  "constructor",
  "__proto__",
  "upper",
  "len",
  "concat",
  "hash",
  "if",
  "str",
  "num",
  "contains",
  "split",
  "substring",
  "min",
  "this",
  "new",
  "=>",
  "=",
  ";",
];

describe("properties", () => {
  it("computes a * 2 + b like JavaScript for random integers", () => {
    const fn = compiled("a * 2 + b", ["a", "b"]);
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, b) => {
        expect(fn({ a, b })).toBe(a * 2 + b);
      }),
    );
  });

  it("divides doubles like JavaScript, with null for non-finite results", () => {
    const fn = compiled("a / b", ["a", "b"]);
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        const expected = a / b;
        expect(fn({ a, b })).toBe(Number.isFinite(expected) ? expected : null);
      }),
    );
  });

  it("filters like JavaScript for value % 3 != 0", () => {
    const fn = compiled("value % 3 != 0", ["value"]);
    fc.assert(
      fc.property(fc.integer(), (value) => {
        expect(fn({ value })).toBe(value % 3 !== 0);
      }),
    );
  });

  it("returns any JSON value unchanged, equal to itself, and hashes it to a 32-bit unsigned integer", () => {
    const identity = compiled("value", ["value"]);
    const selfEqual = compiled("value == value && [value] == [value] && {a: value} == {a: value}", ["value"]);
    const hash = compiled("hash(value)", ["value"]);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = value as Json;
        expect(identity({ value: json })).toBe(json);
        expect(selfEqual({ value: json })).toBe(true);
        const h = hash({ value: json });
        expect(Number.isInteger(h) && (h as number) >= 0 && (h as number) < 2 ** 32).toBe(true);
      }),
    );
  });

  it("never throws anything but results and UserFunctionErrors for random printable text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (source) => behaves(source, CONTEXTS)),
      { numRuns: 2000 },
    );
  });

  it("never throws anything but results and UserFunctionErrors for random token sequences", () => {
    const sources = fc
      .array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 16 })
      .chain((tokens) => fc.constantFrom(tokens.join(""), tokens.join(" ")));
    fc.assert(
      fc.property(sources, (source) => behaves(source, CONTEXTS)),
      { numRuns: 3000 },
    );
  });
});
