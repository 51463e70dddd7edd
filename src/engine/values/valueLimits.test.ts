import { describe, expect, it } from "vitest";
import { type Json, UserFunctionError } from "../model";
import {
  checkValue,
  MAX_ELEMENTS,
  MAX_STRING_LENGTH,
  MAX_VALUE_DEPTH,
  MAX_VALUE_SIZE,
  ValueLimitError,
  valueLimitProblem,
  valueSize,
} from "./valueLimits";

function nested(levels: number): Json {
  let value: Json = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

describe("valueSize", () => {
  it("counts one unit per value plus the characters of strings and field names", () => {
    expect(valueSize(null)).toBe(1);
    expect(valueSize(42)).toBe(1);
    expect(valueSize("abc")).toBe(4);
    expect(valueSize([1, "ab"])).toBe(1 + 1 + 3);
    expect(valueSize({ page: "/", n: 1 })).toBe(1 + 4 + 2 + 1 + 1);
  });

  it("counts a shared element as often as it appears", () => {
    const part = Array.from({ length: 100 }, (_, i) => i);
    expect(valueSize([part, part])).toBe(1 + 2 * 101);
  });
});

describe("value limits", () => {
  it("accepts a value at every limit", () => {
    expect(valueLimitProblem("x".repeat(MAX_STRING_LENGTH))).toBeNull();
    expect(valueLimitProblem(new Array(MAX_ELEMENTS).fill(0))).toBeNull();
    expect(valueLimitProblem(nested(MAX_VALUE_DEPTH))).toBeNull();
  });

  it("refuses a string longer than the limit", () => {
    expect(valueLimitProblem(["x".repeat(MAX_STRING_LENGTH + 1)])).toBe(
      "a string of 100,001 characters is longer than the limit of 100,000",
    );
  });

  it("refuses too many elements or fields", () => {
    expect(valueLimitProblem(new Array(MAX_ELEMENTS + 1).fill(0))).toBe(
      "an array of 100,001 elements is more than the limit of 100,000",
    );
    const wide = Object.fromEntries(Array.from({ length: MAX_ELEMENTS + 1 }, (_, i) => [`f${i}`, 0]));
    expect(valueLimitProblem(wide)).toBe("an object of 100,001 fields is more than the limit of 100,000");
  });

  it("refuses nesting deeper than the limit, also below a measured value", () => {
    expect(valueLimitProblem(nested(MAX_VALUE_DEPTH + 1))).toMatch(/nested more than 64 levels/);
    // A big value measured once (and remembered) is still too deep when wrapped again.
    let inner: Json = Array.from({ length: 40 }, (_, i) => i);
    for (let i = 0; i < MAX_VALUE_DEPTH - 1; i++) inner = [inner, i];
    expect(valueLimitProblem(inner)).toBeNull();
    expect(valueLimitProblem([inner])).toMatch(/nested more than 64 levels/);
  });

  it("refuses a value larger than the limit, stopping early on a doubling value", () => {
    let value: Json = "abcdefgh";
    for (let i = 0; i < 60; i++) value = [value, value];
    expect(valueLimitProblem(value)).toMatch(/larger than the limit of 1,000,000 units/);
    expect(MAX_VALUE_SIZE).toBe(1_000_000);
  });

  it("measures a value built from a big value at every step once per step", () => {
    // 30 chained [value, value]: each level is measured from the remembered size of the one below.
    let value: Json = Array.from({ length: 50 }, (_, i) => i);
    for (let i = 0; i < 14; i++) {
      value = [value, value];
      expect(valueLimitProblem(value)).toBeNull();
    }
    value = [value, value, value, value, value, value, value, value];
    expect(valueLimitProblem(value)).toMatch(/larger than the limit/);
  });

  it("throws a user-function error prefixed with the label", () => {
    const error = (() => {
      try {
        checkValue("x".repeat(MAX_STRING_LENGTH + 1), "value.text");
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ValueLimitError);
    expect(error).toBeInstanceOf(UserFunctionError);
    expect((error as Error).message).toBe(
      "value.text: a string of 100,001 characters is longer than the limit of 100,000",
    );
    expect(checkValue({ a: 1 }, "x")).toEqual({ a: 1 });
  });
});
