import { describe, expect, it } from "vitest";
import { formatShareSettings, parseShareSettings, type ShareSettings } from "./shareSettings";

const settings = (s: Partial<ShareSettings>): ShareSettings => ({
  view: "logical",
  record: null,
  operator: null,
  ...s,
});

describe("view settings in a share link", () => {
  it("leaves the defaults out", () => {
    expect(formatShareSettings(settings({}))).toEqual({});
  });

  it("writes the physical view, the selected record and the selected operator", () => {
    expect(formatShareSettings(settings({ view: "physical", record: 17 }))).toEqual({
      v: "physical",
      r: "17",
    });
    expect(formatShareSettings(settings({ operator: "count@0_1" }))).toEqual({ n: "count@0_1" });
  });

  it("reads back what it writes", () => {
    for (const s of [
      settings({ view: "physical", record: 0 }),
      settings({ record: 42 }),
      settings({ view: "physical" }),
      settings({ operator: "count" }),
      settings({ view: "physical", operator: "agg@1_2" }),
    ])
      expect(parseShareSettings(formatShareSettings(s))).toEqual(s);
  });

  it("ignores values it does not know, keeping the rest", () => {
    expect(parseShareSettings({ v: "3d", r: "12" })).toEqual(settings({ record: 12 }));
    expect(parseShareSettings({ v: "physical", r: "-1" })).toEqual(settings({ view: "physical" }));
    expect(parseShareSettings({ r: "1e3" })).toEqual(settings({}));
    expect(parseShareSettings({ r: "12345678901234" })).toEqual(settings({}));
    expect(parseShareSettings({ v: "__proto__", r: "" })).toEqual(settings({}));
    expect(parseShareSettings(undefined)).toEqual(settings({}));
  });

  it("keeps an operator reference as written, for the store to resolve, cut to a bounded length", () => {
    expect(parseShareSettings({ n: "no such node!" }).operator).toBe("no such node!");
    expect(parseShareSettings({ n: "" }).operator).toBeNull();
    expect(parseShareSettings({ n: "x".repeat(5000) }).operator).toHaveLength(200);
  });
});
