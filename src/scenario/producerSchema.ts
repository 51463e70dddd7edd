/**
 * The schema of a producer: what it sends, to which topic, and when.
 *
 * Terms: `at` is the *wall-clock* (processing) time the producer sends a record; `timestamp` is the record's
 * *event time* (Kafka's `CreateTime`). A *generator* sends `count` records on a schedule with seeded random keys
 * and out-of-order timestamps. A *disconnect window* `[fromMs, toMs)` is a time the producer cannot reach the
 * broker: it buffers and flushes at `toMs`.
 */
import { MAX_STRING_LENGTH } from "../engine/values/valueLimits";
import { HARD_LIMITS, MAX_WALL_CLOCK_MS, SCENARIO_DEFAULTS } from "./defaults";
import { jsonValueSchema } from "./jsonValue";
import {
  durationMs,
  expression,
  kafkaName,
  partitionerSchema,
  wallClockMs,
  withDefault,
} from "./schemaPrimitives";
import { z } from "./zod";

export const explicitRecordSchema = z
  .strictObject({
    at: wallClockMs("Wall-clock time (ms) the producer sends the record."),
    key: jsonValueSchema.optional().describe("The record key: any JSON. null or omitted = a null key."),
    value: jsonValueSchema.optional().describe("The record value: any JSON. Default null."),
    timestamp: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        "Event time (ms). Default: the send time `at` (Kafka's CreateTime). Kafka refuses negative times.",
      ),
    partition: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("Explicit partition: wins over the partitioner. Must exist in the topic."),
  })
  .describe("One record sent by the producer.");

const plainKeySchema = z
  .union([z.string().max(MAX_STRING_LENGTH), z.number(), z.boolean(), z.null()])
  .describe("A key (string, number, boolean or null) drawn with weight 1.");

export const weightedKeySchema = z
  .strictObject({
    key: jsonValueSchema.describe("The key: any JSON; null is a null key."),
    weight: z.number().positive().max(1_000_000).describe("Relative weight: how often this key is drawn."),
  })
  .describe("A key with a relative weight.");

export const generatorSchema = z
  .strictObject({
    count: z.number().int().min(1).max(HARD_LIMITS.maxRecords).describe("How many records to send."),
    keys: z
      .array(z.union([plainKeySchema, weightedKeySchema]))
      .min(1)
      .max(10_000)
      .describe('Keys to draw from (seeded): plain keys, or { "key": ..., "weight": n } for a skewed mix.'),
    everyMs: durationMs(
      MAX_WALL_CLOCK_MS,
      "Wall-clock gap (ms) between two records: record i is sent at startMs + i × everyMs.",
    ),
    startMs: withDefault(
      wallClockMs("Wall-clock time (ms) of the first record."),
      SCENARIO_DEFAULTS.generate.startMs,
    ),
    jitterMs: withDefault(
      durationMs(
        MAX_WALL_CLOCK_MS,
        "Event time = send time − u × jitterMs for a seeded uniform u in [0, 1): out-of-order timestamps.",
      ),
      SCENARIO_DEFAULTS.generate.jitterMs,
    ),
    value: expression(
      "The value of record i. Variables: value (= the sequence number i), key, timestamp. Default: null.",
    ).optional(),
  })
  .describe("Generated records: a seeded schedule of keys and out-of-order timestamps.");

export const disconnectWindowSchema = z
  .strictObject({
    fromMs: wallClockMs("Start of the disconnection (inclusive)."),
    toMs: wallClockMs("End of the disconnection (exclusive): buffered records are flushed at this instant."),
  })
  .superRefine((window, ctx) => {
    if (window.toMs <= window.fromMs) {
      ctx.addIssue({
        code: "custom",
        path: ["toMs"],
        message: `must be greater than fromMs (${window.fromMs})`,
      });
    }
  })
  .describe("A wall-clock interval [fromMs, toMs) during which the producer cannot reach the broker.");

export const producerSchema = z
  .strictObject({
    id: kafkaName("Producer id (its client.id), unique among producers."),
    topic: kafkaName("The topic it writes to; must be declared in topics."),
    delayMs: withDefault(
      durationMs(3_600_000, "Network delay (ms) between sending and the broker appending the record."),
      SCENARIO_DEFAULTS.producer.delayMs,
    ),
    partitioner: withDefault(partitionerSchema, "default"),
    batchSizeBytes: withDefault(
      z
        .number()
        .int()
        .min(1)
        .max(64 * 1024 * 1024)
        .describe(
          "Kafka's batch.size: bytes the sticky partitioner sends to one partition before switching (null keys).",
        ),
      SCENARIO_DEFAULTS.producer.batchSizeBytes,
    ),
    disconnected: z
      .array(disconnectWindowSchema)
      .max(1_000)
      .optional()
      .describe("Times the producer is cut off from the broker; windows must not overlap."),
    records: z
      .array(explicitRecordSchema)
      .optional()
      .describe("Records to send, each at its own wall-clock time."),
    generate: generatorSchema.optional(),
  })
  .superRefine((producer, ctx) => {
    if (
      (producer.records === undefined || producer.records.length === 0) &&
      producer.generate === undefined
    ) {
      ctx.addIssue({ code: "custom", path: [], message: 'a producer needs "records", "generate" or both' });
    }
  })
  .describe("A Kafka producer writing to one topic.");

export type ScenarioExplicitRecord = z.infer<typeof explicitRecordSchema>;
export type ScenarioWeightedKey = z.infer<typeof weightedKeySchema>;
export type ScenarioGenerator = z.infer<typeof generatorSchema>;
export type ScenarioDisconnectWindow = z.infer<typeof disconnectWindowSchema>;
export type ScenarioProducer = z.infer<typeof producerSchema>;
