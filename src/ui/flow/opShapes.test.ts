import { describe, expect, it } from "vitest";
import { OP_SHAPES, shapeOf, shapePath } from "./opShapes";

describe("operator shapes", () => {
  const kinds = [
    "source",
    "map",
    "mapValues",
    "filter",
    "flatMap",
    "branch",
    "merge",
    "selectKey",
    "peek",
    "sink",
    "repartition",
    "table",
    "join",
    "joinTable",
  ];

  it("gives sources, sinks, filters, branches, merges, re-keys, repartitions, tables and joins distinct shapes", () => {
    const distinct = [
      "source",
      "sink",
      "filter",
      "branch",
      "merge",
      "selectKey",
      "repartition",
      "table",
      "join",
    ];
    expect(new Set(distinct.map(shapeOf)).size).toBe(distinct.length);
  });

  it("has a shape for every kind, and one ready for windowed aggregates and enrichment", () => {
    for (const kind of [...kinds, "windowedAggregate", "enrich"])
      expect(Object.hasOwn(OP_SHAPES, kind)).toBe(true);
    expect(shapeOf("windowedAggregate")).not.toBe(shapeOf("map"));
  });

  it("draws an unknown kind as a plain box", () => {
    expect(shapeOf("somethingNew")).toBe("box");
  });

  it("draws every shape as a closed path inside the node", () => {
    for (const shape of new Set(Object.values(OP_SHAPES))) {
      const path = shapePath(shape);
      expect(path).toMatch(/^M/);
      expect(path).toContain("Z");
      const numbers = path.match(/-?\d+(\.\d+)?/g)!.map(Number);
      for (const n of numbers) expect(n).toBeGreaterThanOrEqual(0);
    }
  });
});
