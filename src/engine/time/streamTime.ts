/**
 * Kafka Streams stream time: the largest record timestamp processed so far.
 *
 * Reproduces `org.apache.kafka.streams.processor.internals.PartitionGroup#streamTime` (per task) and the
 * `observedStreamTime` field each windowed processor keeps (`KStreamWindowAggregate`, `KStreamSlidingWindowAggregate`,
 * `KStreamSessionWindowAggregate`): `observedStreamTime = Math.max(observedStreamTime, record.timestamp())`, updated
 * *before* the record is checked for lateness. It never decreases and only a processed record advances it.
 *
 * Before any record it is unknown: Kafka initialises it to `RecordQueue.UNKNOWN` / `ConsumerRecord.NO_TIMESTAMP`, which
 * is `-1`. We use the same `-1` ({@link UNKNOWN_STREAM_TIME}) so the numbers in a narration match Kafka's logs. Kafka
 * rejects negative record timestamps before they reach a processor, so `-1` never collides with a real timestamp.
 */
import { requireTimestamp } from "../windows/window";
import { ms } from "./decision";

/** `ConsumerRecord.NO_TIMESTAMP`: stream time before the first record. */
export const UNKNOWN_STREAM_TIME = -1;

/** What observing one record did to stream time. */
export interface StreamTimeObservation {
  readonly previous: number;
  readonly streamTime: number;
  readonly advanced: boolean;
  readonly reason: string;
}

/** One observed stream time (a task's, or one windowed operator's: there is no global stream time). */
export class StreamTime {
  #current: number;

  constructor(initial: number = UNKNOWN_STREAM_TIME) {
    this.#current = initial;
  }

  /** The stream time now: {@link UNKNOWN_STREAM_TIME} until a record has been observed. */
  get current(): number {
    return this.#current;
  }

  /** True once a record has been observed. */
  get known(): boolean {
    return this.#current !== UNKNOWN_STREAM_TIME;
  }

  /** Observes a processed record's timestamp: stream time becomes `max(old, ts)`. */
  observe(timestamp: number): StreamTimeObservation {
    requireTimestamp(timestamp);
    const previous = this.#current;
    const streamTime = Math.max(previous, timestamp);
    const advanced = streamTime > previous;
    const before = previous === UNKNOWN_STREAM_TIME ? "unknown (−1)" : ms(previous);
    const reason = advanced
      ? `record ts ${ms(timestamp)} > stream time ${before}: stream time advances to ${ms(streamTime)}`
      : `record ts ${ms(timestamp)} ≤ stream time ${ms(previous)}: stream time stays ${ms(streamTime)}`;
    this.#current = streamTime;
    return { previous, streamTime, advanced, reason };
  }
}
