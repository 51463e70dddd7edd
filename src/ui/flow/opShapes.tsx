/**
 * Each operator kind's outline, so a node is recognisable by its shape as well as by its icon and colour: a source
 * is rounded where records come in, a sink where they leave, a filter narrows, a branch points out and a merge in,
 * a join is a hexagon, a table a cylinder. Kinds map to shapes by name: a new kind is one more entry.
 */
import { OPERATOR_SIZE } from "./nodeMetrics";

export type OpShapeName =
  | "intake"
  | "outlet"
  | "box"
  | "funnel"
  | "fan"
  | "fork"
  | "gather"
  | "tag"
  | "dashed"
  | "shuffle"
  | "cylinder"
  | "hexagon"
  | "window"
  | "octagon";

/** The shape of each operator kind; a kind not listed is a plain box. */
export const OP_SHAPES: Readonly<Record<string, OpShapeName>> = {
  source: "intake",
  sink: "outlet",
  map: "box",
  mapValues: "box",
  filter: "funnel",
  flatMap: "fan",
  flatMapValues: "fan",
  branch: "fork",
  merge: "gather",
  selectKey: "tag",
  peek: "dashed",
  repartition: "shuffle",
  table: "cylinder",
  join: "hexagon",
  joinTable: "hexagon",
  windowedAggregate: "window",
  enrich: "octagon",
};

export function shapeOf(op: string): OpShapeName {
  return OP_SHAPES[op] ?? "box";
}

const W = OPERATOR_SIZE.width;
const H = OPERATOR_SIZE.height;
/** Half the stroke, so the outline stays inside the node's box. */
const I = 1.5;
const R = 9;

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): string {
  return `M${x0 + r},${y0} H${x1 - r} Q${x1},${y0} ${x1},${y0 + r} V${y1 - r} Q${x1},${y1} ${x1 - r},${y1} H${x0 + r} Q${x0},${y1} ${x0},${y1 - r} V${y0 + r} Q${x0},${y0} ${x0 + r},${y0} Z`;
}

/** The outline of `shape` in a box of the operator's size, as SVG path data. */
export function shapePath(shape: OpShapeName): string {
  const x0 = I;
  const y0 = I;
  const x1 = W - I;
  const y1 = H - I;
  const mid = H / 2;
  const cap = (y1 - y0) / 2;
  switch (shape) {
    case "intake":
      return `M${x0 + cap},${y0} H${x1 - R} Q${x1},${y0} ${x1},${y0 + R} V${y1 - R} Q${x1},${y1} ${x1 - R},${y1} H${x0 + cap} A${cap},${cap} 0 0 1 ${x0 + cap},${y0} Z`;
    case "outlet":
      return `M${x0 + R},${y0} H${x1 - cap} A${cap},${cap} 0 0 1 ${x1 - cap},${y1} H${x0 + R} Q${x0},${y1} ${x0},${y1 - R} V${y0 + R} Q${x0},${y0} ${x0 + R},${y0} Z`;
    case "funnel":
      return `M${x0},${y0} H${x1 - 14} L${x1},${y0 + 12} V${y1 - 12} L${x1 - 14},${y1} H${x0} Z`;
    case "fan":
      return `M${x0 + R},${y0} H${x1 - 8} L${x1},${y0 + 8} M${x1 - 8},${y0} V${y1} M${x1},${y0 + 8} V${y1 - 8} L${x1 - 8},${y1} H${x0 + R} Q${x0},${y1} ${x0},${y1 - R} V${y0 + R} Q${x0},${y0} ${x0 + R},${y0} Z`;
    case "fork":
      return `M${x0},${y0} H${x1 - 16} L${x1},${mid} L${x1 - 16},${y1} H${x0} Z`;
    case "gather":
      return `M${x0},${y0} H${x1} V${y1} H${x0} L${x0 + 16},${mid} Z`;
    case "tag":
      return `M${x0 + 12},${y0} H${x1} V${y1} H${x0 + 12} L${x0},${mid} Z`;
    case "shuffle":
      return `${roundedRect(x0, y0, x1, y1, 4)} M${x0 + 5},${y0 + 5} H${x1 - 5} V${y1 - 5} H${x0 + 5} Z`;
    case "cylinder":
      return `M${x0},${y0 + 8} A${(x1 - x0) / 2},8 0 0 1 ${x1},${y0 + 8} V${y1 - 8} A${(x1 - x0) / 2},8 0 0 1 ${x0},${y1 - 8} Z M${x0},${y0 + 8} A${(x1 - x0) / 2},8 0 0 0 ${x1},${y0 + 8}`;
    case "hexagon":
      return `M${x0 + 14},${y0} H${x1 - 14} L${x1},${mid} L${x1 - 14},${y1} H${x0 + 14} L${x0},${mid} Z`;
    case "window":
      return `${roundedRect(x0, y0, x1, y1, 3)} M${x1 - 18},${y0} V${y0 + 12} H${x1}`;
    case "octagon":
      return `M${x0 + 12},${y0} H${x1 - 12} L${x1},${y0 + 12} V${y1 - 12} L${x1 - 12},${y1} H${x0 + 12} L${x0},${y1 - 12} V${y0 + 12} Z`;
    case "box":
    case "dashed":
      return roundedRect(x0, y0, x1, y1, R);
    default: {
      const unknown: never = shape;
      return unknown;
    }
  }
}

/** The outline behind an operator's content. */
export function OpShape({ op }: { op: string }) {
  const shape = shapeOf(op);
  return (
    <svg
      className={`op-shape shape-${shape}`}
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      aria-hidden="true"
      data-shape={shape}
    >
      <path d={shapePath(shape)} strokeDasharray={shape === "dashed" ? "6 4" : undefined} />
    </svg>
  );
}
