/**
 * What compiled operators share during a run: the record context user functions read, and the way a sink hands a
 * record to the broker.
 */

import type { TaskStateRegistry } from "../joins/taskStateRegistry";
import type { Json, RecordContext, RecordKey } from "../model";
import type { Placement } from "../partitioning/placement";
import type { WindowedHandle } from "./windowedTasks";

/**
 * A compiled operator: receives a record from node `from` and processes it. A record fetched from a partition
 * arrives at its source node with `from = -2 - topicPartition`.
 */
export type Processor = (key: RecordKey, value: Json, timestamp: number, id: number, from: number) => void;

export interface OperatorEnv {
  /** Set by the run loop to the source record being processed (its partition, offset, topic). */
  readonly context: RecordContext;
  /** The wall-clock time now (a left join throttles its emission of closed windows by it). */
  readonly wallClockMs: () => number;
  /** The index of the node with id `id` (the `from` a processor receives when that node forwards to it). */
  readonly nodeIndex: (id: string) => number;
  /** Where stateful nodes register their per-task state, so a revoked task's state can be dropped. */
  readonly taskState: TaskStateRegistry;
  /** Set by the run loop: the task whose record (or watermark) is being processed. */
  task: number;
  /** A windowed node hands the run loop its handle (watermarks, commit snapshots, restores). */
  registerWindowed(node: number, handle: WindowedHandle): void;
  /** Per sink or repartition node index: its partitioner. */
  readonly sinkPlacement: (node: number) => Placement;
  /** Appends a record written by a sink to partition `partition` of `topic`; returns the offset. */
  sinkAppend(
    topic: string,
    partition: number,
    key: RecordKey,
    value: Json,
    timestamp: number,
    id: number,
  ): number;
}

/** Message of a user-function failure, for the trace. */
export function failureMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Validates a flatMap result: an array of `{ key, value }` objects. */
export function flatMapRecords(result: Json): { key: RecordKey; value: Json }[] {
  if (!Array.isArray(result))
    throw new TypeError(`flatMap must return an array of {key, value}, got ${typeof result}`);
  for (const item of result) {
    if (item === null || typeof item !== "object" || Array.isArray(item) || !("key" in item)) {
      throw new TypeError("flatMap must return an array of {key, value} objects");
    }
  }
  return result as { key: RecordKey; value: Json }[];
}

/** Validates a flatMapValues result: an array. */
export function flatMapValues(result: Json): Json[] {
  if (!Array.isArray(result)) throw new TypeError(`flatMapValues must return an array, got ${typeof result}`);
  return result;
}
