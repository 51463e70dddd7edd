/**
 * Time in the engine's model: timestamp extraction, record scheduling, `max.task.idle.ms` and Flink watermarks.
 * Re-exported by `model.ts`.
 */
import type { Json, RecordFunction } from "./model";

/**
 * Where a record's timestamp comes from (Kafka Streams' `TimestampExtractor`, Flink's `TimestampAssigner`):
 * - `event`: the producer's record timestamp (`CreateTime`, Kafka's `FailOnInvalidTimestamp` family);
 * - `ingestion`: the broker's log-append time (`LogAppendTime`);
 * - `processing`: the wall clock when the task processes the record (`WallclockTimestampExtractor`);
 * - `field`: a number in the record value's field;
 * - `expression`: a user expression over the record.
 */
export type TimestampExtractorSpec =
  | { kind: "event" }
  | { kind: "ingestion" }
  | { kind: "processing" }
  | { kind: "field"; field: string }
  | { kind: "expression"; source: string; extract: RecordFunction<Json> };

/**
 * How a task with several partitions picks its next record:
 * - `timestamp`: Kafka Streams' `PartitionGroup#nextRecord`, the partition whose head record has the smallest
 *   timestamp;
 * - `round-robin`: one record from each partition with buffered records in turn;
 * - `arrival`: the head record that was appended to its log first (log-append time, then partition order);
 * - `custom`: the user's expression runs on each partition's head record; the smallest number wins.
 * Ties go to the partition listed first in the task.
 */
export type SchedulerSpec =
  | { kind: "timestamp" }
  | { kind: "round-robin" }
  | { kind: "arrival" }
  | { kind: "custom"; source: string; rank: RecordFunction<Json> };

/** Flink's `WatermarkStrategy.forBoundedOutOfOrderness(...)`, its periodic emitter and `withIdleness`. */
export interface WatermarkSpec {
  outOfOrdernessMs: number;
  /** `pipeline.auto-watermark-interval`: a watermark is emitted every this many ms of wall clock. */
  autoWatermarkIntervalMs: number;
  /** A source partition with no records for this long is idle and holds nobody back; null: never idle. */
  idlenessMs: number | null;
}

/** The application's time settings. */
export interface TimeSpec {
  /** Whose rules decide when windows are complete: stream time and grace, or watermarks and allowed lateness. */
  semantics: "kafka-streams" | "flink";
  timestamp: TimestampExtractorSpec;
  scheduler: SchedulerSpec;
  /** Kafka Streams `max.task.idle.ms`: 0 (default) waits only for data the broker has; -1 never waits. */
  maxTaskIdleMs: number;
  watermarks: WatermarkSpec;
}

export const DEFAULT_TIME: TimeSpec = {
  semantics: "kafka-streams",
  timestamp: { kind: "event" },
  scheduler: { kind: "timestamp" },
  maxTaskIdleMs: 0,
  watermarks: { outOfOrdernessMs: 0, autoWatermarkIntervalMs: 200, idlenessMs: null },
};
