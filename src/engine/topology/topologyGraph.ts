/**
 * The static shape of an application topology: nodes, edges, topics and sub-topologies.
 *
 * A *sub-topology* is a connected group of nodes; Kafka Streams cuts the topology into sub-topologies at topics
 * (`InternalTopologyBuilder#makeNodeGroups`: nodes connected through parent/child links, or sources sharing a
 * copartition group, form one node group). A repartition is a writer into an internal topic and a source reading
 * it back, with no edge between them, so it cuts its stream into two sub-topologies. A *task* `<subtopology>_<p>` runs one sub-topology on partition `p` of
 * each of its source topics (`PartitionGrouper`). The UI and CLI read this graph; the runtime uses the indexes.
 */
import type { OperatorKind, SimulationModel, TopologyNode } from "../model";

export interface GraphNode {
  id: string;
  op: OperatorKind;
  /** Index in `nodes`; also the node's number in the columnar trace. */
  index: number;
  subtopology: number;
}

export interface GraphEdge {
  /** `<from>-><to>` or `<from>.<branch>-><to>`. */
  id: string;
  from: string;
  to: string;
  branch: string | null;
}

export interface GraphTopic {
  name: string;
  partitions: number;
  /** Source nodes reading the topic. */
  readBy: string[];
  /** Sink nodes and producers writing to it. */
  writtenBy: string[];
  role: "input" | "output" | "intermediate";
  /** An internal topic of the application (a repartition topic), not one the scenario declared. */
  internal: boolean;
}

export interface TaskSpec {
  /** `<subtopology>_<partition>`, as Kafka Streams prints a `TaskId`. */
  id: string;
  subtopology: number;
  partition: number;
  /** Topic-partition indexes (see `TopologyGraph.topicPartitions`) the task reads. */
  topicPartitions: number[];
}

export interface TopicPartitionRef {
  topic: string;
  topicIndex: number;
  partition: number;
  /** Printed `<topic>-<partition>`, like Kafka's `TopicPartition#toString`. */
  name: string;
}

export interface TopologyGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  topics: GraphTopic[];
  /** Every partition of every topic, in topic order then partition order. */
  topicPartitions: TopicPartitionRef[];
  /** Per topic name: index of its partition 0 in `topicPartitions`. */
  firstTopicPartition: Record<string, number>;
  tasks: TaskSpec[];
  /** Per node index: its children in definition order, with the branch they listen to. */
  children: { node: number; branch: string | null }[][];
  subtopologyCount: number;
}

/** The topics a node reads straight from the broker: a source's topics, a table's topic. */
export function topicsReadBy(node: TopologyNode): string[] {
  if (node.op === "source") return node.topics;
  if (node.op === "table") return [node.topic];
  return [];
}

/** The topic a node writes to: a sink's or a repartition's. */
export function topicWrittenBy(node: TopologyNode): string | null {
  return node.op === "sink" || node.op === "repartition" ? node.topic : null;
}

function nodeOf(nodes: TopologyNode[], id: string): TopologyNode {
  const node = nodes.find((n) => n.id === id);
  if (!node) throw new Error(`unknown node "${id}"`);
  return node;
}

/** Builds the graph for a validated model (ids resolve, no cycles). */
export function buildTopologyGraph(model: SimulationModel): TopologyGraph {
  const defs = model.app.topology;
  const index = new Map(defs.map((n, i) => [n.id, i]));
  const children: TopologyGraph["children"] = defs.map(() => []);
  const edges: GraphEdge[] = [];
  for (const [i, node] of defs.entries()) {
    for (const input of node.inputs) {
      const parent = index.get(nodeOf(defs, input.node).id)!;
      children[parent]!.push({ node: i, branch: input.branch ?? null });
      const from = input.branch ? `${input.node}.${input.branch}` : input.node;
      edges.push({ id: `${from}->${node.id}`, from: input.node, to: node.id, branch: input.branch ?? null });
    }
  }

  // Sub-topologies: connected components of the node graph, numbered in the order of their first node.
  const component = defs.map(() => -1);
  let subtopologyCount = 0;
  const neighbours = defs.map((node, i) => [
    ...node.inputs.map((input) => index.get(input.node)!),
    ...children[i]!.map((c) => c.node),
  ]);
  for (let start = 0; start < defs.length; start++) {
    if (component[start] !== -1) continue;
    const stack = [start];
    component[start] = subtopologyCount;
    while (stack.length > 0) {
      const at = stack.pop()!;
      for (const next of neighbours[at]!) {
        if (component[next] === -1) {
          component[next] = subtopologyCount;
          stack.push(next);
        }
      }
    }
    subtopologyCount++;
  }

  const nodes: GraphNode[] = defs.map((n, i) => ({
    id: n.id,
    op: n.op,
    index: i,
    subtopology: component[i]!,
  }));

  const topicPartitions: TopicPartitionRef[] = [];
  const firstTopicPartition: Record<string, number> = {};
  for (const [topicIndex, topic] of model.topics.entries()) {
    firstTopicPartition[topic.name] = topicPartitions.length;
    for (let p = 0; p < topic.partitions; p++) {
      topicPartitions.push({ topic: topic.name, topicIndex, partition: p, name: `${topic.name}-${p}` });
    }
  }

  const topics: GraphTopic[] = model.topics.map((topic) => {
    const readBy = defs.filter((n) => topicsReadBy(n).includes(topic.name)).map((n) => n.id);
    const writers = defs.filter((n) => topicWrittenBy(n) === topic.name).map((n) => n.id);
    const writtenBy = [...model.producers.filter((p) => p.topic === topic.name).map((p) => p.id), ...writers];
    const sunk = writers.length > 0;
    const role = readBy.length > 0 && sunk ? "intermediate" : sunk ? "output" : "input";
    const internal = topic.internal !== undefined;
    return { name: topic.name, partitions: topic.partitions, readBy, writtenBy, role, internal };
  });

  const tasks: TaskSpec[] = [];
  for (let s = 0; s < subtopologyCount; s++) {
    const sourceTopics = defs.filter((_, i) => component[i] === s).flatMap((n) => topicsReadBy(n));
    const counts = sourceTopics.map((t) => model.topics.find((x) => x.name === t)!.partitions);
    const taskCount = counts.length === 0 ? 0 : Math.max(...counts);
    for (let p = 0; p < taskCount; p++) {
      const tps = sourceTopics.filter((_, i) => p < counts[i]!).map((t) => firstTopicPartition[t]! + p);
      tasks.push({ id: `${s}_${p}`, subtopology: s, partition: p, topicPartitions: tps });
    }
  }

  return { nodes, edges, topics, topicPartitions, firstTopicPartition, tasks, children, subtopologyCount };
}
