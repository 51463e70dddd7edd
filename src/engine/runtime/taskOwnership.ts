/**
 * Who owns which task, as the run loop sees it at the current instant: per task its owning instance (or -1), per
 * topic-partition the owner of the task reading it, and per instance its tasks in task order. Changed only by
 * the group's events (`runCluster` applying `groupDriver`'s output).
 */
export class TaskOwnership {
  /** Per task: the instance that owns it, or -1. */
  readonly ofTask: Int32Array;
  /** Per topic-partition: the owner of the task that reads it, or -1. */
  readonly ofTp: Int32Array;
  /** Per instance: the tasks it owns, sorted. */
  readonly byInstance: number[][];

  constructor(
    private readonly taskTps: readonly (readonly number[])[],
    topicPartitions: number,
    instances: number,
  ) {
    this.ofTask = new Int32Array(taskTps.length).fill(-1);
    this.ofTp = new Int32Array(topicPartitions).fill(-1);
    this.byInstance = Array.from({ length: instances }, () => []);
  }

  /** Gives `task` to `instance` (-1: to nobody). */
  set(task: number, instance: number): void {
    const previous = this.ofTask[task]!;
    if (previous === instance) return;
    if (previous >= 0) {
      const list = this.byInstance[previous]!;
      list.splice(list.indexOf(task), 1);
    }
    this.ofTask[task] = instance;
    for (const tp of this.taskTps[task]!) this.ofTp[tp] = instance;
    if (instance >= 0) {
      const list = this.byInstance[instance]!;
      list.push(task);
      list.sort((x, y) => x - y);
    }
  }
}
