/**
 * What the cluster-side run loop reports as it goes. The recording path stores it in the trace; the fast path
 * passes {@link silentRecorder}, which keeps nothing.
 */
import type { Json, RecordKey, WallClockMs } from "../model";
import type { WindowRestore } from "../trace/traceLog";
import type { GroupStepPayload } from "./groupDriver";
import type { ScheduleDecision } from "./recordScheduler";

export interface RunRecorder {
  /** False for a recorder that keeps nothing: the run loop then builds no details for it. */
  readonly detailed: boolean;
  at(timeMs: WallClockMs): void;
  /** A producer sent a record; returns its record id. `placement` is `partition * 4 + rule`. */
  produced(producer: number, key: RecordKey, value: Json, timestamp: number, placement: number): number;
  buffered(record: number, producer: number, untilMs: WallClockMs): void;
  appended(record: number, topicPartition: number, offset: number): void;
  fetched(record: number, topicPartition: number, offset: number, instance: number): void;
  /** A record fetched again (after a failover or a reset); returns the id its reprocessing runs under. */
  refetched(record: number, topicPartition: number, offset: number, instance: number): number;
  committed(instance: number, topicPartition: number, offset: number): void;
  /**
   * Fetch position and processed offset of a partition both set to `offset` by `instance`: resuming from the
   * committed offset, or dropping fetched records it will not process.
   */
  positionReset(instance: number, topicPartition: number, offset: number, dropFetched: boolean): void;
  /** A consumer-group happening; `instance` is -1 when it concerns the whole group. */
  group(instance: number, generation: number, payload: GroupStepPayload): void;
  /** A task skipped a record: its extracted timestamp was unusable (`reason`). */
  skipped(record: number, topicPartition: number, instance: number, reason: string): void;
  /** A task with several partitions chose where its next record comes from. */
  chose(task: number, decision: ScheduleDecision): void;
  /**
   * A task waits for `topicPartition`, which has nothing buffered: for data the broker has (`untilMs` -1) or for new
   * data until `untilMs` (`max.task.idle.ms`).
   */
  idled(task: number, topicPartition: number, untilMs: WallClockMs): void;
  /** A task's stream time advanced (processing a record) or was restored from committed partition times. */
  streamTime(task: number, timeMs: number, restored: boolean): void;
  /** A watermark advanced; `channel` as in `watermarkChannel` (or `-1 - topicPartition` for a source partition). */
  watermark(channel: number, watermark: number, reason: string): void;
  /** A source partition became idle or active again. */
  partitionIdle(topicPartition: number, idle: boolean, reason: string): void;
  /** A task's window store of a windowed node was restored from its changelog up to the committed offsets. */
  windowRestored(node: number, task: number, restore: WindowRestore): void;
}

export const silentRecorder: RunRecorder = {
  detailed: false,
  at() {},
  produced: () => -1,
  buffered() {},
  appended() {},
  fetched() {},
  refetched: () => -1,
  committed() {},
  positionReset() {},
  group() {},
  skipped() {},
  chose() {},
  idled() {},
  streamTime() {},
  watermark() {},
  partitionIdle() {},
  windowRestored() {},
};
