/**
 * The task a topology step ran in. A record is carried depth-first through its sub-topology from the moment a
 * source (or table) takes it from a partition, so the latest such step at or before `step` names the partition,
 * and the partition names the task.
 */
import { type DecodeContext, taskIdOfTp } from "./decodeStep";
import { StepKind } from "./traceLog";

/** The topic-partition a step took its record from, or -1 when it is not a step at a source. */
function partitionTaken(kind: number, c: number): number {
  if (kind === StepKind.recordProcessed || kind === StepKind.recordStored) return c < 0 ? -1 - c : -1;
  if (kind === StepKind.recordUnjoined) return c >> 2 < 0 ? -1 - (c >> 2) : -1;
  return -1;
}

export function taskAtStep(d: DecodeContext, step: number): string {
  const { kinds, c } = d.trace;
  for (let i = step; i >= 0; i--) {
    const tp = partitionTaken(kinds[i]!, c[i]!);
    if (tp >= 0) return taskIdOfTp(d.graph, tp);
  }
  return "-";
}
