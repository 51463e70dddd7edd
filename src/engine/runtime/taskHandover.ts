/**
 * What happens to a task when it changes hands (a rebalance, a crash, a restart): the instance that loses it drops
 * what it fetched and did not process; the instance that gets it resumes from the committed offsets, with the
 * partition times committed with them (KIP-353) as its stream time, and its window stores restored from their
 * changelogs up to those offsets (Kafka Streams `StreamTask#initializeIfNeeded`, `ProcessorStateManager`).
 */
import type { OperatorEnv } from "../topology/operatorEnv";
import type { ClusterState } from "./clusterState";
import { type TaskTimes, UNKNOWN_TIME } from "./taskTimes";
import type { WatermarkEmission } from "./watermarkEmission";
import type { WindowStores } from "./windowStores";

export class TaskHandover {
  constructor(
    private readonly cluster: ClusterState,
    private readonly times: TaskTimes,
    private readonly stores: WindowStores,
    private readonly watermarks: WatermarkEmission,
    private readonly env: OperatorEnv,
  ) {}

  /**
   * Sets the fetch position and the processed offset of the task's partitions to the committed offset (`resume`)
   * or to the processed one (dropping what was fetched), recording changes.
   */
  resetTask(instance: number, task: number, resume: boolean): void {
    const { taskTps, position, consumed, committed, recorder } = this.cluster;
    const { headOffset, idleDeadline } = this.times;
    for (const tp of taskTps[task]!) {
      headOffset[tp] = -1;
      idleDeadline[tp] = Number.NaN;
      const to = resume ? committed[tp]! : consumed[tp]!;
      if (position[tp] === to && consumed[tp] === to) continue;
      position[tp] = to;
      consumed[tp] = to;
      recorder.positionReset(instance, tp, to, !resume);
    }
  }

  /** A running instance resumes its tasks from the committed offsets (what a new owner or a restart reads). */
  resume(instance: number, tasks: readonly number[]): void {
    const { taskTps, recorder } = this.cluster;
    const { partitionTime, committedPartitionTime, streamTime } = this.times;
    for (const task of tasks) {
      this.resetTask(instance, task, true);
      // A new owner (or a restart) starts from the partition times committed with the offsets.
      let restored = UNKNOWN_TIME;
      for (const tp of taskTps[task]!) {
        partitionTime[tp] = committedPartitionTime[tp]!;
        restored = Math.max(restored, partitionTime[tp]!);
      }
      if (restored !== streamTime[task]) {
        streamTime[task] = restored;
        recorder.streamTime(task, restored, true);
      }
      this.restoreWindows(task);
      for (const tp of taskTps[task]!) this.cluster.notify(tp);
    }
  }

  /**
   * The task's window stores as of its last commit: the changelog restored up to the committed offsets. Anything
   * processed after the commit is processed again from the log. Under Flink the restored windows then see the
   * operator's current watermark.
   */
  private restoreWindows(task: number): void {
    const { taskTps, committed, recorder } = this.cluster;
    for (const [node, handle] of this.stores.handles) {
      const snapshot = this.stores.committed.get(node)![task]!;
      const hadState = handle.snapshot(task) !== null;
      const open = handle.restore(task, snapshot);
      if (snapshot !== null || hadState) {
        recorder.windowRestored(node, task, {
          offsets: taskTps[task]!.map((tp) => ({ tp, offset: committed[tp]! })),
          windows: open.length,
          streamTime: snapshot?.streamTime ?? -1,
          open: open.map((w) => ({
            key: w.key,
            start: w.window.start,
            end: w.window.end,
            endInclusive: w.window.endInclusive,
            value: w.value,
            closed: w.closed,
            emissions: w.emissions,
          })),
        });
      }
      const watermark = this.watermarks.windowWatermarkOf(node, task);
      if (watermark !== undefined && this.cluster.live(taskTps[task]![0]!)) {
        this.env.task = task;
        handle.advanceWatermark(task, watermark);
      }
    }
  }
}
