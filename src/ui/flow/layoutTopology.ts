/**
 * Lays a simulation's topology out left to right: input topics, the operators, and the topics the sinks write,
 * placed in ranks by a layered layout (`LayoutPlacer`: dagre, `dagrePlacer.ts`, loaded on demand); each topic's
 * producers sit just above it (outside the ranks, so they cost no width). The layout depends only on the graph, so
 * it is computed once per simulation and the canvas never moves while stepping.
 */
import { type Edge, MarkerType, type Node, type NodeHandle, Position } from "@xyflow/react";
import type { OperatorKind, Simulation } from "../../engine";
import {
  LANES_SHOWN,
  laneCentreY,
  laneSlot,
  OPERATOR_SIZE,
  PRODUCER_GAP,
  PRODUCER_SIZE,
  TOPIC_WIDTH,
  topicHeight,
} from "./nodeMetrics";

export interface OperatorNodeData extends Record<string, unknown> {
  nodeId: string;
  op: OperatorKind;
  /** In the physical view: the task this copy of the node runs in. */
  task?: string;
}
export interface InstanceGroupData extends Record<string, unknown> {
  /** `instance-<n>`, or null for the tasks nobody owns. */
  instance: string | null;
  /** For its colour (-1: unassigned). */
  index: number;
  running: boolean;
  stopped: "crashed" | "left" | "notStarted" | null;
  /** How many tasks it holds. */
  tasks: number;
}
export interface TaskGroupData extends Record<string, unknown> {
  task: string;
}
export interface TopicNodeData extends Record<string, unknown> {
  topic: string;
  partitions: number;
  role: "input" | "output" | "intermediate";
  /** A repartition topic the application created. */
  internal: boolean;
}
export interface ProducerNodeData extends Record<string, unknown> {
  producerId: string;
  topic: string;
}

export type LabNode =
  | Node<OperatorNodeData, "operator">
  | Node<TopicNodeData, "topic">
  | Node<ProducerNodeData, "producer">
  | Node<InstanceGroupData, "instance">
  | Node<TaskGroupData, "task">;

/** A node's box in flow coordinates (top-left corner and size). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TopologyLayout {
  nodes: LabNode[];
  edges: Edge[];
  /** Boxes by React Flow node id: `node:<id>`, `topic:<name>`, `producer:<id>`. */
  boxes: Map<string, Box>;
}

export const flowId = {
  node: (id: string) => `node:${id}`,
  topic: (name: string) => `topic:${name}`,
  producer: (id: string) => `producer:${id}`,
  /** The physical view's copy of node `id` in task `task`. */
  copy: (id: string, task: string) => `node:${id}@${task}`,
  instance: (name: string | null) => `instance:${name ?? "-"}`,
  task: (id: string) => `task:${id}`,
};

/** The id of a topic node's source handle at lane `partition`'s slot (`laneSlot`: lanes past the shown ones share one). */
export const laneHandle = (partition: number) => `p${laneSlot(partition)}`;

/** The slots a topic of `partitions` partitions has handles at: one per shown lane, and one below a list that scrolls. */
export function laneSlots(partitions: number): number[] {
  return Array.from({ length: Math.min(partitions, LANES_SHOWN + 1) }, (_, slot) => slot);
}

type EdgeKind = "read" | "write" | "stream";

export function edge(source: string, target: string, kind: EdgeKind, label?: string): Edge {
  return {
    id: `${source}->${target}${label ? `.${label}` : ""}`,
    source,
    target,
    ...(target.startsWith("topic:")
      ? { targetHandle: kind === "write" && source.startsWith("producer:") ? "top" : "left" }
      : {}),
    className: `lab-edge lab-edge-${kind}`,
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    focusable: false,
    ...(label ? { label, labelBgPadding: [4, 2] as [number, number], labelBgBorderRadius: 4 } : {}),
  };
}

/** React Flow's handle box (`.react-flow__handle`), centred on the node's edge. */
const HANDLE = 6;

function handle(
  type: "source" | "target",
  position: Position,
  x: number,
  y: number,
  id: string | null = null,
) {
  return { id, type, position, x: x - HANDLE / 2, y: y - HANDLE / 2, width: HANDLE, height: HANDLE };
}

/**
 * Where a node's handles are, as its component draws them. The browser measures them anyway; given here, edges can
 * be drawn where nothing is measured (the first screen rendered at build time, `src/firstScreen.tsx`).
 */
export function handlesOf(node: LabNode, width: number, height: number): NodeHandle[] {
  switch (node.type) {
    case "producer":
      return [handle("source", Position.Bottom, width / 2, height)];
    case "topic":
      return [
        handle("target", Position.Left, 0, height / 2, "left"),
        handle("target", Position.Top, width / 2, 0, "top"),
        handle("source", Position.Right, width, height / 2),
        ...laneSlots(node.data.partitions).map((p) =>
          handle("source", Position.Right, width, laneCentreY(p), laneHandle(p)),
        ),
      ];
    case "operator":
      return [
        handle("target", Position.Left, 0, height / 2),
        handle("source", Position.Right, width, height / 2),
      ];
    default:
      return [];
  }
}

/** What the layered layout places: boxes (producers excepted) and the edges between them. */
export interface LayoutGraph {
  nodes: { id: string; width: number; height: number }[];
  edges: { source: string; target: string }[];
}

/** Places a graph's boxes: the centre of each, by id (what dagre computes). */
export type LayoutPlacer = (graph: LayoutGraph) => Map<string, { x: number; y: number }>;

/** A graph's identity for placement: two graphs with the same key get the same places. */
export function layoutKey(graph: LayoutGraph): string {
  return JSON.stringify(graph);
}

/** The graph `layoutTopology` places for `simulation`. */
export function layoutGraphOf(simulation: Simulation): LayoutGraph {
  return layoutTopologyParts(simulation).graph;
}

export function layoutTopology(simulation: Simulation, placer: LayoutPlacer): TopologyLayout {
  const { nodes, edges, size, producersOf, band, graph } = layoutTopologyParts(simulation);
  const centres = placer(graph);

  const boxes = new Map<string, Box>();
  const place = (node: LabNode, x: number, y: number) => {
    const { width, height } = size.get(node.id)!;
    node.position = { x, y };
    node.width = width;
    node.height = height;
    node.handles = handlesOf(node, width, height);
    boxes.set(node.id, { x, y, width, height });
  };
  for (const node of nodes) {
    if (node.type === "producer") continue;
    const centre = centres.get(node.id)!;
    const { width, height } = size.get(node.id)!;
    const laidHeight = height + (node.type === "topic" ? band(node.id) : 0);
    const top = centre.y - laidHeight / 2;
    place(node, centre.x - width / 2, node.type === "topic" ? top + band(node.id) : top);
  }
  for (const [topic, producerIds] of producersOf) {
    const box = boxes.get(flowId.topic(topic));
    if (!box) continue;
    const row = producerIds.length * PRODUCER_SIZE.width + (producerIds.length - 1) * PRODUCER_GAP;
    producerIds.forEach((id, i) => {
      const node = nodes.find((n) => n.id === id)!;
      const x = box.x + (box.width - row) / 2 + i * (PRODUCER_SIZE.width + PRODUCER_GAP);
      place(node, x, box.y - PRODUCER_GAP - PRODUCER_SIZE.height);
    });
  }
  return { nodes, edges, boxes };
}

function layoutTopologyParts(simulation: Simulation) {
  const { graph, model } = simulation;
  const nodes: LabNode[] = [];
  const edges: Edge[] = [];
  const size = new Map<string, { width: number; height: number }>();
  const producersOf = new Map<string, string[]>();

  for (const producer of model.producers) {
    const id = flowId.producer(producer.id);
    nodes.push({
      id,
      type: "producer",
      position: { x: 0, y: 0 },
      data: { producerId: producer.id, topic: producer.topic },
    });
    size.set(id, PRODUCER_SIZE);
    edges.push(edge(id, flowId.topic(producer.topic), "write"));
    producersOf.set(producer.topic, [...(producersOf.get(producer.topic) ?? []), id]);
  }
  for (const topic of graph.topics) {
    const id = flowId.topic(topic.name);
    nodes.push({
      id,
      type: "topic",
      position: { x: 0, y: 0 },
      data: { topic: topic.name, partitions: topic.partitions, role: topic.role, internal: topic.internal },
    });
    size.set(id, { width: TOPIC_WIDTH, height: topicHeight(topic.partitions) });
    for (const reader of topic.readBy) edges.push(edge(id, flowId.node(reader), "read"));
  }
  for (const node of graph.nodes) {
    const id = flowId.node(node.id);
    nodes.push({ id, type: "operator", position: { x: 0, y: 0 }, data: { nodeId: node.id, op: node.op } });
    size.set(id, OPERATOR_SIZE);
  }
  for (const e of graph.edges) {
    edges.push(edge(flowId.node(e.from), flowId.node(e.to), "stream", e.branch ?? undefined));
  }
  for (const node of model.app.topology) {
    if (node.op === "sink" || node.op === "repartition") {
      edges.push(edge(flowId.node(node.id), flowId.topic(node.topic), "write"));
    }
  }

  // A topic with producers is laid out with room above it for them.
  const band = (topicId: string) =>
    producersOf.has(topicId.slice("topic:".length)) ? PRODUCER_SIZE.height + PRODUCER_GAP : 0;
  const laid: LayoutGraph = { nodes: [], edges: [] };
  for (const node of nodes) {
    if (node.type === "producer") continue;
    const { width, height } = size.get(node.id)!;
    laid.nodes.push({ id: node.id, width, height: height + (node.type === "topic" ? band(node.id) : 0) });
  }
  for (const e of edges)
    if (!e.source.startsWith("producer:")) laid.edges.push({ source: e.source, target: e.target });
  return { nodes, edges, size, producersOf, band, graph: laid };
}
