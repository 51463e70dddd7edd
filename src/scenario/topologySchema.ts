/**
 * The schema of the application's topology: a list of operator *nodes*, each reading the output of earlier ones
 * (its `from`), forming a DAG rooted at `source` nodes — the Kafka Streams DSL, one operator per node.
 *
 * To add an operator: write its schema below, add it to `TOPOLOGY_NODE_SCHEMAS`, then handle the new `op` where the
 * compiler's exhaustive switches ask for it (`compileNode.ts`, `nodeExpressions.ts`).
 */
import {
  durationMs,
  expression,
  kafkaName,
  nodeId,
  nodeRefSchema,
  partitionerSchema,
  withDefault,
} from "./schemaPrimitives";
import { windowedAggregateNodeSchema } from "./windowedAggregateSchema";
import { z } from "./zod";

const id = nodeId("Node id, unique in the topology.");
const from = nodeRefSchema;

/** Text shared by every record expression's description. */
const VARIABLES = "Variables: key, value, timestamp, partition, offset, topic.";

export const sourceNodeSchema = z
  .strictObject({
    id,
    op: z.literal("source"),
    topics: z
      .array(kafkaName("A topic declared in topics."))
      .min(1)
      .describe("Topics to consume (Kafka Streams `builder.stream(topics)`)."),
  })
  .describe("Reads records from topics.");

export const mapNodeSchema = z
  .strictObject({
    id,
    op: z.literal("map"),
    from,
    key: expression(`The new key. Default: unchanged. ${VARIABLES}`).optional(),
    value: expression(`The new value. Default: unchanged. ${VARIABLES}`).optional(),
  })
  .describe(
    "Replaces key and/or value (KStream#map). Marks the stream for repartitioning, even when the key stays (use mapValues to keep it).",
  );

export const mapValuesNodeSchema = z
  .strictObject({ id, op: z.literal("mapValues"), from, value: expression(`The new value. ${VARIABLES}`) })
  .describe("Replaces the value, keeps the key (KStream#mapValues).");

export const filterNodeSchema = z
  .strictObject({
    id,
    op: z.literal("filter"),
    from,
    predicate: expression(`Keep the record when this is true. ${VARIABLES}`),
  })
  .describe("Keeps records matching a predicate (KStream#filter).");

export const flatMapNodeSchema = z
  .strictObject({
    id,
    op: z.literal("flatMap"),
    from,
    records: expression(`An array of { key, value } objects: zero or more output records. ${VARIABLES}`),
  })
  .describe(
    "Turns each record into zero or more records (KStream#flatMap); marks the stream for repartitioning.",
  );

export const flatMapValuesNodeSchema = z
  .strictObject({
    id,
    op: z.literal("flatMapValues"),
    from,
    values: expression(`An array of values; each output keeps the input key. ${VARIABLES}`),
  })
  .describe("Turns each value into zero or more values (KStream#flatMapValues).");

export const branchSchema = z
  .strictObject({
    name: nodeId("Branch name; its output is referenced as <node id>.<name>."),
    predicate: expression(`Records for which this is true go to this branch. ${VARIABLES}`),
  })
  .describe("One named output of a branch node.");

export const branchNodeSchema = z
  .strictObject({
    id,
    op: z.literal("branch"),
    from,
    branches: z
      .array(branchSchema)
      .min(1)
      .max(64)
      .describe("Tested in order: a record goes to the first branch whose predicate holds."),
    default: nodeId(
      "Name of the branch taking records no predicate matched; without it they are dropped.",
    ).optional(),
  })
  .describe('Splits a stream into named branches (KStream#split); read one as "<id>.<branch>".');

export const mergeNodeSchema = z
  .strictObject({
    id,
    op: z.literal("merge"),
    from: z
      .array(nodeRefSchema)
      .min(2, { error: "merge needs at least 2 inputs" })
      .max(64)
      .describe("The streams to merge."),
  })
  .describe("Interleaves several streams into one (KStream#merge).");

export const selectKeyNodeSchema = z
  .strictObject({ id, op: z.literal("selectKey"), from, key: expression(`The new key. ${VARIABLES}`) })
  .describe("Replaces the key, keeps the value (KStream#selectKey); marks the stream for repartitioning.");

export const peekNodeSchema = z
  .strictObject({
    id,
    op: z.literal("peek"),
    from,
    label: expression(`Text shown in the narration for each record. ${VARIABLES}`).optional(),
  })
  .describe("Passes records through unchanged, showing them (KStream#peek).");

export const enrichNodeSchema = z
  .strictObject({
    id,
    op: z.literal("enrich"),
    from,
    value: expression(
      `The external service's answer, which becomes the new value. ${VARIABLES} Also \`now\`: the wall-clock ms at which the service answers.`,
    ),
  })
  .describe(
    "A request–response call to an external system (e.g. a price service): the answer may depend on the wall-clock time, so reprocessing is not deterministic.",
  );

export const sinkNodeSchema = z
  .strictObject({
    id,
    op: z.literal("sink"),
    from,
    topic: kafkaName("The topic to write to; must be declared in topics."),
    partitioner: withDefault(partitionerSchema, "default"),
  })
  .describe("Writes records to a topic (KStream#to).");

export const repartitionNodeSchema = z
  .strictObject({
    id,
    op: z.literal("repartition"),
    from,
    partitions: z
      .number()
      .int()
      .min(1)
      .max(64)
      .describe(
        "Partitions of the repartition topic (1–64). Default: the largest partition count of the source topics of the sub-topology writing it.",
      )
      .optional(),
    name: kafkaName(
      "Names the internal topic <app.id>-<name>-repartition (Repartitioned#withName). Default: the node id.",
    ).optional(),
  })
  .describe(
    "Writes records to an internal repartition topic, placed by murmur2 of their current key, and reads them back in a new sub-topology (KStream#repartition).",
  );

export const tableNodeSchema = z
  .strictObject({
    id,
    op: z.literal("table"),
    topic: kafkaName("The topic to read as a table; must be declared in topics."),
  })
  .describe(
    "Reads a topic as a table (StreamsBuilder#table): per task, the latest value per key; a null value deletes the key. Only a joinTable can read it.",
  );

const JOINER =
  "The joined value. Variables: key, left (the left or stream value), right (the other value; null in a left join without a match).";
const JOIN_DURATION_MAX = 86_400_000;

export const joinNodeSchema = z
  .strictObject({
    id,
    op: z.literal("join"),
    left: nodeRefSchema.describe("The left stream."),
    right: nodeRefSchema.describe("The right stream."),
    windowMs: durationMs(
      JOIN_DURATION_MAX,
      "Records join when their timestamps differ by at most this (JoinWindows.ofTimeDifferenceAndNoGrace).",
    ).optional(),
    beforeMs: durationMs(
      JOIN_DURATION_MAX,
      "How far a right record may be older than the left one (JoinWindows#before). Default: windowMs.",
    ).optional(),
    afterMs: durationMs(
      JOIN_DURATION_MAX,
      "How far a right record may be newer than the left one (JoinWindows#after). Default: windowMs.",
    ).optional(),
    graceMs: withDefault(
      durationMs(
        JOIN_DURATION_MAX,
        "How long out-of-order records are still joined after the window (grace).",
      ),
      0,
    ),
    joiner: expression(JOINER),
    type: withDefault(
      z
        .enum(["inner", "left"])
        .describe(
          "inner: only matched pairs are emitted; left: a left record nothing joined is emitted with right = null once its window has closed.",
        ),
      "inner",
    ),
  })
  .describe(
    "A windowed stream–stream join (KStream#join with JoinWindows): records with equal keys whose timestamps are close enough, in the same task.",
  );

export const joinTableNodeSchema = z
  .strictObject({
    id,
    op: z.literal("joinTable"),
    from: nodeRefSchema.describe("The stream whose records look up the table."),
    table: nodeRefSchema.describe("A table node."),
    joiner: expression(JOINER),
    type: withDefault(
      z
        .enum(["inner", "left"])
        .describe("inner: a record without a row is dropped; left: it is kept with right = null."),
      "inner",
    ),
  })
  .describe(
    "A stream–table join (KStream#join / leftJoin with a KTable): each stream record looks up its key in its task's table.",
  );

/** Every operator, keyed by its `op`. Adding one here is the first step of adding an operator. */
export const TOPOLOGY_NODE_SCHEMAS = [
  sourceNodeSchema,
  mapNodeSchema,
  mapValuesNodeSchema,
  filterNodeSchema,
  flatMapNodeSchema,
  flatMapValuesNodeSchema,
  branchNodeSchema,
  mergeNodeSchema,
  selectKeyNodeSchema,
  peekNodeSchema,
  enrichNodeSchema,
  sinkNodeSchema,
  repartitionNodeSchema,
  tableNodeSchema,
  joinNodeSchema,
  joinTableNodeSchema,
  windowedAggregateNodeSchema,
] as const;

export const topologyNodeSchema = z
  .discriminatedUnion("op", TOPOLOGY_NODE_SCHEMAS)
  .describe("One operator of the topology, chosen by op.");

export type ScenarioNode = z.infer<typeof topologyNodeSchema>;
export type ScenarioOp = ScenarioNode["op"];
export type ScenarioBranchNode = z.infer<typeof branchNodeSchema>;
export type ScenarioWindowedAggregateNode = z.infer<typeof windowedAggregateNodeSchema>;

/** The names of all operators, in schema order. */
export const SCENARIO_OPS: readonly ScenarioOp[] = TOPOLOGY_NODE_SCHEMAS.map(
  (schema) => schema.shape.op.value,
);
