import { describe, expect, it } from "vitest";
import { UserFunctionError } from "../../engine/model";
import { compileExpression } from "./compileExpression";
import { RECORD, run, VARIABLES } from "./testHelpers";

describe("literals and variables", () => {
  it("evaluates number, string, boolean and null literals", () => {
    expect(run("42")).toBe(42);
    expect(run("1.5e3")).toBe(1500);
    expect(run("'single'")).toBe("single");
    expect(run('"double"')).toBe("double");
    expect(run('"tab\\there"')).toBe("tab\there");
    expect(run("true")).toBe(true);
    expect(run("false")).toBe(false);
    expect(run("null")).toBeNull();
  });

  it("builds arrays and objects, with shorthand and computed keys", () => {
    expect(run("[1, 'a', [true, null]]")).toEqual([1, "a", [true, null]]);
    expect(run('{a: 1, "b c": 2, 3: key}')).toEqual({ a: 1, "b c": 2, "3": "user-1" });
    expect(run("{topic}")).toEqual({ topic: "orders" });
    expect(run("{[key]: offset}")).toEqual({ "user-1": 7 });
  });

  it("builds a fresh object on every call", () => {
    const result = compileExpression("{a: [1]}", { variables: [] });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.fn({})).not.toBe(result.fn({}));
  });

  it("reads the variables from the context, and a missing one as null", () => {
    expect(run("key")).toBe("user-1");
    expect(run("partition + offset")).toBe(9);
    expect(run("value", { key: "k" })).toBeNull();
  });

  it("reports the source with the compiled function", () => {
    const result = compileExpression("value * 2", { variables: VARIABLES });
    expect(result).toMatchObject({ ok: true, source: "value * 2" });
  });
});

describe("arithmetic", () => {
  it("follows the usual precedence", () => {
    expect(run("1 + 2 * 3 - 4 / 2")).toBe(5);
    expect(run("(1 + 2) * 3")).toBe(9);
    expect(run("7 % 3")).toBe(1);
    expect(run("2 ** 10")).toBe(1024);
    expect(run("-offset + +2")).toBe(-5);
  });

  it("returns null instead of NaN or Infinity", () => {
    expect(run("1 / 0")).toBeNull();
    expect(run("0 / 0")).toBeNull();
    expect(run("5 % 0")).toBeNull();
    expect(run("10 ** 400")).toBeNull();
  });

  it("refuses arithmetic on non-numbers instead of coercing", () => {
    expect(() => run("value.nothing * 2")).toThrow(UserFunctionError);
    expect(() => run("value.nothing * 2")).toThrow(
      "value.nothing * 2: operator * expects numbers, got null and number",
    );
    expect(() => run("true + 1")).toThrow("operator + expects numbers or a string, got boolean and number");
    expect(() => run("-key")).toThrow("-key: operator - expects a number, got string");
    expect(() => run("+'3'")).toThrow("use num(x) to convert");
  });

  it("computes bitwise operators on 32-bit integers", () => {
    expect(run("6 & 3")).toBe(2);
    expect(run("6 | 3")).toBe(7);
    expect(run("6 ^ 3")).toBe(5);
    expect(run("1 << 4")).toBe(16);
    expect(run("-16 >> 2")).toBe(-4);
    expect(run("-1 >>> 28")).toBe(15);
    expect(run("~5")).toBe(-6);
  });
});

describe("strings", () => {
  it("concatenates with + when either side is a string", () => {
    expect(run("'id-' + offset")).toBe("id-7");
    expect(run("key + ':' + value.tags")).toBe('user-1:["a","b"]');
    expect(run("'x' + null")).toBe("xnull");
  });

  it("refuses to build strings longer than 100,000 characters", () => {
    const long = "a".repeat(60_000);
    expect(() => run("value + value", { value: long })).toThrow(
      "a string of 120,000 characters is longer than the limit of 100,000",
    );
    expect(() => run("concat(value, value)", { value: long })).toThrow(UserFunctionError);
  });
});

describe("comparison and logic", () => {
  it("compares numbers and strings", () => {
    expect(run("value.amount > 40")).toBe(true);
    expect(run("value.amount <= 41")).toBe(false);
    expect(run("'apple' < 'banana'")).toBe(true);
    expect(run("key >= 'user-1'")).toBe(true);
  });

  it("refuses to order values of different types", () => {
    expect(() => run("value.nothing < 1")).toThrow(
      "operator < expects two numbers or two strings, got null and number",
    );
  });

  it("treats == as === (no coercion)", () => {
    expect(run("'1' == 1")).toBe(false);
    expect(run("null == 0")).toBe(false);
    expect(run("offset == 7")).toBe(true);
    expect(run("offset === 7")).toBe(true);
    expect(run("offset != '7'")).toBe(true);
  });

  it("compares arrays and objects structurally", () => {
    expect(run("value.tags == ['a', 'b']")).toBe(true);
    expect(run("value.nested === {deep: 1}")).toBe(true);
    expect(run("{a: 1, b: 2} == {b: 2, a: 1}")).toBe(true);
    expect(run("{a: 1} != {a: 1, b: null}")).toBe(true);
    expect(run("[1] == {0: 1}")).toBe(false);
  });

  it("short-circuits && and || and returns an operand", () => {
    expect(run("value.nothing && value.nothing.x")).toBeNull();
    expect(run("key || value.nothing.x")).toBe("user-1");
    expect(run("0 || 'fallback'")).toBe("fallback");
    expect(run("'' && 1")).toBe("");
    expect(run("!0 && ![]")).toBe(false);
  });

  it("uses ?? only for null", () => {
    expect(run("value.missing ?? 'default'")).toBe("default");
    expect(run("0 ?? 1")).toBe(0);
    expect(run("'' ?? 1")).toBe("");
  });

  it("evaluates only the chosen branch of a conditional", () => {
    expect(run("value.amount > 10 ? 'big' : value.nothing.x")).toBe("big");
    expect(run("offset % 2 == 0 ? 'even' : 'odd'")).toBe("odd");
    expect(run("partition ? 'a' : 'b'")).toBe("a");
  });
});

describe("field reads", () => {
  it("reads fields, indices and lengths", () => {
    expect(run("value.amount")).toBe(42);
    expect(run("value['name']")).toBe("Ada");
    expect(run("value.nested.deep")).toBe(1);
    expect(run("value.tags[1]")).toBe("b");
    expect(run("value.tags.length")).toBe(2);
    expect(run("key[0]")).toBe("u");
    expect(run("key.length")).toBe(6);
    expect(run("value[key == 'user-1' ? 'name' : 'amount']")).toBe("Ada");
    expect(run("{5: 'five'}[5]")).toBe("five");
  });

  it("reads a missing field, or an index out of range, as null", () => {
    expect(run("value.missing")).toBeNull();
    expect(run("value.tags[5]")).toBeNull();
    expect(run("value.tags[-1]")).toBeNull();
    expect(run("key[100]")).toBeNull();
  });

  it("does not see inherited properties", () => {
    expect(run("value.toString")).toBeNull();
    expect(run("value.hasOwnProperty")).toBeNull();
    expect(run("value['valueOf']")).toBeNull();
  });

  it("throws a UserFunctionError when reading a field of null", () => {
    expect(() => run("value.nothing.x")).toThrow(UserFunctionError);
    expect(() => run("value.amount", { value: null })).toThrow(
      'value.amount: cannot read field "amount" of null',
    );
    expect(() => run("value.amount.cents")).toThrow('cannot read field "cents" of number');
    expect(() => run("value[0]", { value: true })).toThrow("cannot read index 0 of boolean");
  });

  it("has no named fields on arrays and strings", () => {
    expect(() => run("value.tags.first")).toThrow('cannot read field "first" of an array');
    expect(() => run("key.size")).toThrow('cannot read field "size" of a string');
  });

  it("refuses computed keys that are neither strings nor numbers", () => {
    expect(() => run("value[value.nothing]")).toThrow("a field name must be a string or a number, got null");
    expect(() => run("value[value.tags]")).toThrow("got an array");
  });

  it("short-circuits an optional chain on null", () => {
    expect(run("value.nothing?.x")).toBeNull();
    expect(run("value.nothing?.x.y.z")).toBeNull();
    expect(run("value.nothing?.[0]")).toBeNull();
    expect(run("value.nothing?.upper()")).toBeNull();
    expect(run("value?.name.upper()")).toBe("ADA");
    expect(run("value?.missing ?? 'none'")).toBe("none");
    expect(() => run("value.nothing?.x + 1")).toThrow("got null and number");
  });
});

describe("results", () => {
  it("are always JSON", () => {
    expect(run("value.missing")).toBeNull();
    expect(run("[value.missing, value.nothing]")).toEqual([null, null]);
    expect(run("{a: value.missing}")).toEqual({ a: null });
  });

  it("leave the context untouched", () => {
    const context = structuredClone(RECORD);
    run("{value, k: key, t: value.tags}", context);
    expect(context).toEqual(RECORD);
  });
});
