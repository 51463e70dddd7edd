/**
 * Semantic checks on the topology: unique node ids and branch names, declared topics, `from` references that
 * resolve, no cycles, every node fed by a source, and no sink feeding its own sub-topology.
 *
 * A *sub-topology* is a connected part of the node graph, cut at repartition topics (see `repartitionPlan.ts`,
 * which also checks that join inputs are copartitioned).
 */

import { chainText, findTooLongChain, MAX_OPERATOR_CHAIN } from "./chainLength";
import { unknownTopicMessage } from "./checkProducers";
import { findDuplicates } from "./duplicates";
import { appendErrors, formatPath, type PathSegment, type ScenarioError } from "./scenarioError";
import type { Indexed, ScenarioParts } from "./scenarioParts";
import { findCycles, type GraphNode, indexById, nodeReferences, parseNodeReference } from "./topologyGraph";
import type { ScenarioBranchNode, ScenarioNode } from "./topologySchema";

/** Every output name of a branch node: its branches, then its default branch. */
export function branchNames(node: ScenarioBranchNode): string[] {
  const names = node.branches.map((branch) => branch.name);
  return node.default === undefined ? names : [...names, node.default];
}

/** A `from` reference with where it is written. */
interface Reference {
  reader: Indexed<ScenarioNode>;
  path: PathSegment[];
  text: string;
}

/** A table is read only through a joinTable's `table`, and that slot takes only a table. */
function tableSlotProblem(ref: Reference, byId: ReadonlyMap<string, ScenarioNode>): string | null {
  const target = byId.get(parseNodeReference(ref.text).node);
  if (target === undefined) return null;
  const slot = ref.reader.value.op === "joinTable" && ref.path.at(-1) === "table";
  if (slot && target.op !== "table") {
    return `node ${JSON.stringify(target.id)} is a ${target.op}, not a table: a joinTable looks up a table node`;
  }
  if (!slot && target.op === "table") {
    return `node ${JSON.stringify(target.id)} is a table: only a joinTable can read it, as its "table"`;
  }
  return null;
}

/** The field of a node holding its reference number `j` (see `nodeReferences` for the order). */
function referenceField(node: ScenarioNode, j: number): PathSegment[] {
  switch (node.op) {
    case "merge":
      return ["from", j];
    case "join":
      return [j === 0 ? "left" : "right"];
    case "joinTable":
      return [j === 0 ? "from" : "table"];
    default:
      return ["from"];
  }
}

function referencesOf(reader: Indexed<ScenarioNode>): Reference[] {
  const refs = nodeReferences(reader.value);
  return refs.map((text, j) => ({
    reader,
    text,
    path: ["app", "topology", reader.index, ...referenceField(reader.value, j)],
  }));
}

function nodePath(node: Indexed<ScenarioNode>, ...rest: PathSegment[]): string {
  return formatPath(["app", "topology", node.index, ...rest]);
}

function checkNames(parts: ScenarioParts): ScenarioError[] {
  const errors: ScenarioError[] = findDuplicates(parts.nodes, (node) => node.id).map((d) => ({
    path: formatPath(["app", "topology", d.index, "id"]),
    message: `duplicate node id ${JSON.stringify(d.name)} (also app.topology[${d.firstIndex}])`,
  }));
  for (const node of parts.nodes) {
    const value = node.value;
    if (value.op === "source") {
      value.topics.forEach((topic, j) => {
        const message = unknownTopicMessage(parts, topic);
        if (message !== null) errors.push({ path: nodePath(node, "topics", j), message });
      });
    } else if (value.op === "sink" || value.op === "table") {
      const message = unknownTopicMessage(parts, value.topic);
      if (message !== null) errors.push({ path: nodePath(node, "topic"), message });
    } else if (value.op === "join") {
      if (value.windowMs === undefined && (value.beforeMs === undefined || value.afterMs === undefined)) {
        errors.push({
          path: nodePath(node),
          message: "a join needs windowMs, or both beforeMs and afterMs (JoinWindows)",
        });
      }
      if (parseNodeReference(value.left).node === parseNodeReference(value.right).node) {
        errors.push({
          path: nodePath(node, "right"),
          message: "left and right read the same node: join two different streams",
        });
      }
    } else if (value.op === "branch") {
      const branches = value.branches.map((branch, index) => ({ index, value: branch }));
      for (const d of findDuplicates(branches, (branch) => branch.name)) {
        errors.push({
          path: nodePath(node, "branches", d.index, "name"),
          message: `duplicate branch name ${JSON.stringify(d.name)} (also branches[${d.firstIndex}])`,
        });
      }
      const clash = value.branches.findIndex((branch) => branch.name === value.default);
      if (clash >= 0) {
        errors.push({
          path: nodePath(node, "default"),
          message: `the default branch ${JSON.stringify(value.default)} has the same name as branches[${clash}]`,
        });
      }
    }
  }
  return errors;
}

/** The problem with one reference, or `null` when it resolves (or cannot be judged on incomplete input). */
function referenceProblem(
  ref: Reference,
  byId: ReadonlyMap<string, ScenarioNode>,
  complete: boolean,
  idsWritten: ReadonlySet<string>,
): string | null {
  const { node: id, branch } = parseNodeReference(ref.text);
  const target = byId.get(id);
  // On incomplete input the target may be a broken node; only an id no entry carries is surely unknown.
  if (target === undefined)
    return complete || !idsWritten.has(id) ? `unknown node ${JSON.stringify(id)}` : null;
  if (target.op === "sink") {
    return `node ${JSON.stringify(id)} is a sink: it writes to a topic and has no output to read (read the topic with a source)`;
  }
  if (target.op === "branch") {
    const names = branchNames(target);
    if (branch === undefined)
      return `reference a branch output as "${id}.<name>" (branches: ${names.join(", ")})`;
    if (!names.includes(branch)) {
      return `node ${JSON.stringify(id)} has no branch ${JSON.stringify(branch)} (branches: ${names.join(", ")})`;
    }
    return null;
  }
  if (target.op === "windowedAggregate" && branch !== undefined) {
    if (branch !== "late") {
      return `node ${JSON.stringify(id)} has one extra output, "${id}.late" (its late side output), not ${JSON.stringify(branch)}`;
    }
    return target.late === "sideOutput"
      ? null
      : `node ${JSON.stringify(id)} drops late records: set "late": "sideOutput" on it to read "${id}.late"`;
  }
  if (branch !== undefined)
    return `node ${JSON.stringify(id)} is not a branch node: reference it as ${JSON.stringify(id)}`;
  return null;
}

export function checkTopology(parts: ScenarioParts): ScenarioError[] {
  const errors = checkNames(parts);
  const byId = new Map<string, ScenarioNode>();
  for (const { value } of parts.nodes) if (!byId.has(value.id)) byId.set(value.id, value);

  const references = parts.nodes.flatMap(referencesOf);
  let referencesResolve = true;
  for (const ref of references) {
    const problem =
      referenceProblem(ref, byId, parts.nodesComplete, parts.nodeIdsWritten) ?? tableSlotProblem(ref, byId);
    if (problem !== null) {
      referencesResolve = false;
      errors.push({ path: formatPath(ref.path), message: problem });
    }
  }

  const sources = parts.nodes.filter((node) => node.value.op === "source" || node.value.op === "table");
  if (parts.nodesComplete && sources.length === 0) {
    errors.push({ path: "app.topology", message: "the topology needs at least one source node" });
  }

  const graph: GraphNode[] = parts.nodes.map(({ value }) => ({
    id: value.id,
    inputs: nodeReferences(value).map((text) => parseNodeReference(text).node),
  }));
  const cycles = findCycles(graph);
  const onCycle = new Set<number>();
  for (const cycle of cycles) {
    for (const member of cycle) onCycle.add(member);
    const first = parts.nodes[cycle[0]!]!;
    const predecessor = graph[cycle.at(-2)!]!.id;
    const ref = referencesOf(first).find((r) => parseNodeReference(r.text).node === predecessor)!;
    errors.push({
      path: formatPath(ref.path),
      message: `cycle: ${cycle.map((i) => graph[i]!.id).join(" -> ")}`,
    });
  }

  if (parts.nodesComplete && referencesResolve && sources.length > 0) {
    appendErrors(errors, checkReachable(parts, graph, onCycle));
  }
  const tooLong = findTooLongChain(graph, onCycle);
  if (tooLong !== null) {
    errors.push({
      path: nodePath(parts.nodes[tooLong.node]!, "from"),
      message: `a record would pass through ${tooLong.chain.length} operators in a row (${chainText(tooLong.chain)}); at most ${MAX_OPERATOR_CHAIN}`,
    });
  }
  appendErrors(errors, checkSinkLoops(parts, graph));
  return errors;
}

/** Nodes no source feeds (off a cycle: the cycle itself is already reported). */
function checkReachable(parts: ScenarioParts, graph: readonly GraphNode[], onCycle: ReadonlySet<number>) {
  // Breadth first from the sources along the edges (input → reader).
  const indexOf = indexById(graph);
  const readers: number[][] = graph.map(() => []);
  graph.forEach((node, i) => {
    for (const input of node.inputs) {
      const j = indexOf.get(input);
      if (j !== undefined) readers[j]!.push(i);
    }
  });
  const reached = new Set<number>();
  const queue = parts.nodes.flatMap((node, i) =>
    node.value.op === "source" || node.value.op === "table" ? [i] : [],
  );
  for (const i of queue) reached.add(i);
  for (let head = 0; head < queue.length; head++) {
    for (const reader of readers[queue[head]!]!) {
      if (!reached.has(reader)) {
        reached.add(reader);
        queue.push(reader);
      }
    }
  }
  const errors: ScenarioError[] = [];
  graph.forEach((node, i) => {
    if (reached.has(i) || onCycle.has(i)) return;
    errors.push({
      path: nodePath(parts.nodes[i]!, "from"),
      message: `node ${JSON.stringify(node.id)} is not reachable from any source`,
    });
  });
  return errors;
}

/** A sink writing to a topic that a source of its own sub-topology reads would feed its output back in. */
function checkSinkLoops(parts: ScenarioParts, graph: readonly GraphNode[]): ScenarioError[] {
  const indexOf = indexById(graph);
  const parent = graph.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  graph.forEach((node, i) => {
    for (const input of node.inputs) {
      const j = indexOf.get(input);
      if (j !== undefined) parent[root(i)] = root(j);
    }
  });
  const errors: ScenarioError[] = [];
  parts.nodes.forEach((sink, i) => {
    if (sink.value.op !== "sink") return;
    const topic = sink.value.topic;
    const source = parts.nodes.find(
      (node, j) => node.value.op === "source" && node.value.topics.includes(topic) && root(j) === root(i),
    );
    if (source === undefined) return;
    errors.push({
      path: nodePath(sink, "topic"),
      message: `sink ${JSON.stringify(sink.value.id)} writes to ${JSON.stringify(topic)}, which source ${JSON.stringify(source.value.id)} of the same sub-topology reads: this would loop`,
    });
  });
  return errors;
}
