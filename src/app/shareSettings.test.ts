import { describe, expect, it } from "vitest";
import { formatShareSettings, parseShareSettings } from "./shareSettings";

describe("view settings in a share link", () => {
  it("leaves the defaults out", () => {
    expect(formatShareSettings({ view: "logical", record: null })).toEqual({});
  });

  it("writes the physical view and the selected record", () => {
    expect(formatShareSettings({ view: "physical", record: 17 })).toEqual({ v: "physical", r: "17" });
  });

  it("reads back what it writes", () => {
    for (const settings of [
      { view: "physical" as const, record: 0 },
      { view: "logical" as const, record: 42 },
      { view: "physical" as const, record: null },
    ])
      expect(parseShareSettings(formatShareSettings(settings))).toEqual(settings);
  });

  it("ignores values it does not know, keeping the rest", () => {
    expect(parseShareSettings({ v: "3d", r: "12" })).toEqual({ view: "logical", record: 12 });
    expect(parseShareSettings({ v: "physical", r: "-1" })).toEqual({ view: "physical", record: null });
    expect(parseShareSettings({ r: "1e3" })).toEqual({ view: "logical", record: null });
    expect(parseShareSettings({ r: "12345678901234" })).toEqual({ view: "logical", record: null });
    expect(parseShareSettings({ v: "__proto__", r: "" })).toEqual({ view: "logical", record: null });
    expect(parseShareSettings(undefined)).toEqual({ view: "logical", record: null });
  });
});
