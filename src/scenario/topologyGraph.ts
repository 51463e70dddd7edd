/**
 * The topology as a graph: nodes connected by their `from` references.
 *
 * A *reference* names a node's output: `"map1"`, or `"split.small"` for the branch `small` of the branch node
 * `split`. An *edge* goes from the referenced node to the node that reads it (the direction records flow).
 */
import type { InputRef } from "../engine/model";
import type { ScenarioNode } from "./topologySchema";

/**
 * The references a node reads (none for a source or table), in order: its `from`, a join's `left` then `right`, a
 * joinTable's `from` then `table`.
 */
export function nodeReferences(node: ScenarioNode): readonly string[] {
  switch (node.op) {
    case "source":
    case "table":
      return [];
    case "merge":
      return node.from;
    case "join":
      return [node.left, node.right];
    case "joinTable":
      return [node.from, node.table];
    case "map":
    case "mapValues":
    case "filter":
    case "flatMap":
    case "flatMapValues":
    case "branch":
    case "selectKey":
    case "peek":
    case "enrich":
    case "sink":
    case "repartition":
    case "windowedAggregate":
      return [node.from];
    default:
      return assertNever(node);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled topology node ${JSON.stringify(value)}`);
}

/** Splits a reference at its first dot: `"split.small"` → `{ node: "split", branch: "small" }`. */
export function parseNodeReference(reference: string): InputRef {
  const dot = reference.indexOf(".");
  return dot < 0 ? { node: reference } : { node: reference.slice(0, dot), branch: reference.slice(dot + 1) };
}

/** A node reduced to what graph algorithms need: its id and the ids of the nodes it reads. */
export interface GraphNode {
  id: string;
  inputs: readonly string[];
}

/** Position of each id in the list; for an id used twice, its first position. */
export function indexById(nodes: readonly GraphNode[]): Map<string, number> {
  const indexOf = new Map<string, number>();
  nodes.forEach((node, index) => {
    if (!indexOf.has(node.id)) indexOf.set(node.id, index);
  });
  return indexOf;
}

/**
 * Orders nodes so every node comes after all its inputs (Kahn's algorithm), keeping the written order wherever the
 * graph allows it: at each step the earliest-written ready node goes next. Nodes on a cycle, or reading an
 * unknown node, are appended at the end in written order.
 */
export function topologicalOrder(nodes: readonly GraphNode[]): number[] {
  const indexOf = indexById(nodes);
  const waitingOn = nodes.map((node) => new Set(node.inputs.filter((input) => indexOf.has(input))).size);
  const readers: number[][] = nodes.map(() => []);
  nodes.forEach((node, index) => {
    for (const input of new Set(node.inputs)) {
      const from = indexOf.get(input);
      if (from !== undefined) readers[from]!.push(index);
    }
  });
  const ready = nodes.map((_, index) => index).filter((index) => waitingOn[index] === 0);
  const order: number[] = [];
  const placed = new Set<number>();
  while (ready.length > 0) {
    const next = ready.shift()!;
    order.push(next);
    placed.add(next);
    for (const reader of readers[next]!) {
      waitingOn[reader]!--;
      if (waitingOn[reader] === 0) insertSorted(ready, reader);
    }
  }
  nodes.forEach((_, index) => {
    if (!placed.has(index)) order.push(index);
  });
  return order;
}

function insertSorted(sorted: number[], value: number): void {
  let at = sorted.length;
  while (at > 0 && sorted[at - 1]! > value) at--;
  sorted.splice(at, 0, value);
}

/**
 * Finds the cycles of the graph: one per strongly connected component that loops (Tarjan's algorithm). Each cycle
 * is a list of node indices in the direction records flow, starting and ending at the component's earliest-written
 * node, e.g. `[a, b, a]` when `b` reads `a` and `a` reads `b`.
 */
export function findCycles(nodes: readonly GraphNode[]): number[][] {
  const indexOf = indexById(nodes);
  const inputsOf = nodes.map((node) =>
    node.inputs.map((id) => indexOf.get(id)).filter((i) => i !== undefined),
  );
  const order = new Array<number>(nodes.length).fill(-1);
  const low = new Array<number>(nodes.length).fill(0);
  const onStack = new Array<boolean>(nodes.length).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;

  const visit = (start: number) => {
    // Iterative Tarjan: each frame is a node and the position of the next input to explore.
    const frames: [number, number][] = [[start, 0]];
    order[start] = low[start] = counter++;
    stack.push(start);
    onStack[start] = true;
    while (frames.length > 0) {
      const frame = frames.at(-1)!;
      const [node, next] = frame;
      const inputs = inputsOf[node]!;
      if (next < inputs.length) {
        frame[1]++;
        const input = inputs[next]!;
        if (order[input] === -1) {
          order[input] = low[input] = counter++;
          stack.push(input);
          onStack[input] = true;
          frames.push([input, 0]);
        } else if (onStack[input]) {
          low[node] = Math.min(low[node]!, order[input]!);
        }
        continue;
      }
      frames.pop();
      const parent = frames.at(-1);
      if (parent !== undefined) low[parent[0]] = Math.min(low[parent[0]]!, low[node]!);
      if (low[node] === order[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = false;
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
    }
  };
  nodes.forEach((_, index) => {
    if (order[index] === -1) visit(index);
  });

  const cycles: number[][] = [];
  for (const component of components) {
    const members = new Set(component);
    const first = component.reduce((a, b) => Math.min(a, b));
    const loops = component.length > 1 || inputsOf[first]!.includes(first);
    if (loops) cycles.push(cycleThrough(first, members, inputsOf));
  }
  return cycles.sort((a, b) => a[0]! - b[0]!);
}

/** A shortest loop from `start` back to itself inside one component, in the direction records flow. */
function cycleThrough(start: number, members: ReadonlySet<number>, inputsOf: readonly number[][]): number[] {
  // Search backwards along inputs (breadth first) from `start` until we come back to it; reversing that
  // input-chain gives the flow order.
  const cameFrom = new Map<number, number>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const input of inputsOf[node]!) {
      if (!members.has(input)) continue;
      if (input === start) {
        const chain = [start];
        for (let at = node; at !== start; at = cameFrom.get(at)!) chain.push(at);
        chain.push(start);
        return chain;
      }
      if (!cameFrom.has(input)) {
        cameFrom.set(input, node);
        queue.push(input);
      }
    }
  }
  return [start, start];
}
