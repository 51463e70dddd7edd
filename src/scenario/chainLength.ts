/**
 * How many operators a record can pass through in a row. The run loop hands a record from each operator to the
 * next by a direct call (the topology compiled into closures), so the longest chain of `from` links decides how deep
 * the call stack gets: a little over 300 bytes per operator. A topology is refused past {@link MAX_OPERATOR_CHAIN}
 * operators in a row, far beyond any real topology, so that running a scenario that validates never overflows the
 * stack — also in a browser worker, whose stack may be smaller than Node's.
 */
import { type GraphNode, indexById, topologicalOrder } from "./topologyGraph";

/** Most operators one record may pass through in a row (a source, then up to 255 more). */
export const MAX_OPERATOR_CHAIN = 256;

export interface TooLongChain {
  /** Index of the node where the chain passes the limit. */
  node: number;
  /** The chain's node ids, from a source to `node`. */
  chain: string[];
}

/** The first node (in flow order) ending a chain longer than {@link MAX_OPERATOR_CHAIN}, or null. Cycles are skipped. */
export function findTooLongChain(
  graph: readonly GraphNode[],
  onCycle: ReadonlySet<number>,
): TooLongChain | null {
  const indexOf = indexById(graph);
  const length = new Int32Array(graph.length);
  const previous = new Int32Array(graph.length).fill(-1);
  for (const i of topologicalOrder(graph)) {
    if (onCycle.has(i)) continue;
    let longest = 0;
    for (const input of graph[i]!.inputs) {
      const j = indexOf.get(input);
      if (j === undefined || onCycle.has(j) || length[j]! <= longest) continue;
      longest = length[j]!;
      previous[i] = j;
    }
    length[i] = longest + 1;
    if (length[i]! > MAX_OPERATOR_CHAIN) {
      const chain: string[] = [];
      for (let k = i; k >= 0; k = previous[k]!) chain.push(graph[k]!.id);
      return { node: i, chain: chain.reverse() };
    }
  }
  return null;
}

/** `in → m0 → … → m254 → m255`: the ends of a long chain. */
export function chainText(chain: readonly string[]): string {
  const shown = chain.length <= 6 ? chain : [...chain.slice(0, 3), "…", ...chain.slice(-2)];
  return shown.join(" → ");
}
