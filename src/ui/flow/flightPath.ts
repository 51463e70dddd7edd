/**
 * Turns a flight's anchors into a path in flow coordinates: the same bezier curves React Flow draws for the edges
 * between them (right handle → left handle), straight through any node the record passes, sampled into a polyline
 * so a point can be placed at any fraction of the path's length.
 */
import type { Anchor, Flight } from "../../app/flight";
import { type Box, flowId } from "./layoutTopology";
import { LANE_TAIL_INSET, laneCentreY } from "./nodeMetrics";

export interface Point {
  x: number;
  y: number;
}

/** Which side of a node a path leaves or enters by; React Flow bends its edges away from that side. */
export type Side = "left" | "right" | "top" | "bottom";

interface Ports {
  in: Point;
  out: Point;
  inSide: Side;
  outSide: Side;
}

/** How far before a node's left edge a record that arrives there stops, in flow units ("at its door"). */
const DOOR = 11;
const SAMPLES_PER_CURVE = 20;

function boxOf(anchor: Anchor, boxes: Map<string, Box>): Box | undefined {
  switch (anchor.kind) {
    case "producer":
      return boxes.get(flowId.producer(anchor.id));
    case "node":
      // The physical view has a copy per task; the logical view one node.
      return (
        (anchor.task === undefined ? undefined : boxes.get(flowId.copy(anchor.id, anchor.task))) ??
        boxes.get(flowId.node(anchor.id))
      );
    case "partition":
      return boxes.get(flowId.topic(anchor.topic));
    default: {
      const unknown: never = anchor;
      return unknown;
    }
  }
}

export function portsOf(anchor: Anchor, boxes: Map<string, Box>): Ports | null {
  const box = boxOf(anchor, boxes);
  if (!box) return null;
  if (anchor.kind === "partition") {
    const y = box.y + laneCentreY(anchor.partition);
    const x = anchor.end === "tail" ? box.x + box.width - LANE_TAIL_INSET : box.x + box.width;
    return { in: { x, y }, out: { x, y }, inSide: "left", outSide: "right" };
  }
  const y = box.y + box.height / 2;
  if (anchor.kind === "producer") {
    // Producers sit above their topic and write downwards into it.
    const bottom = { x: box.x + box.width / 2, y: box.y + box.height };
    return { in: bottom, out: bottom, inSide: "top", outSide: "bottom" };
  }
  return { in: { x: box.x, y }, out: { x: box.x + box.width, y }, inSide: "left", outSide: "right" };
}

/** React Flow's bezier control offset (`calculateControlOffset` with curvature 0.25). */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

/** React Flow's `getControlWithCurvature`: the control point of an edge end at `at` on `side`, heading to `other`. */
function control(side: Side, at: Point, other: Point): Point {
  switch (side) {
    case "left":
      return { x: at.x - controlOffset(at.x - other.x), y: at.y };
    case "right":
      return { x: at.x + controlOffset(other.x - at.x), y: at.y };
    case "top":
      return { x: at.x, y: at.y - controlOffset(at.y - other.y) };
    case "bottom":
      return { x: at.x, y: at.y + controlOffset(other.y - at.y) };
    default: {
      const unknown: never = side;
      return unknown;
    }
  }
}

function cubic(from: Point, fromSide: Side, to: Point, toSide: Side, into: Point[]): void {
  const c1 = control(fromSide, from, to);
  const c2 = control(toSide, to, from);
  for (let i = 1; i <= SAMPLES_PER_CURVE; i++) {
    const t = i / SAMPLES_PER_CURVE;
    const u = 1 - t;
    into.push({
      x: u * u * u * from.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * to.x,
      y: u * u * u * from.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * to.y,
    });
  }
}

/** The flight's path as a polyline in flow coordinates; one point for a flight that stays in place. */
export function flightPolyline(flight: Flight, boxes: Map<string, Box>): Point[] {
  const ports = flight.path.map((a) => portsOf(a, boxes));
  if (ports.some((p) => p === null)) return [];
  const resolved = ports as Ports[];
  const first = resolved[0]!;
  if (resolved.length === 1) return [flight.path[0]!.kind === "producer" ? first.out : first.in];
  const points: Point[] = [first.out];
  for (let i = 1; i < resolved.length; i++) {
    const from = resolved[i - 1]!;
    const at = resolved[i]!;
    // From a producer above the topic, a record drops into its lane from the top.
    const inSide = flight.path[i - 1]!.kind === "producer" ? "top" : at.inSide;
    cubic(points[points.length - 1]!, from.outSide, at.in, inSide, points);
    const last = i === resolved.length - 1;
    if (!last) points.push(at.out);
    else if (flight.path[i]!.kind === "node") {
      const door = { x: at.in.x - DOOR, y: at.in.y };
      // End on the curve just before the node rather than on its border.
      while (points.length > 1 && points[points.length - 1]!.x > door.x) points.pop();
      points.push(door);
    }
  }
  return points;
}

/** The point at `progress` (0..1) of the polyline's length. */
export function pointAlong(points: readonly Point[], progress: number): Point {
  if (points.length === 0) return { x: 0, y: 0 };
  if (points.length === 1 || progress <= 0) return points[0]!;
  let total = 0;
  for (let i = 1; i < points.length; i++) total += distance(points[i - 1]!, points[i]!);
  let remaining = Math.min(1, progress) * total;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const d = distance(a, b);
    if (remaining <= d && d > 0) {
      const f = remaining / d;
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
    }
    remaining -= d;
  }
  return points[points.length - 1]!;
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}
