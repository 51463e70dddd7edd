/**
 * What the cluster-side run loop reports as it goes. The recording path stores it in the trace; the fast path
 * passes {@link silentRecorder}, which keeps nothing.
 */
import type { Json, RecordKey, WallClockMs } from "../model";
import type { GroupStepPayload } from "./groupDriver";

export interface RunRecorder {
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
}

export const silentRecorder: RunRecorder = {
  at() {},
  produced: () => -1,
  buffered() {},
  appended() {},
  fetched() {},
  refetched: () => -1,
  committed() {},
  positionReset() {},
  group() {},
};
