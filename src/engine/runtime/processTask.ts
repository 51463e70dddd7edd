/**
 * A task processes what it has fetched: record after record as `nextRecord.ts` chooses them, each advancing its
 * partition's time and the task's stream time (Kafka Streams `StreamTask#process`, `PartitionGroup`) and, under
 * Flink, its source partition's watermark generator; then the record enters the topology at its source node.
 */
import type { OperatorEnv, Processor } from "../topology/operatorEnv";
import type { ClusterState } from "./clusterState";
import type { NextRecord } from "./nextRecord";
import type { TaskTimes } from "./taskTimes";
import type { WatermarkEmission } from "./watermarkEmission";

export class TaskProcessing {
  constructor(
    private readonly cluster: ClusterState,
    private readonly times: TaskTimes,
    private readonly next: NextRecord,
    private readonly watermarks: WatermarkEmission,
    private readonly env: OperatorEnv,
    private readonly processors: readonly Processor[],
    /** Per topic-partition: the node index of the source (or table) that reads it. */
    private readonly sourceOfTp: Int32Array,
  ) {}

  /** A task's `max.task.idle.ms` deadline passed: it processes what it may now, if its owner runs. */
  idleDeadlinePassed(task: number): void {
    this.times.idleWakeScheduled[task] = Number.NaN;
    const owner = this.cluster.ownership.ofTask[task]!;
    if (owner >= 0 && this.cluster.running[owner]) this.processTask(task);
  }

  /** Processes records of `task` until it has none it may process now. */
  processTask(task: number): void {
    const cluster = this.cluster;
    const { consumed, context, recorder } = cluster;
    const { partitionTime, streamTime } = this.times;
    const next = this.next;
    const sources = this.watermarks.sources;
    for (;;) {
      const tp = next.choose(task);
      if (tp < 0) return;
      const ts = next.chosenTs;
      const offset = consumed[tp]!;
      cluster.setContext(tp, offset);
      consumed[tp] = offset + 1;
      const id = cluster.takeId(tp, offset);
      if (ts > partitionTime[tp]!) partitionTime[tp] = ts;
      if (ts > streamTime[task]!) {
        streamTime[task] = ts;
        recorder.streamTime(task, ts, false);
      }
      sources?.onEvent(tp, ts);
      this.env.task = task;
      this.processors[this.sourceOfTp[tp]!]!(context.key, context.value, ts, id, -2 - tp);
    }
  }
}
