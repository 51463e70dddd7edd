import { describe, expect, it } from "vitest";
import { compactJson } from "./compactJson";

describe("compactJson", () => {
  it("shouldKeepShortObjectsOnOneLine", () => {
    expect(compactJson({ a: 1, b: [1, 2] })).toBe('{"a":1,"b":[1,2]}');
  });

  it("shouldBreakLongContainersAndKeepTheirShortChildrenInline", () => {
    const value = {
      records: [
        { offset: 0, key: "alice" },
        { offset: 1, key: "bob" },
      ],
      title: "t",
    };
    expect(compactJson(value, 30)).toBe(
      '{\n  "records": [\n    {"offset":0,"key":"alice"},\n    {"offset":1,"key":"bob"}\n  ],\n  "title": "t"\n}',
    );
  });

  it("shouldParseBackToTheSameValue", () => {
    const value = {
      a: [[], {}, null, "x\ny", { deep: { deeper: [1, 2, 3, { k: "v".repeat(50) }] } }],
      b: undefined,
    };
    expect(JSON.parse(compactJson(value, 20))).toEqual(JSON.parse(JSON.stringify(value)));
  });
});
