/**
 * Watermarks into windowed operators (Flink): a window follows a `keyBy`, which shuffles, so the operator in every
 * task of its sub-topology has one input channel per source partition of that sub-topology, combined by a
 * `StatusWatermarkValve` per operator and task. The run loop feeds each partition's watermark or idleness in here
 * and hears which operators' watermarks advanced.
 */
import { StatusWatermarkValve } from "../time/watermarkValve";
import type { TopologyGraph } from "../topology/topologyGraph";

export type ValveInput = (
  valve: StatusWatermarkValve,
  slot: number,
) => { advanced: boolean; watermark: number; reason: string };

export class WindowWatermarks {
  readonly #valves = new Map<number, StatusWatermarkValve[]>();
  readonly #channels = new Map<number, number[]>();

  constructor(
    private readonly graph: TopologyGraph,
    windowedNodes: Iterable<number>,
  ) {
    for (const node of windowedNodes) {
      const sub = graph.nodes[node]!.subtopology;
      const channels = graph.tasks.filter((t) => t.subtopology === sub).flatMap((t) => t.topicPartitions);
      this.#channels.set(node, channels);
      this.#valves.set(
        node,
        graph.tasks.map(() => new StatusWatermarkValve(Math.max(1, channels.length))),
      );
    }
  }

  /** The operator's current watermark in that task, or undefined when it has no valve (not under Flink). */
  watermarkOf(node: number, task: number): number | undefined {
    return this.#valves.get(node)?.[task]?.watermark;
  }

  /**
   * Feeds partition `tp`'s change into every windowed operator's valve in every task of its sub-topology; tells
   * `advanced` each time an operator's watermark in a task moves.
   */
  input(
    tp: number,
    input: ValveInput,
    advanced: (node: number, task: number, watermark: number, reason: string) => void,
  ): void {
    for (const [node, valves] of this.#valves) {
      const slot = this.#channels.get(node)!.indexOf(tp);
      if (slot < 0) continue;
      const sub = this.graph.nodes[node]!.subtopology;
      valves.forEach((valve, task) => {
        if (this.graph.tasks[task]!.subtopology !== sub) return;
        const out = input(valve, slot);
        if (out.advanced) advanced(node, task, out.watermark, out.reason);
      });
    }
  }
}
