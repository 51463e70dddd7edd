/**
 * The time side of a run's tasks as one object: the extracted timestamp of each partition's head record, what
 * `max.task.idle.ms` waits for, partition time and stream time (Kafka Streams `PartitionGroup`, `RecordQueue`).
 * Read and changed by `nextRecord.ts` (which record a task processes next), `processTask.ts` (stream time
 * advances), `commits.ts` (partition times go with the offsets) and `taskHandover.ts` (a new owner restores them).
 */
import type { SimulationModel } from "../model";
import { DEFAULT_TIME, type TimeSpec } from "../timeModel";
import { type RankHead, rankerFor } from "./recordScheduler";
import { createTimestampExtractor, type TimestampExtractor } from "./timestampExtractor";

/** Stream time before a task processed any record (`RecordQueue.UNKNOWN`). */
export const UNKNOWN_TIME = -1;

export class TaskTimes {
  readonly spec: TimeSpec;
  readonly extract: TimestampExtractor;
  /** Event-time extraction: the producer's timestamp, read without the record context when it is usable. */
  readonly eventTime: boolean;
  readonly rank: RankHead;
  readonly maxTaskIdleMs: number;
  /** Per topic-partition: the offset whose extracted timestamp `headTs` holds (-1: none). */
  readonly headOffset: Float64Array;
  readonly headTs: Float64Array;
  /** Per topic-partition: the lag the last fetch reported (Kafka's `fetchedLags`); -1 before the first fetch. */
  readonly fetchedLag: Float64Array;
  /** Per topic-partition: when an empty partition stops holding its task back (`idlePartitionDeadlines`); NaN: unset. */
  readonly idleDeadline: Float64Array;
  /** Per task: the idle deadline a wake-up is on the agenda for (NaN: none). */
  readonly idleWakeScheduled: Float64Array;
  /** Per task: round-robin's next partition slot. */
  readonly rotation: Int32Array;
  /** Kafka Streams partition time (largest timestamp processed) per topic-partition, and as last committed. */
  readonly partitionTime: Float64Array;
  readonly committedPartitionTime: Float64Array;
  /** Per task: stream time, the largest timestamp it processed (`PartitionGroup#streamTime`). */
  readonly streamTime: Float64Array;

  constructor(model: SimulationModel, topicPartitions: number, tasks: number) {
    const time = model.app.time ?? DEFAULT_TIME;
    this.spec = time;
    this.extract = createTimestampExtractor(time.timestamp);
    this.eventTime = time.timestamp.kind === "event";
    this.rank = rankerFor(time.scheduler);
    this.maxTaskIdleMs = time.maxTaskIdleMs;
    this.headOffset = new Float64Array(topicPartitions).fill(-1);
    this.headTs = new Float64Array(topicPartitions);
    this.fetchedLag = new Float64Array(topicPartitions).fill(-1);
    this.idleDeadline = new Float64Array(topicPartitions).fill(Number.NaN);
    this.idleWakeScheduled = new Float64Array(tasks).fill(Number.NaN);
    this.rotation = new Int32Array(tasks);
    this.partitionTime = new Float64Array(topicPartitions).fill(UNKNOWN_TIME);
    this.committedPartitionTime = new Float64Array(topicPartitions).fill(UNKNOWN_TIME);
    this.streamTime = new Float64Array(tasks).fill(UNKNOWN_TIME);
  }
}
