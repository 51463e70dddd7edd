/**
 * Kafka Streams' window assigners (`org.apache.kafka.streams.kstream`). Kafka never windows a record with a negative
 * timestamp (the source node drops it, or the `TimestampExtractor` fails), so these refuse one.
 */
import {
  requireFewWindows,
  requireInteger,
  requireTimestamp,
  timeWindow,
  type Window,
  type WindowAssigner,
  WindowError,
} from "./window";

function requireKafkaTimestamp(timestamp: number): void {
  requireTimestamp(timestamp);
  if (timestamp < 0) throw new WindowError("Kafka Streams drops records with negative timestamps");
}

/**
 * `TimeWindows.ofSizeWithNoGrace(size).advanceBy(advance)`: hopping windows `[start, start + size)`, epoch-aligned
 * (starts are multiples of `advance`) and never starting below 0. Tumbling windows are the case `advance = size`.
 * `TimeWindows` requires `size > 0` and `0 < advance <= size`.
 */
export function kafkaTimeWindows(size: number, advance: number = size): WindowAssigner {
  requireInteger("size", size, 1);
  requireInteger("advance", advance, 1);
  if (advance > size) throw new WindowError(`advance (${advance}) must not be larger than size (${size})`);
  requireFewWindows(size, advance);
  return {
    semantics: "kafka-streams",
    type: advance === size ? "tumbling" : "hopping",
    reproduces: "org.apache.kafka.streams.kstream.TimeWindows",
    windowsFor(timestamp) {
      requireKafkaTimestamp(timestamp);
      // TimeWindows.windowsFor:
      //   long windowStart = (Math.max(0, timestamp - sizeMs + advanceMs) / advanceMs) * advanceMs;
      //   while (windowStart <= timestamp) { windows.put(windowStart, new TimeWindow(windowStart, windowStart + sizeMs)); windowStart += advanceMs; }
      const windows: Window[] = [];
      for (
        let start = Math.floor(Math.max(0, timestamp - size + advance) / advance) * advance;
        start <= timestamp;
        start += advance
      ) {
        windows.push(timeWindow(start, start + size));
      }
      return windows;
    },
  };
}

/**
 * `SessionWindows.ofInactivityGapWithNoGrace(gap)`: a session is `[first ts, last ts]`, both ends inclusive
 * (`SessionWindow`), so the window a lone record opens is `[ts, ts]`. Records within `gap` of a session merge into it
 * at aggregation time (`KStreamSessionWindowAggregate`), which is out of scope here. Requires `gap > 0`.
 */
export function kafkaSessionWindows(gap: number): WindowAssigner {
  requireInteger("gap", gap, 1);
  return {
    semantics: "kafka-streams",
    type: "session",
    reproduces: "org.apache.kafka.streams.kstream.SessionWindows",
    windowsFor(timestamp) {
      requireKafkaTimestamp(timestamp);
      return [{ start: timestamp, end: timestamp, endInclusive: true }];
    },
  };
}

/**
 * `SlidingWindows.ofTimeDifferenceWithNoGrace(timeDifference)` (KIP-450): windows `[start, end]`, inclusive at both
 * ends, with `end - start = timeDifference`. This is only the *left window* a lone record creates: `[ts - diff, ts]`,
 * or `[0, diff]` when `ts < diff` (`KStreamSlidingWindowAggregate.processEarly`: no window starts below 0). At
 * aggregation time a record also creates windows relative to the other records in range (its right window, and
 * the right windows of earlier records it falls into); those depend on the other records and are out of scope here.
 * Requires `timeDifference >= 0`.
 */
export function kafkaSlidingWindows(timeDifference: number): WindowAssigner {
  requireInteger("timeDifference", timeDifference, 0);
  return {
    semantics: "kafka-streams",
    type: "sliding",
    reproduces: "org.apache.kafka.streams.kstream.SlidingWindows",
    windowsFor(timestamp) {
      requireKafkaTimestamp(timestamp);
      const start = Math.max(0, timestamp - timeDifference);
      return [{ start, end: start + timeDifference, endInclusive: true }];
    },
  };
}
