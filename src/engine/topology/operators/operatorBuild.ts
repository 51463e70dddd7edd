/**
 * What an operator module is given to build its processor: the node's index, the processors listening to it, the
 * run's shared environment and the recorder of its path (see `operatorRecorder.ts`).
 */
import type { OperatorEnv, Processor } from "../operatorEnv";
import type { WindowedAggregationFactory } from "../windowedTasks";
import type { OperatorRecorder } from "./operatorRecorder";

export interface OperatorBuild {
  /** The node's index: the `from` its children receive. */
  readonly self: number;
  /** The processors listening to the node (to one branch of it). */
  readonly children: (branch: string | null) => Processor[];
  readonly env: OperatorEnv;
  readonly recorder: OperatorRecorder;
  /** Windowed aggregation cores; null when their code is not loaded. */
  readonly windowedAggregation: WindowedAggregationFactory | null;
}

/** One processor calling every child in turn, as coming from `self`. */
export function fanOut(children: Processor[], self: number): Processor {
  if (children.length === 1) {
    const only = children[0]!;
    return (k, v, t, id) => only(k, v, t, id, self);
  }
  return (k, v, t, id) => {
    for (let i = 0; i < children.length; i++) children[i]!(k, v, t, id, self);
  };
}
