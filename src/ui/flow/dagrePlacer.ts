/**
 * The layered layout of the canvas: dagre, left to right. Its own module, loaded on demand (`layoutPlacer.ts`): the
 * first screen's lesson comes with its places, so the first download does without the layout library.
 */
import dagre from "@dagrejs/dagre";
import type { LayoutPlacer } from "./layoutTopology";

export const dagrePlacer: LayoutPlacer = (graph) => {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "LR", nodesep: 28, ranksep: 30, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: node.width, height: node.height });
  for (const e of graph.edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const centres = new Map<string, { x: number; y: number }>();
  for (const node of graph.nodes) {
    const laid = g.node(node.id) as { x: number; y: number };
    centres.set(node.id, { x: laid.x, y: laid.y });
  }
  return centres;
};
