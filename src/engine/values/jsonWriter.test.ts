import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Json } from "../model";
import { jsonTextUpTo, writeJson } from "./jsonWriter";

function whole(value: Json | undefined): string {
  let text = "";
  writeJson(value, (piece) => {
    text += piece;
    return true;
  });
  return text;
}

const json = fc.jsonValue() as fc.Arbitrary<Json>;

describe("writeJson", () => {
  it("writes exactly JSON.stringify's text", () => {
    fc.assert(fc.property(json, (value) => whole(value) === JSON.stringify(value)));
    expect(whole({ b: 1, a: [true, null, "x\n\u2028😀"], 2: -0, 1: 1e21 })).toBe(
      JSON.stringify({ b: 1, a: [true, null, "x\n\u2028😀"], 2: -0, 1: 1e21 }),
    );
    expect(whole(undefined)).toBe("null");
  });

  it("escapes a lone surrogate as JSON.stringify does", () => {
    expect(whole(["\ud800", { "\udc00": "a\ud83d" }])).toBe(
      JSON.stringify(["\ud800", { "\udc00": "a\ud83d" }]),
    );
  });

  it("writes a deeply nested value without overflowing the stack", () => {
    let deep: Json = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsonTextUpTo(deep, 5)).toBe("[[[[[[");
  });
});

describe("jsonTextUpTo", () => {
  it("gives the whole text when it fits, else a longer prefix of it", () => {
    fc.assert(
      fc.property(json, fc.nat(80), (value, max) => {
        const full = JSON.stringify(value);
        const text = jsonTextUpTo(value, max);
        if (full.length <= max) return text === full;
        return text.length > max && full.startsWith(text);
      }),
    );
  });

  it("never splits a surrogate pair at the cut", () => {
    const value = ["😀😀😀😀"];
    for (let max = 0; max < 12; max++) {
      const text = jsonTextUpTo(value, max);
      expect(JSON.stringify(value).startsWith(text)).toBe(true);
    }
  });

  it("stops early on a value whose text would be enormous", () => {
    // 2^40 elements when written out: the same array shared at every level.
    let value: Json = "x".repeat(1000);
    for (let i = 0; i < 40; i++) value = [value, value];
    const text = jsonTextUpTo(value, 60);
    expect(text.length).toBeGreaterThan(60);
    expect(text.length).toBeLessThan(2000);
    expect(text.startsWith('[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["xxx')).toBe(true);
  });
});
