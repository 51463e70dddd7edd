/**
 * Timestamp extraction: the timestamp a task gives each record it takes from a partition (Kafka Streams'
 * `TimestampExtractor`, Flink's `TimestampAssigner`). A record whose timestamp is negative, missing or not an integer
 * is skipped: Kafka Streams' `RecordQueue#updateHead` drops records with a negative extracted timestamp ("Skipping
 * record due to negative extracted timestamp"), and an extractor that finds no timestamp returns a negative one.
 */
import type { Json, RecordContext, TimestampExtractorSpec, WallClockMs } from "../model";

/** The extracted timestamp, or the reason the record is skipped. */
export type Extracted = number | string;

export type TimestampExtractor = (
  record: RecordContext,
  appendTimeMs: WallClockMs,
  nowMs: WallClockMs,
) => Extracted;

function checked(what: string, value: Json | undefined): Extracted {
  if (typeof value !== "number") {
    return `${what} is ${value === undefined ? "missing" : JSON.stringify(value)}, not a timestamp`;
  }
  if (!Number.isSafeInteger(value)) return `${what} ${value} is not an integer`;
  if (value < 0) return `${what} ${value} is negative`;
  return value;
}

/** The extractor for a scenario's `time.timestamp`. */
export function createTimestampExtractor(spec: TimestampExtractorSpec): TimestampExtractor {
  switch (spec.kind) {
    case "event":
      return (record) => checked("the record timestamp", record.timestamp);
    case "ingestion":
      return (_record, appendTimeMs) => appendTimeMs;
    case "processing":
      return (_record, _append, nowMs) => nowMs;
    case "field": {
      const field = spec.field;
      return (record) => {
        const value = record.value;
        if (value === null || typeof value !== "object" || Array.isArray(value)) {
          return `the value is not an object, so it has no field "${field}"`;
        }
        return checked(`value.${field}`, Object.hasOwn(value, field) ? value[field] : undefined);
      };
    }
    case "expression":
      return (record) => {
        try {
          return checked(`\`${spec.source}\``, spec.extract(record));
        } catch (error) {
          return `\`${spec.source}\` failed: ${error instanceof Error ? error.message : String(error)}`;
        }
      };
    default: {
      const unknown: never = spec;
      throw new Error(`unknown timestamp extractor ${JSON.stringify(unknown)}`);
    }
  }
}

/** How the narration names the extractor. */
export function describeExtractor(spec: TimestampExtractorSpec): string {
  switch (spec.kind) {
    case "event":
      return "event time (the producer's timestamp)";
    case "ingestion":
      return "ingestion time (log-append time)";
    case "processing":
      return "processing time (the wall clock, WallclockTimestampExtractor)";
    case "field":
      return `event time from value.${spec.field}`;
    case "expression":
      return `\`${spec.source}\``;
    default: {
      const unknown: never = spec;
      return String(unknown);
    }
  }
}
