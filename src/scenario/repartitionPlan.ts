/**
 * Where Kafka Streams puts repartition topics, how many partitions they get, and whether every join's inputs are
 * copartitioned.
 *
 * - An explicit `repartition` node writes to `<app.id>-<name>-repartition` and a source reads it back
 *   (`KStream#repartition`).
 * - A windowed aggregation whose input had its key changed upstream gets one named `<aggregate id>`
 *   (`KGroupedStreamImpl`, `repartitionRequired` before `groupByKey().windowedBy(...)`).
 * - A join whose input had its key changed upstream (`selectKey`, `map`, `flatMap`; `mapValues`, `filter`
 *   and the like keep the mark; a `merge` of a marked stream is marked) gets one automatically on that side
 *   (`KStreamImpl#repartitionForJoin`, the `repartitionRequired` flag), named `<join id>-left` / `<join id>-right`.
 * - The writer and the reader are not linked, so the topology is cut there into sub-topologies.
 * - Partition count: the node's `partitions`, else the largest count of the source topics of the sub-topology
 *   that writes it (`RepartitionTopics`); then, for each join, topics of fixed size must agree
 *   (`CopartitionedTopicsEnforcer`: "Topics not co-partitioned") and repartition topics without a count take theirs.
 */
import type { PathSegment } from "./scenarioError";
import { nodeReferences, parseNodeReference, topologicalOrder } from "./topologyGraph";
import type { ScenarioNode } from "./topologySchema";

export interface PlannedRepartition {
  /** `<app.id>-<name>-repartition`. */
  topic: string;
  partitions: number;
  /** Id of the node writing the topic: the `repartition` node itself, or a generated one before a join. */
  writer: string;
  /** What the writer reads, as a reference (`"rekey"`, `"split.big"`). */
  writerInput: string;
  /** Id of the generated source reading the topic back. */
  reader: string;
  /** True for a user's `repartition` node (the writer is that node). */
  explicit: boolean;
  /** The key-changing node that made the repartition necessary (null for an explicit one). */
  causedBy: string | null;
}

export interface RepartitionProblem {
  path: PathSegment[];
  message: string;
}

export interface RepartitionPlan {
  repartitions: PlannedRepartition[];
  /** Per node of the scenario (same order): its references, with repartitioned ones pointing at the reader. */
  references: string[][];
  problems: RepartitionProblem[];
}

interface TopicSize {
  name: string;
  partitions: number;
}

const nodeOf = (reference: string) => parseNodeReference(reference).node;

/** The node whose key change marks the output of `node` for repartitioning, or null when none does. */
function keyChangerOf(node: ScenarioNode, inputMark: (reference: string) => string | null): string | null {
  switch (node.op) {
    case "source":
    case "table":
    case "repartition":
    case "join":
    case "joinTable":
    case "sink":
    case "windowedAggregate":
      return null;
    // KStreamImpl#map and #flatMap set the flag even when the key stays: Kafka cannot look inside the mapper.
    case "selectKey":
    case "map":
    case "flatMap":
      return node.id;
    case "merge":
      return node.from.map(inputMark).find((mark) => mark !== null) ?? null;
    case "mapValues":
    case "filter":
    case "flatMapValues":
    case "branch":
    case "peek":
    case "enrich":
      return inputMark(node.from);
    default: {
      const unhandled: never = node;
      throw new Error(`unhandled topology node ${JSON.stringify(unhandled)}`);
    }
  }
}

export function planRepartitions(
  appId: string,
  topics: readonly TopicSize[],
  nodes: readonly ScenarioNode[],
): RepartitionPlan {
  const references = nodes.map((node) => [...nodeReferences(node)]);
  const order = topologicalOrder(nodes.map((n, i) => ({ id: n.id, inputs: references[i]!.map(nodeOf) })));
  const mark = new Map<string, string | null>();
  for (const i of order) {
    const node = nodes[i]!;
    mark.set(
      node.id,
      keyChangerOf(node, (ref) => mark.get(nodeOf(ref)) ?? null),
    );
  }

  const repartitions: PlannedRepartition[] = [];
  const explicitSize = new Map<string, number>();
  const problems: RepartitionProblem[] = [];
  const ids = new Set(nodes.map((n) => n.id));
  const claim = (id: string, at: number, what: string) => {
    if (ids.has(id)) {
      problems.push({
        path: ["app", "topology", at, "id"],
        message: `${what} needs a node named ${JSON.stringify(id)}, which is already used: rename that node`,
      });
    }
    ids.add(id);
  };

  // Explicit repartitions: readers of the node read the generated source instead.
  const readerOf = new Map<string, string>();
  nodes.forEach((node, i) => {
    if (node.op !== "repartition") return;
    const reader = `${node.id}-source`;
    claim(reader, i, `repartition ${node.id}`);
    readerOf.set(node.id, reader);
    const topic = `${appId}-${node.name ?? node.id}-repartition`;
    if (node.partitions !== undefined) explicitSize.set(topic, node.partitions);
    repartitions.push({
      topic,
      partitions: 0,
      writer: node.id,
      writerInput: node.from,
      reader,
      explicit: true,
      causedBy: null,
    });
  });
  references.forEach((refs, i) => {
    references[i] = refs.map((ref) => readerOf.get(nodeOf(ref)) ?? ref);
  });

  // Automatic repartitions before joins, on each side whose key was changed.
  nodes.forEach((node, i) => {
    if (node.op !== "join" && node.op !== "joinTable") return;
    const streamSides = node.op === "join" ? (["left", "right"] as const) : (["left"] as const);
    streamSides.forEach((side, s) => {
      const ref = references[i]![s]!;
      const causedBy = mark.get(nodeOf(ref)) ?? null;
      if (causedBy === null) return;
      const name = `${node.id}-${side}`;
      const writer = `${name}-repartition`;
      const reader = `${name}-repartition-source`;
      claim(writer, i, `the repartition before join ${node.id}`);
      claim(reader, i, `the repartition before join ${node.id}`);
      repartitions.push({
        topic: `${appId}-${name}-repartition`,
        partitions: 0,
        writer,
        writerInput: ref,
        reader,
        explicit: false,
        causedBy,
      });
      references[i]![s] = reader;
    });
  });

  // Automatic repartitions before windowed aggregations whose input's key was changed.
  nodes.forEach((node, i) => {
    if (node.op !== "windowedAggregate") return;
    const ref = references[i]![0]!;
    const causedBy = mark.get(nodeOf(ref)) ?? null;
    if (causedBy === null) return;
    const writer = `${node.id}-repartition`;
    const reader = `${node.id}-repartition-source`;
    claim(writer, i, `the repartition before windowed aggregation ${node.id}`);
    claim(reader, i, `the repartition before windowed aggregation ${node.id}`);
    repartitions.push({
      topic: `${appId}-${node.id}-repartition`,
      partitions: 0,
      writer,
      writerInput: ref,
      reader,
      explicit: false,
      causedBy,
    });
    references[i]![0] = reader;
  });

  for (const r of repartitions) {
    if (!topics.some((t) => t.name === r.topic)) continue;
    // The node that asked for it: the repartition node, or the join now reading its source.
    const at = nodes.findIndex((n, i) => n.id === r.writer || references[i]!.includes(r.reader));
    problems.push({
      path: ["app", "topology", at],
      message: `the repartition topic ${r.topic} has the name of a declared topic: rename one of them`,
    });
  }

  sizeRepartitions(topics, nodes, references, repartitions, explicitSize, problems);
  return { repartitions, references, problems };
}

/** The graph after repartitions: scenario nodes, then writers and readers that were generated. */
interface PlanGraph {
  ids: string[];
  inputs: number[][];
  /** Topics each node reads from the broker. */
  reads: string[][];
}

function planGraph(
  nodes: readonly ScenarioNode[],
  references: readonly string[][],
  repartitions: readonly PlannedRepartition[],
): PlanGraph {
  const ids = nodes.map((n) => n.id);
  const reads = nodes.map((n) => (n.op === "source" ? [...n.topics] : n.op === "table" ? [n.topic] : []));
  const refs: string[][] = references.map((r) => [...r]);
  for (const r of repartitions) {
    if (!r.explicit) {
      ids.push(r.writer);
      reads.push([]);
      refs.push([r.writerInput]);
    }
    ids.push(r.reader);
    reads.push([r.topic]);
    refs.push([]);
  }
  const index = new Map(ids.map((id, i) => [id, i]));
  const inputs = refs.map((list) =>
    list.map((ref) => index.get(nodeOf(ref))).filter((i): i is number => i !== undefined),
  );
  return { ids, inputs, reads };
}

function components(graph: PlanGraph): number[] {
  const parent = graph.ids.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  graph.inputs.forEach((inputs, i) => {
    for (const j of inputs) parent[root(i)] = root(j);
  });
  return graph.ids.map((_, i) => root(i));
}

/** The topics read by the nodes upstream of `start` (itself included), within its sub-topology. */
function upstreamTopics(graph: PlanGraph, start: number): string[] {
  const seen = new Set<number>([start]);
  const stack = [start];
  const found = new Set<string>();
  while (stack.length > 0) {
    const at = stack.pop()!;
    for (const topic of graph.reads[at]!) found.add(topic);
    for (const input of graph.inputs[at]!) {
      if (!seen.has(input)) {
        seen.add(input);
        stack.push(input);
      }
    }
  }
  return [...found];
}

function sizeRepartitions(
  topics: readonly TopicSize[],
  nodes: readonly ScenarioNode[],
  references: readonly string[][],
  repartitions: PlannedRepartition[],
  explicitSize: ReadonlyMap<string, number>,
  problems: RepartitionProblem[],
): void {
  const graph = planGraph(nodes, references, repartitions);
  const component = components(graph);
  const size = new Map<string, number>(topics.map((t) => [t.name, t.partitions]));
  for (const [topic, partitions] of explicitSize) size.set(topic, partitions);
  const writerIndex = (r: PlannedRepartition) => graph.ids.indexOf(r.writer);

  // RepartitionTopics: the largest source topic of the writing sub-topology; repeated so that a repartition fed
  // by another one sees its size.
  for (let round = 0; round <= repartitions.length; round++) {
    let changed = false;
    for (const r of repartitions) {
      if (explicitSize.has(r.topic)) continue;
      const c = component[writerIndex(r)];
      let best = 0;
      graph.reads.forEach((read, i) => {
        if (component[i] !== c) return;
        for (const topic of read) best = Math.max(best, size.get(topic) ?? 0);
      });
      if (best > 0 && size.get(r.topic) !== best) {
        size.set(r.topic, best);
        changed = true;
      }
    }
    if (!changed) break;
  }

  // CopartitionedTopicsEnforcer, per join in scenario order.
  const internal = new Set(repartitions.map((r) => r.topic));
  nodes.forEach((node, i) => {
    if (node.op !== "join" && node.op !== "joinTable") return;
    const group = [...new Set(graph.inputs[i]!.flatMap((input) => upstreamTopics(graph, input)))].sort();
    const fixed = group.filter((t) => !internal.has(t) || explicitSize.has(t));
    const counts = new Set(fixed.map((t) => size.get(t) ?? 0));
    if (counts.size > 1) {
      const detail = fixed.map((t) => `${t}: ${size.get(t)}`).join(", ");
      problems.push({
        path: ["app", "topology", i],
        message: `Invalid topology: Topics not co-partitioned: [${fixed.join(",")}] (partitions ${detail}): a join's inputs must have the same number of partitions, so that partition p of each lands in the same task (CopartitionedTopicsEnforcer)`,
      });
      return;
    }
    const target =
      fixed.length > 0 ? size.get(fixed[0]!)! : Math.max(0, ...group.map((t) => size.get(t) ?? 0));
    for (const t of group) if (internal.has(t) && !explicitSize.has(t) && target > 0) size.set(t, target);
  });

  for (const r of repartitions) r.partitions = size.get(r.topic) ?? 1;
}
