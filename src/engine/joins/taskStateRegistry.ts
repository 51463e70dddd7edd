/**
 * Every stateful node's per-task state in one run, so the run loop can drop a task's state when the task leaves an
 * instance (a rebalance revokes it, the instance crashes). A node registers its {@link TaskStores} when it is
 * compiled; `revokeTask` forgets, in every node of the task's sub-topology, the store of that task's partition.
 */
import type { TaskStores } from "./taskStores";

export class TaskStateRegistry {
  private readonly byNode = new Map<number, TaskStores<unknown>>();

  register(node: number, stores: TaskStores<unknown>): void {
    this.byNode.set(node, stores);
  }

  /** Drops the state of task `<subtopology>_<partition>`; `nodes` are the indexes of the sub-topology's nodes. */
  revokeTask(nodes: readonly number[], partition: number): void {
    for (const node of nodes) this.byNode.get(node)?.revoke(partition);
  }

  /** Nodes holding per-task state, by index. */
  statefulNodes(): number[] {
    return [...this.byNode.keys()].sort((a, b) => a - b);
  }
}
