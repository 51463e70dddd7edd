/**
 * The physical view's layout: the logical layout's columns (dagre's ranks) kept as they are, topics and producers
 * along the top, and below them one band per instance holding its tasks, each task a box with a copy of its
 * sub-topology's nodes at their logical places. Tasks of one instance share a row when their columns do not
 * overlap (a sub-topology before a repartition and one after it). Positions depend only on the graph and on which
 * instance owns which task, so the canvas only moves when ownership changes, and every node keeps its id.
 */
import type { Edge } from "@xyflow/react";
import type { PhysicalGroup } from "../../app/physicalView";
import type { Simulation } from "../../engine";
import { type Box, edge, flowId, type LabNode, laneHandle, type TopologyLayout } from "./layoutTopology";
import { OPERATOR_SIZE, PRODUCER_GAP, PRODUCER_SIZE } from "./nodeMetrics";

/** Space around a task's nodes, and above them for its label. */
export const TASK_PAD = 10;
export const TASK_HEADER = 22;
/** Space around an instance's tasks, and above them for its label. */
export const GROUP_PAD = 14;
export const GROUP_HEADER = 30;
/** Between the topics and the first instance, and between instances. */
const BAND_GAP = 40;
const ROW_GAP = 12;
/**
 * How far input topics move left of their column and output topics right of theirs, so the edges between them and
 * the groups below run across rather than down a group's border.
 */
const SIDE_SHIFT = 90;

interface TaskBox {
  task: string;
  partition: number;
  nodes: string[];
  /** Absolute bounds of the task box. */
  x: number;
  width: number;
  height: number;
  /** Per node: its offset from the task's first node column and top. */
  offsets: Map<string, { x: number; y: number }>;
}

/** `logical` is the simulation's logical layout (`layoutTopology`), whose columns the physical view keeps. */
export function layoutPhysical(
  simulation: Simulation,
  groups: readonly PhysicalGroup[],
  logical: TopologyLayout,
): TopologyLayout {
  const { graph, model } = simulation;
  const nodes: LabNode[] = [];
  const edges: Edge[] = [];
  const boxes = new Map<string, Box>();

  // Topics in their logical columns along the top, stacked where two share a column; producers just above theirs.
  const producersOf = new Map<string, LabNode[]>();
  for (const node of logical.nodes)
    if (node.type === "producer")
      producersOf.set(node.data.topic, [...(producersOf.get(node.data.topic) ?? []), node]);
  const band = PRODUCER_SIZE.height + PRODUCER_GAP;
  const topics = logical.nodes
    .filter((n) => n.type === "topic")
    .map((node) => ({ node, box: logical.boxes.get(node.id)! }))
    .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  const placedTopics: Box[] = [];
  let sharedBottom = 0;
  for (const { node, box: logicalBox } of topics) {
    const producers = producersOf.get(node.id.slice("topic:".length)) ?? [];
    const role = node.type === "topic" ? node.data.role : "intermediate";
    const dx = role === "input" ? -SIDE_SHIFT : role === "output" ? SIDE_SHIFT : 0;
    const box = { ...logicalBox, x: logicalBox.x + dx };
    let y = band;
    for (const other of placedTopics)
      if (box.x < other.x + other.width && other.x < box.x + box.width)
        y = Math.max(y, other.y + other.height + ROW_GAP + (producers.length > 0 ? band : 0));
    const placed = { ...box, y };
    placedTopics.push(placed);
    boxes.set(node.id, placed);
    nodes.push({ ...node, position: { x: placed.x, y } });
    sharedBottom = Math.max(sharedBottom, y + placed.height);
    for (const producer of producers) {
      const was = logical.boxes.get(producer.id)!;
      const moved = { ...was, x: was.x + dx, y: y - PRODUCER_GAP - PRODUCER_SIZE.height };
      boxes.set(producer.id, moved);
      nodes.push({ ...producer, position: { x: moved.x, y: moved.y } });
    }
  }
  for (const e of logical.edges) if (e.source.startsWith("producer:")) edges.push(e);

  // The operator area: the columns of all operators.
  const operatorBoxes = graph.nodes.map((n) => logical.boxes.get(flowId.node(n.id))!);
  const left = Math.min(...operatorBoxes.map((b) => b.x)) - GROUP_PAD - TASK_PAD;
  const right = Math.max(...operatorBoxes.map((b) => b.x + b.width)) + GROUP_PAD + TASK_PAD;

  // A task's box: its sub-topology's nodes at their logical places, with room for the label.
  const taskBox = (task: string, partition: number, ids: string[]): TaskBox => {
    const placed = ids.map((id) => logical.boxes.get(flowId.node(id))!);
    const minX = Math.min(...placed.map((b) => b.x));
    const minY = Math.min(...placed.map((b) => b.y));
    const maxX = Math.max(...placed.map((b) => b.x + b.width));
    const maxY = Math.max(...placed.map((b) => b.y + b.height));
    const offsets = new Map(ids.map((id, i) => [id, { x: placed[i]!.x - minX, y: placed[i]!.y - minY }]));
    return {
      task,
      partition,
      nodes: ids,
      x: minX - TASK_PAD,
      width: maxX - minX + 2 * TASK_PAD,
      height: maxY - minY + TASK_HEADER + TASK_PAD,
      offsets,
    };
  };

  // Rows of tasks per group: a task goes in the first row where it overlaps no task's columns.
  const laidGroups = groups.map((group) => {
    const rows: TaskBox[][] = [];
    for (const task of group.tasks) {
      const box = taskBox(task.id, task.partition, task.nodes);
      const row = rows.find((r) => r.every((b) => box.x + box.width <= b.x || b.x + b.width <= box.x));
      if (row) row.push(box);
      else rows.push([box]);
    }
    const rowHeights = rows.map((r) => Math.max(...r.map((b) => b.height)));
    const innerHeight = rowHeights.reduce((sum, h) => sum + h, 0) + Math.max(0, rows.length - 1) * ROW_GAP;
    const height = GROUP_HEADER + Math.max(innerHeight, OPERATOR_SIZE.height / 2) + GROUP_PAD;
    return { group, rows, rowHeights, height };
  });
  // The groups side by side in as many columns as keep the whole drawing about as wide as a canvas is, so the
  // view fits at a readable zoom.
  const groupWidth = right - left;
  const columns = groupColumns(
    laidGroups.map((g) => g.height),
    groupWidth,
    sharedBottom + BAND_GAP,
  );

  let top = sharedBottom + BAND_GAP;
  let column = 0;
  let rowTallest = 0;
  for (const { group, rows, rowHeights, height } of laidGroups) {
    const groupId = flowId.instance(group.instance);
    const groupLeft = left + column * (groupWidth + BAND_GAP);
    const dx = groupLeft - left;
    nodes.push({
      id: groupId,
      type: "instance",
      position: { x: groupLeft, y: top },
      data: {
        instance: group.instance,
        index: group.index,
        running: group.running,
        stopped: group.stopped,
        tasks: group.tasks.length,
      },
      width: right - left,
      height,
      style: { width: right - left, height },
      selectable: false,
      draggable: false,
    });
    boxes.set(groupId, { x: groupLeft, y: top, width: right - left, height });

    let rowTop = top + GROUP_HEADER;
    rows.forEach((row, r) => {
      for (const box of row) {
        const taskId = flowId.task(box.task);
        nodes.push({
          id: taskId,
          type: "task",
          parentId: groupId,
          position: { x: box.x - left, y: rowTop - top },
          data: { task: box.task },
          width: box.width,
          height: box.height,
          style: { width: box.width, height: box.height },
          selectable: false,
          draggable: false,
        });
        boxes.set(taskId, { x: box.x + dx, y: rowTop, width: box.width, height: box.height });
        for (const id of box.nodes) {
          const offset = box.offsets.get(id)!;
          const copyId = flowId.copy(id, box.task);
          const op = graph.nodes.find((n) => n.id === id)!.op;
          const position = { x: TASK_PAD + offset.x, y: TASK_HEADER + offset.y };
          nodes.push({
            id: copyId,
            type: "operator",
            parentId: taskId,
            position,
            data: { nodeId: id, op, task: box.task },
            width: OPERATOR_SIZE.width,
            height: OPERATOR_SIZE.height,
          });
          boxes.set(copyId, {
            x: box.x + dx + position.x,
            y: rowTop + position.y,
            width: OPERATOR_SIZE.width,
            height: OPERATOR_SIZE.height,
          });
        }
        // Within the task: the topology's edges between its copies.
        for (const e of graph.edges) {
          if (!box.nodes.includes(e.from) || !box.nodes.includes(e.to)) continue;
          edges.push(
            edge(flowId.copy(e.from, box.task), flowId.copy(e.to, box.task), "stream", e.branch ?? undefined),
          );
        }
        // From the lane of each partition the task reads, to the copy that reads it (Kafka Streams gives task
        // `s_p` partition `p` of each source topic); from each writer copy to its topic.
        for (const topic of graph.topics)
          for (const reader of topic.readBy)
            if (box.nodes.includes(reader))
              edges.push({
                ...edge(flowId.topic(topic.name), flowId.copy(reader, box.task), "read"),
                sourceHandle: laneHandle(box.partition),
              });
        for (const node of model.app.topology)
          if ((node.op === "sink" || node.op === "repartition") && box.nodes.includes(node.id))
            edges.push(edge(flowId.copy(node.id, box.task), flowId.topic(node.topic), "write"));
      }
      rowTop += rowHeights[r]! + ROW_GAP;
    });
    rowTallest = Math.max(rowTallest, height);
    column++;
    if (column === columns) {
      top += rowTallest + BAND_GAP;
      column = 0;
      rowTallest = 0;
    }
  }
  return { nodes, edges, boxes };
}

/** A canvas's usual shape (width ÷ height), which the drawing's shape is brought close to. */
const CANVAS_ASPECT = 1.6;

/**
 * How many columns of groups (each `width` wide, heights `heights`, below a band `above` high) make the drawing's
 * shape closest to a canvas's: one column for one or two short groups, more as groups add up.
 */
export function groupColumns(heights: readonly number[], width: number, above: number): number {
  let best = 1;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let columns = 1; columns <= Math.max(1, heights.length); columns++) {
    let total = above;
    for (let i = 0; i < heights.length; i += columns)
      total += Math.max(...heights.slice(i, i + columns)) + BAND_GAP;
    const drawingWidth = columns * width + (columns - 1) * BAND_GAP;
    const score = Math.abs(Math.log(drawingWidth / total / CANVAS_ASPECT));
    if (score < bestScore) {
      best = columns;
      bestScore = score;
    }
  }
  return best;
}
