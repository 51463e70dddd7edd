/**
 * The run loop's view of the topology's window stores: per windowed node its handle (`WindowedHandle`) and, per
 * task, the store's state as of the task's last commit (the changelog: what a new owner restores). Filled while the
 * topology compiles (`OperatorEnv.registerWindowed`).
 */
import type { WindowAggregationSnapshot } from "../aggregation/windowOperator";
import type { WindowedHandle } from "../topology/windowedTasks";

export class WindowStores {
  /** Per windowed node index: its handle. */
  readonly handles = new Map<number, WindowedHandle>();
  /** Per windowed node index, per task: its state as last committed (null: nothing committed). */
  readonly committed = new Map<number, (WindowAggregationSnapshot | null)[]>();

  constructor(private readonly taskCount: number) {}

  register(node: number, handle: WindowedHandle): void {
    this.handles.set(node, handle);
    this.committed.set(node, new Array(this.taskCount).fill(null));
  }

  /** The window stores' changelogs are flushed with the task's commit: their state up to the committed offsets. */
  commit(task: number): void {
    for (const [node, handle] of this.handles) this.committed.get(node)![task] = handle.snapshot(task);
  }
}
