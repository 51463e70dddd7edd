import { describe, expect, it } from "vitest";
import type { Flight } from "../../app/flight";
import { flightPolyline, pointAlong } from "./flightPath";
import { type Box, flowId } from "./layoutTopology";
import { LANE_TAIL_INSET, laneCentreY } from "./nodeMetrics";

const boxes = new Map<string, Box>([
  [flowId.producer("shop"), { x: 10, y: 0, width: 100, height: 40 }],
  [flowId.topic("orders"), { x: 0, y: 80, width: 200, height: 120 }],
  [flowId.node("in"), { x: 300, y: 100, width: 120, height: 60 }],
  [flowId.node("keep"), { x: 500, y: 100, width: 120, height: 60 }],
]);

function flight(path: Flight["path"], outcome: Flight["outcome"] = "moved"): Flight {
  return { reprocessed: false, step: 0, record: 0, key: "k", resultKey: "k", path, outcome };
}

describe("flight paths", () => {
  it("runs from a producer's bottom edge into the slot at the end of its lane", () => {
    const points = flightPolyline(
      flight([
        { kind: "producer", id: "shop" },
        { kind: "partition", topic: "orders", partition: 1, end: "tail" },
      ]),
      boxes,
    );
    expect(points[0]).toEqual({ x: 60, y: 40 });
    expect(points.at(-1)).toEqual({ x: 200 - LANE_TAIL_INSET, y: 80 + laneCentreY(1) });
  });

  it("leaves a lane from its right end and stops at the door of the node", () => {
    const points = flightPolyline(
      flight([
        { kind: "partition", topic: "orders", partition: 0, end: "head" },
        { kind: "node", id: "in" },
      ]),
      boxes,
    );
    expect(points[0]).toEqual({ x: 200, y: 80 + laneCentreY(0) });
    const end = points.at(-1)!;
    expect(end.x).toBeLessThan(300);
    expect(end.y).toBe(130);
    // Monotonic in x: the record never goes backwards along a left-to-right edge.
    for (let i = 1; i < points.length; i++) expect(points[i]!.x).toBeGreaterThanOrEqual(points[i - 1]!.x);
  });

  it("passes straight through a node in the middle of the path", () => {
    const points = flightPolyline(
      flight([
        { kind: "node", id: "in" },
        { kind: "node", id: "keep" },
        { kind: "partition", topic: "orders", partition: 0, end: "tail" },
      ]),
      boxes,
    );
    expect(points).toContainEqual({ x: 500, y: 130 });
    expect(points).toContainEqual({ x: 620, y: 130 });
  });

  it("stays in one place for a record appended to a lane", () => {
    const points = flightPolyline(
      flight([{ kind: "partition", topic: "orders", partition: 0, end: "tail" }], "appended"),
      boxes,
    );
    expect(points).toHaveLength(1);
  });

  it("has no path when an anchor is not on the canvas", () => {
    expect(flightPolyline(flight([{ kind: "node", id: "gone" }]), boxes)).toEqual([]);
  });

  it("finds points by fraction of the path's length", () => {
    const line = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 30 },
    ];
    expect(pointAlong(line, 0)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(line, 0.5)).toEqual({ x: 10, y: 10 });
    expect(pointAlong(line, 1)).toEqual({ x: 10, y: 30 });
  });
});
