/**
 * The engine's input: a validated, normalised scenario with user logic already compiled into functions.
 *
 * `src/scenario` turns the user's JSON (untrusted) into this model; the engine never sees raw text and never
 * parses expressions. Everything here is plain data plus pure functions, so the same model always gives the
 * same trace.
 */

/** Virtual wall-clock (processing) time in integer milliseconds since the scenario started. */
export type WallClockMs = number;
/** A record's event timestamp in integer milliseconds (what a timestamp extractor returns). */
export type EventTimeMs = number;
/** A partition's index within its topic, 0-based. */
export type PartitionIndex = number;
/** A record's position in its partition's log, 0-based. */
export type Offset = number;

import type { WindowedAggregationConfig } from "./aggregation/aggregationConfig";

/** Values a record can carry: JSON data. */
export type Json = null | boolean | number | string | Json[] | { [field: string]: Json };
/** A record key. `null` is a null key (sticky partitioning); every other value is serialised and hashed. */
export type RecordKey = Json;

/**
 * What a user function sees of the record it runs on. The engine reuses one object per call site, so a user
 * function must not keep a reference to it.
 */
export interface RecordContext {
  key: RecordKey;
  value: Json;
  timestamp: EventTimeMs;
  partition: PartitionIndex;
  offset: Offset;
  topic: string;
}

/**
 * A compiled user expression. It may throw a {@link UserFunctionError}; the engine then records the failure in the
 * trace and skips the record (like Kafka Streams' `LogAndContinueExceptionHandler`).
 */
export type RecordFunction<T> = (record: RecordContext) => T;

/** Thrown by compiled user functions at run time (e.g. reading a field of `null`). */
export class UserFunctionError extends Error {
  override readonly name = "UserFunctionError";
}

export interface TopicSpec {
  name: string;
  partitions: number;
  /**
   * An internal topic Kafka Streams creates for the application (a repartition topic,
   * `<application.id>-<name>-repartition`); absent for the scenario's own topics.
   */
  internal?: "repartition";
}

export type PartitionerSpec =
  /** Kafka's default: explicit partition, else murmur2 of the key, else sticky for null keys. */
  | { kind: "default" }
  /** A user expression returning a partition number (taken modulo the partition count, made non-negative). */
  | { kind: "custom"; source: string; partition: RecordFunction<Json> };

export interface ExplicitRecordSpec {
  /** Wall-clock time the producer sends the record. */
  atMs: WallClockMs;
  key: RecordKey;
  value: Json;
  /** Event timestamp; defaults to the send time (`CreateTime`). */
  timestamp: EventTimeMs;
  /** Explicit partition: wins over the partitioner. */
  partition?: PartitionIndex;
}

export interface WeightedKey {
  key: RecordKey;
  weight: number;
}

/**
 * A seeded generator: record i is sent at `startMs + i * everyMs`, its key drawn by weight, its event timestamp
 * `sendTime - u * jitterMs` for a uniform u in [0, 1) so records come out of order.
 */
export interface GeneratorSpec {
  count: number;
  startMs: WallClockMs;
  everyMs: number;
  keys: WeightedKey[];
  jitterMs: number;
  /** The value of record i; receives `value = i` (the sequence number), `key` and `timestamp`. */
  value: RecordFunction<Json> | null;
}

export interface DisconnectWindow {
  /** Inclusive. */
  fromMs: WallClockMs;
  /** Exclusive: buffered records are flushed at this instant. */
  toMs: WallClockMs;
}

export interface ProducerSpec {
  id: string;
  topic: string;
  /** Network delay between send and log append. */
  delayMs: number;
  disconnected: DisconnectWindow[];
  partitioner: PartitionerSpec;
  /** Bytes the sticky partitioner sends to one partition before switching (Kafka's `batch.size`, default 16384). */
  batchSizeBytes: number;
  records: ExplicitRecordSpec[];
  generate: GeneratorSpec | null;
}

/** Where a node takes its input from: another node, or one named output of a `branch`. */
export interface InputRef {
  node: string;
  branch?: string;
}

interface NodeBase {
  id: string;
  inputs: InputRef[];
  /**
   * The user's expression texts by field path (`predicate`, `key`, `branches.0.predicate`, …), for narration and
   * display only; the engine runs the compiled functions.
   */
  expressions?: Readonly<Record<string, string>>;
}

export interface SourceNode extends NodeBase {
  op: "source";
  topics: string[];
}
export interface MapNode extends NodeBase {
  op: "map";
  key: RecordFunction<RecordKey>;
  value: RecordFunction<Json>;
}
export interface MapValuesNode extends NodeBase {
  op: "mapValues";
  value: RecordFunction<Json>;
}
export interface FilterNode extends NodeBase {
  op: "filter";
  predicate: RecordFunction<Json>;
}
export interface FlatMapNode extends NodeBase {
  op: "flatMap";
  /** Returns an array of `{ key, value }` objects. */
  records: RecordFunction<Json>;
}
export interface FlatMapValuesNode extends NodeBase {
  op: "flatMapValues";
  /** Returns an array of values; each keeps the input key. */
  values: RecordFunction<Json>;
}
export interface BranchNode extends NodeBase {
  op: "branch";
  /** Ordered: the first predicate that holds wins (Kafka Streams `KStream#split`). */
  branches: { name: string; predicate: RecordFunction<Json> }[];
  /** Name of the default branch; without one, unmatched records are dropped. */
  defaultBranch: string | null;
}
export interface MergeNode extends NodeBase {
  op: "merge";
}
export interface SelectKeyNode extends NodeBase {
  op: "selectKey";
  key: RecordFunction<RecordKey>;
}
/** What an `enrich` expression sees: the record, and the wall-clock time at which the external service answers. */
export interface EnrichContext extends RecordContext {
  now: WallClockMs;
}
/**
 * A request–response call to an external system (a price service, a profile lookup): the value becomes its answer,
 * which may depend on the wall-clock time the call is made (`now`). Reprocessing the same record later asks again
 * and may get another answer: the one operator here whose output is not a function of its input.
 */
export interface EnrichNode extends NodeBase {
  op: "enrich";
  value: (context: EnrichContext) => Json;
}
export interface PeekNode extends NodeBase {
  op: "peek";
  /** Optional text shown in the narration. */
  label: RecordFunction<Json> | null;
}
export interface SinkNode extends NodeBase {
  op: "sink";
  topic: string;
  partitioner: PartitionerSpec;
}

/**
 * Writes records to an internal repartition topic, re-hashed by their (new) key with the default partitioner
 * (Kafka Streams `KStreamImpl#repartition` / `repartitionForJoin`: a sink into `<application.id>-<name>-repartition`
 * and a source reading it back, which starts a new sub-topology). The reading side is an ordinary `source` node.
 */
export interface RepartitionNode extends NodeBase {
  op: "repartition";
  /** The internal topic (declared in `SimulationModel.topics` with `internal: "repartition"`). */
  topic: string;
  /**
   * Why the repartition exists: `null` for an explicit `repartition` operator, else the id of the key-changing
   * node upstream (`selectKey`, `map`, `flatMap`) that made Kafka Streams insert it before a join.
   */
  causedBy: string | null;
}

/**
 * Reads a topic as a table (`StreamsBuilder#table`): per task, the latest value per key; a null value (a
 * tombstone) deletes the key. It feeds only the `joinTable` nodes that look it up.
 */
export interface TableNode extends NodeBase {
  op: "table";
  topic: string;
}

/** What a joiner sees: the join key and the two joined values (`right` is null in a left join without a match). */
export interface JoinContext extends RecordContext {
  left: Json;
  right: Json;
}

export type JoinType = "inner" | "left";

/**
 * A windowed stream–stream join (`KStream#join` with `JoinWindows`): `inputs` are [left, right]. Each side keeps
 * its records per key in a window store of its task; a record joins the other side's records with timestamps in
 * `[ts - beforeMs, ts + afterMs]` (as seen from the left; mirrored for the right side).
 */
export interface JoinNode extends NodeBase {
  op: "join";
  beforeMs: number;
  afterMs: number;
  graceMs: number;
  joiner: (context: JoinContext) => Json;
  /**
   * `left`: a left record no right record joined is emitted with right = null once its window has closed
   * (KIP-633's fix of spurious left-join results), or at once when it arrives after its window.
   */
  type: JoinType;
}

/**
 * A stream–table join (`KStream#join(KTable)` / `leftJoin`): `inputs` are [stream, table]. A stream record looks
 * up its key in its own task's copy of the table, at the moment it is processed; table updates emit nothing.
 */
export interface JoinTableNode extends NodeBase {
  op: "joinTable";
  joiner: (context: JoinContext) => Json;
  type: JoinType;
}

/**
 * Aggregates records per key and window (`groupByKey().windowedBy(...).aggregate(...)`), with one operator state per
 * task (`src/engine/aggregation`). Forwarded results are records `{ key, value: { start, end, value } }`; with
 * `lateSideOutput`, records too late for every window go to the output branch `late`.
 */
export interface WindowedAggregateNode extends NodeBase {
  op: "windowedAggregate";
  aggregation: WindowedAggregationConfig;
}

export type TopologyNode =
  | SourceNode
  | MapNode
  | MapValuesNode
  | FilterNode
  | FlatMapNode
  | FlatMapValuesNode
  | BranchNode
  | MergeNode
  | SelectKeyNode
  | PeekNode
  | EnrichNode
  | SinkNode
  | RepartitionNode
  | TableNode
  | JoinNode
  | JoinTableNode
  | WindowedAggregateNode;

export type OperatorKind = TopologyNode["op"];

import type { GroupSpec, InstanceFault } from "./groupModel";
import type { TimeSpec } from "./timeModel";

export * from "./groupModel";
export * from "./timeModel";

export interface AppSpec {
  id: string;
  /** Application instances (consumer group members). */
  instances: number;
  /** An instance polls at every multiple of this interval when it has records to fetch. */
  pollIntervalMs: number;
  /** Kafka's `max.poll.records`. */
  maxPollRecords: number;
  /** Kafka's `auto.commit.interval.ms` / Streams' `commit.interval.ms`. */
  commitIntervalMs: number;
  /** How tasks are assigned to instances, and the group's timeouts. */
  group: GroupSpec;
  /** Scheduled joins, leaves, crashes and restarts, in time order (ties keep their order). */
  faults: InstanceFault[];
  /** Timestamps, scheduling, stream time and watermarks; {@link DEFAULT_TIME} when absent. */
  time?: TimeSpec;
  /** Nodes in topological order (validated: acyclic, every input defined earlier or later — the engine sorts). */
  topology: TopologyNode[];
}

/** Hard limits that turn a runaway scenario into an error instead of a hang. */
export interface Limits {
  maxRecords: number;
  maxSteps: number;
}

export interface SimulationModel {
  title: string;
  seed: number;
  topics: TopicSpec[];
  producers: ProducerSpec[];
  app: AppSpec;
  limits: Limits;
}

export const DEFAULT_LIMITS: Limits = { maxRecords: 2_000_000, maxSteps: 40_000_000 };
