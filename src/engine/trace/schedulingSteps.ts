/**
 * Where each task's scheduler decided something: the steps at which a task chose the partition of its next record
 * (`partitionChosen`, Kafka Streams `PartitionGroup#nextRecord`) or waited for an empty partition (`taskIdled`,
 * `PartitionGroup#readyToProcess`). One pass over the kind column, so a view can find a task's next decision after
 * any cursor by binary search instead of decoding the steps in between.
 */
import { StepKind, type TraceLog } from "./traceLog";

/** Per task index, the indexes of its scheduling steps, in order. */
export function schedulingSteps(trace: TraceLog, tasks: number): number[][] {
  const steps: number[][] = Array.from({ length: tasks }, () => []);
  for (let step = 0; step < trace.length; step++) {
    const kind = trace.kinds[step];
    if (kind === StepKind.partitionChosen || kind === StepKind.taskIdled) steps[trace.a[step]!]?.push(step);
  }
  return steps;
}
