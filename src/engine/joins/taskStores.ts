/**
 * State of a stateful operator, one store per task. A node belongs to one sub-topology, so the task processing a
 * record is identified by the partition it was read from (task `<subtopology>_<partition>`): a record of partition
 * `p` only ever sees the state of task `p`. That is why copartitioning matters, and why records placed by a
 * different partitioner silently miss each other.
 *
 * When tasks move between instances (a rebalance), the owner of the task's state changes: `revoke(partition)` drops
 * it (a new owner would restore it from the changelog topic).
 */
export class TaskStores<T> {
  private readonly stores = new Map<number, T>();

  constructor(private readonly create: () => T) {}

  /** The store of the task processing partition `partition`, created empty on first use. */
  of(partition: number): T {
    let store = this.stores.get(partition);
    if (store === undefined) {
      store = this.create();
      this.stores.set(partition, store);
    }
    return store;
  }

  /** Forgets the state of the task for `partition` (its task was revoked from this instance). */
  revoke(partition: number): void {
    this.stores.delete(partition);
  }
}
