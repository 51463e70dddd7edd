import jsep from "jsep";
import { describe, expect, it } from "vitest";
import { compileExpression } from "./compileExpression";
import { MAX_DEPTH } from "./compileNode";
import { describeExpressionError, expressionErrorCaret } from "./errors";
import { MAX_SOURCE_LENGTH } from "./parse";
import { compileError } from "./testHelpers";

describe("parse errors", () => {
  it("report jsep's message at the offending character", () => {
    expect(compileError("value @ 2")).toEqual({ message: 'unexpected "@"', position: 6 });
    expect(compileError("value.x )")).toEqual({ message: 'unexpected ")"', position: 8 });
    expect(compileError("value[1")).toEqual({ message: "unclosed [", position: 7 });
    expect(compileError("upper(key")).toEqual({ message: "expected )", position: 9 });
    expect(compileError("value ? 1")).toEqual({ message: "expected :", position: 9 });
    expect(compileError("{a: 1")).toEqual({ message: "missing }", position: 5 });
  });

  it("report an expression that ends too early at its end", () => {
    expect(compileError("value.")).toEqual({ message: "unexpected end of expression", position: 6 });
    expect(compileError("1 +")).toEqual({ message: "expected expression after +", position: 3 });
    expect(compileError("'abc")).toEqual({ message: 'unclosed quote after "abc"', position: 4 });
  });

  it("reject an empty expression", () => {
    expect(compileError("")).toEqual({ message: "expression is empty", position: 0 });
    expect(compileError("   ")).toEqual({ message: "expression is empty", position: 0 });
  });

  it("reject several expressions, pointing at the second", () => {
    expect(compileError("value key")).toEqual({
      message: "unexpected text after the expression (only one expression is allowed)",
      position: 6,
    });
    expect(compileError("value; key").position).toBe(7);
    expect(compileError("(value, key)")).toEqual({
      message: "unexpected comma or semicolon (only one expression is allowed)",
      position: 8,
    });
  });

  it("reject syntax the language does not have", () => {
    expect(compileError(["`x", "{value}`"].join("$")).message).toBe('unexpected "`"');
    expect(compileError("/ab+c/").message).toBe('unexpected "/"');
    expect(compileError("value += 1").position).toBe(7);
    expect(compileError("typeof value")).toEqual({ message: '"typeof" is not supported', position: 0 });
    expect(compileError("[1, , 2]").message).toBe("empty array element");
    expect(compileError("1e999").message).toBe("number is too large");
    expect(compileError("{a: 1, ...value}").position).toBeGreaterThanOrEqual(0);
  });
});

describe("names", () => {
  it("point at an unknown name and list the allowed ones", () => {
    expect(compileError("value + vaue", ["key", "value", "timestamp"])).toEqual({
      message: 'unknown name "vaue" (allowed: key, value, timestamp)',
      position: 8,
    });
    expect(compileError("  foo", []).message).toBe('unknown name "foo" (no variables are available here)');
    expect(compileError("  foo", []).position).toBe(2);
  });

  it("point at the first occurrence in source order", () => {
    expect(compileError("upper(nope) + other").position).toBe(6);
    expect(compileError("{a: 1, b: nope}").position).toBe(10);
    expect(compileError("key ? value : [1, nope]").position).toBe(18);
    expect(compileError("value[nope]").position).toBe(6);
  });

  it("explain a function used as a value", () => {
    expect(compileError("len + 1")).toEqual({
      message: '"len" is a function: call it, e.g. len(…)',
      position: 0,
    });
  });

  it("refuse variable names that would reach Object.prototype", () => {
    expect(() => compileExpression("1", { variables: ["toString"] })).toThrow(TypeError);
    expect(() => compileExpression("1", { variables: ["__proto__"] })).toThrow(TypeError);
    expect(() => compileExpression("1", { variables: ["not a name"] })).toThrow(TypeError);
  });
});

describe("limits", () => {
  it("reject sources longer than 2,000 characters", () => {
    const source = `${"1+".repeat(1000)}1`;
    expect(source.length).toBeGreaterThan(MAX_SOURCE_LENGTH);
    expect(compileError(source)).toEqual({
      message: `expression is too long (${source.length} characters, at most 2000)`,
      position: 2000,
    });
  });

  it("reject nesting deeper than 64 levels", () => {
    expect(compileError(`${"[".repeat(70)}1${"]".repeat(70)}`)).toEqual({
      message: `expression is too deeply nested (more than ${MAX_DEPTH} levels)`,
      position: 65,
    });
    expect(compileError(`${"-".repeat(100)}1`).message).toContain("too deeply nested");
    expect(compileExpression(`${"[".repeat(MAX_DEPTH)}1${"]".repeat(MAX_DEPTH)}`, { variables: [] }).ok).toBe(
      true,
    );
  });

  it("does not count redundant parentheses as nesting", () => {
    expect(compileExpression(`${"(".repeat(999)}1${")".repeat(999)}`, { variables: [] }).ok).toBe(true);
  });
});

describe("describeExpressionError", () => {
  it("prints the 1-based position and the message on one line", () => {
    const source = "value + vaue";
    const error = compileError(source, ["key", "value", "timestamp"]);
    expect(describeExpressionError(source, error)).toBe(
      'at 9: unknown name "vaue" (allowed: key, value, timestamp)',
    );
  });

  it("clamps positions outside the source", () => {
    expect(describeExpressionError("ab", { message: "m", position: 99 })).toBe("at 3: m");
    expect(describeExpressionError("ab", { message: "m", position: -4 })).toBe("at 1: m");
  });

  it("draws a caret under the position", () => {
    expect(expressionErrorCaret("value + vaue", { message: "m", position: 8 })).toBe("        ^");
  });
});

describe("jsep", () => {
  it("is left as other users expect it: no positions on nodes, no extra operators", () => {
    const node = jsep("a.b + 1") as jsep.Expression;
    expect(node).toEqual({
      type: "BinaryExpression",
      operator: "+",
      left: {
        type: "MemberExpression",
        computed: false,
        object: { type: "Identifier", name: "a" },
        property: { type: "Identifier", name: "b" },
      },
      right: { type: "Literal", value: 1, raw: "1" },
    });
  });
});
