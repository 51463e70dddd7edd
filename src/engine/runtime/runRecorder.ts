/**
 * What the cluster-side run loop reports as it goes. The recording path stores it in the trace; the fast path
 * passes {@link silentRecorder}, which keeps nothing.
 */
import type { Json, RecordKey, WallClockMs } from "../model";

export interface RunRecorder {
  at(timeMs: WallClockMs): void;
  /** A producer sent a record; returns its record id. `placement` is `partition * 4 + rule`. */
  produced(producer: number, key: RecordKey, value: Json, timestamp: number, placement: number): number;
  buffered(record: number, producer: number, untilMs: WallClockMs): void;
  appended(record: number, topicPartition: number, offset: number): void;
  fetched(record: number, topicPartition: number, offset: number): void;
  committed(instance: number, topicPartition: number, offset: number): void;
  assigned(instance: number, generation: number, topicPartitions: string[]): void;
}

export const silentRecorder: RunRecorder = {
  at() {},
  produced: () => -1,
  buffered() {},
  appended() {},
  fetched() {},
  committed() {},
  assigned() {},
};
