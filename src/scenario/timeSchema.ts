/**
 * The application's time settings (`app.time`): which engine's time rules apply, where record timestamps come from,
 * how a task picks its next record, and Flink's watermarks.
 */
import { MAX_WALL_CLOCK_MS, TIME_DEFAULTS } from "./defaults";
import { durationMs, expression, withDefault } from "./schemaPrimitives";
import { z } from "./zod";

export { TIME_DEFAULTS } from "./defaults";

const FIELD_NAME = /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/;

export const timestampSchema = z
  .union([
    z
      .enum(["event", "ingestion", "processing"])
      .describe(
        "event: the producer's record timestamp; ingestion: the broker's log-append time; processing: the wall " +
          "clock when the task processes the record.",
      ),
    z
      .strictObject({
        field: z
          .string()
          .regex(FIELD_NAME, { error: "must be a field name (letters, digits, _ and $)" })
          .describe("A field of the record value holding the timestamp (ms)."),
      })
      .describe("Event time read from a field of the value."),
    z
      .strictObject({
        expression: expression(
          "Returns the record's timestamp (ms). Variables: key, value, timestamp, partition, offset, topic.",
        ),
      })
      .describe("Event time computed by an expression."),
  ])
  .describe(
    "Where record timestamps come from (Kafka Streams TimestampExtractor). A negative, missing or non-integer " +
      "timestamp makes the task skip the record, as Kafka Streams' RecordQueue does.",
  );

export const schedulerSchema = z
  .union([
    z
      .enum(["timestamp", "round-robin", "arrival"])
      .describe(
        "timestamp: the partition whose head record has the smallest timestamp (Kafka Streams " +
          "PartitionGroup#nextRecord); round-robin: each partition with buffered records in turn; arrival: the head " +
          "record appended first.",
      ),
    z
      .strictObject({
        expression: expression(
          "Runs on each partition's head record; the smallest number wins (ties: the partition listed first). " +
            "Variables: key, value, timestamp, partition, offset, topic.",
        ),
      })
      .describe("A custom scheduler."),
  ])
  .describe("How a task reading several partitions picks its next record.");

export const watermarksSchema = z
  .strictObject({
    outOfOrdernessMs: withDefault(
      durationMs(
        MAX_WALL_CLOCK_MS,
        "Flink BoundedOutOfOrdernessWatermarks: watermark = max timestamp − this − 1.",
      ),
      TIME_DEFAULTS.watermarks.outOfOrdernessMs,
    ),
    autoWatermarkIntervalMs: withDefault(
      z
        .number()
        .int()
        .min(1)
        .max(3_600_000)
        .describe(
          "pipeline.auto-watermark-interval: a watermark is emitted every this many ms of wall clock.",
        ),
      TIME_DEFAULTS.watermarks.autoWatermarkIntervalMs,
    ),
    idlenessMs: durationMs(
      MAX_WALL_CLOCK_MS,
      "WatermarkStrategy#withIdleness: a source partition without records for longer than this is idle and " +
        "holds no watermark back. Default: never idle.",
    ).optional(),
  })
  .describe("Flink's watermarks (used when semantics is flink).");

export const timeSchema = z
  .strictObject({
    semantics: withDefault(
      z
        .enum(["kafka-streams", "flink"])
        .describe(
          "kafka-streams: stream time and grace decide when windows are complete; flink: watermarks and allowed " +
            "lateness.",
        ),
      TIME_DEFAULTS.semantics,
    ),
    timestamp: withDefault(timestampSchema, TIME_DEFAULTS.timestamp),
    scheduler: withDefault(schedulerSchema, TIME_DEFAULTS.scheduler),
    maxTaskIdleMs: withDefault(
      z
        .number()
        .int()
        .min(-1)
        .max(MAX_WALL_CLOCK_MS)
        .describe(
          "Kafka Streams max.task.idle.ms: with a partition of the task empty, 0 waits only while the broker has " +
            "data for it; a positive value also waits that long for new data; -1 never waits.",
        ),
      TIME_DEFAULTS.maxTaskIdleMs,
    ),
    watermarks: watermarksSchema.optional(),
  })
  .describe("Timestamps, record scheduling, stream time and watermarks.");

export type ScenarioTime = z.infer<typeof timeSchema>;
