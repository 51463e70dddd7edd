import { describe, expect, it } from "vitest";
import { formatPath, prefixErrors } from "./scenarioError";

describe("formatPath", () => {
  it("prints fields with dots and indices in brackets", () => {
    expect(formatPath(["app", "topology", 2, "from"])).toBe("app.topology[2].from");
    expect(formatPath(["producers", 0, "records", 3, "partition"])).toBe("producers[0].records[3].partition");
  });

  it("prints the root as an empty string", () => {
    expect(formatPath([])).toBe("");
  });

  it("quotes field names that are not identifiers", () => {
    expect(formatPath(["value", "my field", 0])).toBe('value["my field"][0]');
    expect(formatPath(["a-b"])).toBe('["a-b"]');
  });
});

describe("prefixErrors", () => {
  it("puts paths under a prefix, the root becoming the prefix itself", () => {
    expect(
      prefixErrors("scenario", [
        { path: "", message: "a" },
        { path: "app.id", message: "b" },
        { path: '["x y"]', message: "c" },
      ]),
    ).toEqual([
      { path: "scenario", message: "a" },
      { path: "scenario.app.id", message: "b" },
      { path: 'scenario["x y"]', message: "c" },
    ]);
  });
});
