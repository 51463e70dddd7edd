/**
 * Every value an expression builds respects the value limits (engine/values/valueLimits.ts), and hostile
 * expressions fail at once instead of building enormous values.
 */
import { describe, expect, it } from "vitest";
import type { Json } from "../../engine/model";
import { ValueLimitError } from "../../engine/values/valueLimits";
import { compileExpression } from "./compileExpression";
import { run, VARIABLES } from "./testHelpers";

/** Runs `source` once per step, each time on the previous result, as a chain of mapValues would. */
function chain(source: string, steps: number, start: Json): Json {
  const compiled = compileExpression(source, { variables: VARIABLES });
  if (!compiled.ok) throw new Error(compiled.error.message);
  let value = start;
  for (let i = 0; i < steps; i++) value = compiled.fn({ key: "k", value });
  return value;
}

function failure(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ValueLimitError);
    return error as Error;
  }
  throw new Error("expected a value limit error");
}

describe("values that grow at every step", () => {
  it("stops [value, value] when the value passes the size limit", () => {
    const error = failure(() => chain("[value, value]", 30, "abcdefgh"));
    expect(error.message).toBe(
      "[value, value]: the value is larger than the limit of 1,000,000 units (about its length as JSON text)",
    );
  });

  it("stops str([value, value]) at the string limit instead of writing 30 M characters", () => {
    const error = failure(() => chain("str([value, value])", 30, 1));
    expect(error.message).toBe(
      "str([value, value]): the value's text is longer than the limit of 100,000 characters",
    );
  });

  it("stops a string doubled at every step", () => {
    expect(failure(() => chain("value + value", 30, "ab")).message).toMatch(
      /^value \+ value: a string of 131,072 characters is longer than the limit of 100,000$/,
    );
    expect(failure(() => chain("concat(value, value)", 30, "ab")).message).toMatch(/longer than the limit/);
  });

  it("stops nesting past 64 levels", () => {
    expect(failure(() => chain("{v: value}", 80, 1)).message).toBe(
      "{v: value}: the value is nested more than 64 levels deep (the limit)",
    );
  });
});

describe("built-ins that make text or compare values", () => {
  // A value of 2^40 logical elements that takes 40 arrays in memory.
  let shared: Json = "x";
  for (let i = 0; i < 40; i++) shared = [shared, shared];

  it("str, hash and + refuse a value whose text is too long", () => {
    for (const source of [
      "str(value)",
      "hash(value)",
      "'v=' + value",
      "concat('v=', value)",
      "len(str(value))",
    ]) {
      expect(failure(() => run(source, { value: shared })).message).toMatch(
        /: the value's text is longer than the limit of 100,000 characters$/,
      );
    }
  });

  it("== and contains refuse to compare values larger than the limit", () => {
    const other: Json = JSON.parse(JSON.stringify([[1, 2], [3]]));
    let twin: Json = "x";
    for (let i = 0; i < 40; i++) twin = [twin, twin];
    expect(failure(() => run("value == key", { value: shared, key: twin })).message).toMatch(
      /larger than the limit/,
    );
    expect(run("value == key", { value: shared, key: shared })).toBe(true);
    expect(run("value == key", { value: [[1, 2], [3]], key: other })).toBe(true);
    expect(failure(() => run("contains([value], key)", { value: shared, key: twin })).message).toMatch(
      /larger than the limit/,
    );
  });

  it("upper and lower refuse a result longer than the limit", () => {
    const text = "ß".repeat(60_000);
    expect(failure(() => run("upper(value)", { value: text })).message).toBe(
      "upper(value): a string of 120,000 characters is longer than the limit of 100,000",
    );
    expect(run("len(lower(value))", { value: text })).toBe(60_000);
  });

  it("refuses a result with too many elements", () => {
    const text = ",".repeat(100_000);
    expect(failure(() => run("split(value, ',')", { value: text })).message).toBe(
      "split(value, ','): an array of 100,001 elements is more than the limit of 100,000",
    );
  });

  it("leaves values within the limits alone", () => {
    expect(run("str(value)", { value: { a: [1, "x"] } })).toBe('{"a":[1,"x"]}');
    expect(run("[value, value]", { value: 1 })).toEqual([1, 1]);
  });
});
