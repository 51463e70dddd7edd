/**
 * Commits: an instance commits its tasks every `commit.interval.ms` (and before it gives tasks up or shuts down).
 * A commit stores, per partition, the processed offset and the partition time (KIP-353, `StreamTask#commit`), and
 * flushes the window stores' changelogs up to them: what the task's next owner resumes from.
 */
import type { ClusterState } from "./clusterState";
import type { TaskTimes } from "./taskTimes";
import type { WindowStores } from "./windowStores";

export class Commits {
  constructor(
    private readonly cluster: ClusterState,
    private readonly times: TaskTimes,
    private readonly stores: WindowStores,
  ) {}

  /** The scheduled commit of `instance` (`commit.interval.ms`): all its tasks, if it still runs. */
  commit(instance: number): void {
    const cluster = this.cluster;
    cluster.commitScheduled[instance] = 0;
    if (cluster.running[instance]) this.commitTasks(instance, cluster.ownership.byInstance[instance]!);
  }

  /** Commits `tasks` of `instance`: offsets, partition times and window stores. */
  commitTasks(instance: number, tasks: readonly number[]): void {
    const { taskTps, consumed, committed, recorder } = this.cluster;
    const { partitionTime, committedPartitionTime } = this.times;
    for (const task of tasks) {
      this.stores.commit(task);
      for (const tp of taskTps[task]!) {
        committedPartitionTime[tp] = partitionTime[tp]!;
        if (consumed[tp]! > committed[tp]!) {
          committed[tp] = consumed[tp]!;
          recorder.committed(instance, tp, consumed[tp]!);
        }
      }
    }
  }
}
