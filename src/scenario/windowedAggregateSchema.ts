/**
 * The `windowedAggregate` operator: group records by key into windows and fold each window into a value (Kafka
 * Streams `groupByKey().windowedBy(...).aggregate(...)`, Flink `keyBy(...).window(...).aggregate(...)`), under the
 * rules `app.time.semantics` names.
 */
import { MAX_WALL_CLOCK_MS } from "./defaults";
import { durationMs, expression, nodeId, nodeRefSchema, withDefault } from "./schemaPrimitives";
import { z } from "./zod";

const size = (what: string) => z.number().int().min(1).max(MAX_WALL_CLOCK_MS).describe(what);
const offset = durationMs(MAX_WALL_CLOCK_MS, "Flink only: shifts the windows off the epoch (ms).").optional();

export const windowSpecSchema = z
  .discriminatedUnion("type", [
    z
      .strictObject({ type: z.literal("tumbling"), sizeMs: size("Window size (ms)."), offsetMs: offset })
      .describe("Fixed-size windows that do not overlap: [start, start + size)."),
    z
      .strictObject({
        type: z.literal("hopping"),
        sizeMs: size("Window size (ms)."),
        advanceMs: size("How far each window starts after the previous one (ms); ≤ sizeMs."),
        offsetMs: offset,
      })
      .describe("Fixed-size windows that overlap (Flink calls them sliding windows)."),
    z
      .strictObject({
        type: z.literal("sliding"),
        timeDifferenceMs: size("The most two records of one window are apart (ms)."),
      })
      .describe("Kafka Streams SlidingWindows (KIP-450): [t − difference, t] windows made per record."),
    z
      .strictObject({ type: z.literal("session"), gapMs: size("Inactivity gap that ends a session (ms).") })
      .describe("Per-key sessions: records closer than the gap share a session; sessions merge."),
  ])
  .describe("The windows records are grouped into.");

const of = expression(
  "The number (or value) each record contributes. Variables: key, value, timestamp, partition, offset, topic.",
);

export const aggregateSpecSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("count") }).describe("The number of records."),
    z.strictObject({ kind: z.literal("sum"), of }).describe("The sum of `of`."),
    z.strictObject({ kind: z.literal("min"), of }).describe("The smallest `of`."),
    z.strictObject({ kind: z.literal("max"), of }).describe("The largest `of`."),
    z
      .strictObject({
        kind: z.literal("reduce"),
        reducer: expression(
          "Combines the aggregate so far with the next input. Variables: aggregate, value.",
        ),
        of: of.optional(),
      })
      .describe("Folds the inputs (`of`, default the record value) with the reducer."),
    z
      .strictObject({ kind: z.literal("collect"), of: of.optional() })
      .describe("The list of inputs (`of`, default the record value), in processing order."),
  ])
  .describe("What each window computes.");

export const windowedAggregateNodeSchema = z
  .strictObject({
    id: nodeId("Node id, unique in the topology."),
    op: z.literal("windowedAggregate"),
    from: nodeRefSchema,
    window: windowSpecSchema,
    aggregate: aggregateSpecSchema,
    graceMs: durationMs(
      MAX_WALL_CLOCK_MS,
      "kafka-streams: how long after its end a window still accepts records, in stream time. Default 0.",
    ).optional(),
    retentionMs: durationMs(
      MAX_WALL_CLOCK_MS,
      "kafka-streams: how long the window store keeps windows. Default: the window plus grace.",
    ).optional(),
    emit: withDefault(
      z
        .enum(["onUpdate", "onWindowClose"])
        .describe("kafka-streams: forward every update, or each window once when it closes."),
      "onUpdate",
    ),
    allowedLatenessMs: durationMs(
      MAX_WALL_CLOCK_MS,
      "flink: how long after the watermark passed its end a window still accepts (and re-fires for) records.",
    ).optional(),
    accumulation: withDefault(
      z
        .enum(["accumulating", "discarding"])
        .describe("flink: each firing emits everything so far, or only what came since the last firing."),
      "accumulating",
    ),
    late: withDefault(
      z
        .enum(["drop", "sideOutput"])
        .describe('Records too late for every window: dropped, or sent to the side output "<id>.late".'),
      "drop",
    ),
  })
  .describe(
    "Aggregates records per key and window. Results go downstream as records { key, value: { start, end, value } }.",
  );
