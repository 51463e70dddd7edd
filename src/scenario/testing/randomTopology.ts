/**
 * Test helper: turns a random *plan* (a list of operator choices drawn by fast-check) into a topology that is valid
 * by construction — every `from` names an existing stream, joins and merges only meet streams with the same
 * partition count (`CopartitionedTopicsEnforcer`), sinks write to output topics nobody reads (no loops).
 *
 * The plan is plain numbers, so fast-check shrinks it well: a failing topology shrinks to fewer, simpler operators.
 */

/** One operator choice: `kind` picks the operator, the numbers pick its inputs and settings. */
export interface PlanStep {
  kind: PlanKind;
  /** Picks the input stream (modulo the streams so far). */
  pick: number;
  /** Picks a second input (merge, join). */
  pick2: number;
  /** Picks a variant: which expression, window, partition count, … */
  variant: number;
}

export const PLAN_KINDS = [
  "source",
  "filter",
  "map",
  "mapValues",
  "selectKey",
  "flatMap",
  "flatMapValues",
  "branch",
  "merge",
  "repartition",
  "join",
  "joinTable",
  "windowedAggregate",
  "peek",
  "enrich",
  "sink",
] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export type TimeSemantics = "kafka-streams" | "flink";
type Node = Record<string, unknown>;

/** A stream a later operator can read: a node's output (or a branch / late output) and what is known about it. */
interface Stream {
  ref: string;
  partitions: number;
  /** Re-keyed since the last repartition: a join or windowed aggregation reading it gets a repartition first. */
  rekeyed: boolean;
  /** Sub-topology (a union-find id): merges and joins fuse sub-topologies; repartitions start new ones. */
  sub: number;
}

/** The topics a built topology reads and writes. */
export interface BuiltTopology {
  topology: Node[];
  /** Input topics read by its sources (and the table), each with `partitions`. */
  inputTopics: string[];
  /** Output topics written by its sinks. */
  outputTopics: string[];
  tableTopic: string | null;
}

/** Expressions that run on any JSON record without failing (hash and str accept everything). */
const PREDICATES = [
  "hash(value) % 3 != 0",
  "hash(key) % 2 == 0",
  "timestamp % 5 != 1",
  "true",
  "len(str(value)) > 1",
];
const KEYS = [
  "str(hash(value) % 4)",
  "if(hash(value) % 7 == 0, null, key)",
  "concat('k', hash(key) % 3)",
  "hash(value) % 5",
];
const VALUES = [
  "{n: hash(value) % 100, k: key}",
  "hash(str(value)) % 1000",
  "[value, partition]",
  "str(value)",
];
const FLAT_RECORDS = [
  "[{key: key, value: value}, {key: str(hash(value) % 3), value: 1}]",
  "if(hash(value) % 4 == 0, [], [{key: key, value: value}])",
  "[]",
];
const FLAT_VALUES = ["[value, value]", "if(hash(value) % 3 == 0, [], [value])", "[1, 2, 3]"];
/** One that fails on purpose now and then: a run-time error skips the record (LogAndContinueExceptionHandler). */
const FAILING_VALUE = "value.missing.deeper";

export function buildTopology(
  plan: readonly PlanStep[],
  semantics: TimeSemantics,
  inputPartitions: number,
  inputTopicCount: number,
): BuiltTopology {
  const nodes: Node[] = [];
  const streams: Stream[] = [];
  const parent: number[] = [];
  const subMax: number[] = [];
  const find = (s: number): number => {
    while (parent[s] !== s) s = parent[s]!;
    return s;
  };
  const newSub = (partitions: number) => {
    parent.push(parent.length);
    subMax.push(partitions);
    return parent.length - 1;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return ra;
    parent[rb] = ra;
    subMax[ra] = Math.max(subMax[ra]!, subMax[rb]!);
    return ra;
  };
  const inputTopics: string[] = [];
  const outputTopics: string[] = [];
  let tableTopic: string | null = null;
  let tableNode: string | null = null;
  let next = 0;
  const id = () => `n${next++}`;

  const addSource = () => {
    if (inputTopics.length >= inputTopicCount) return false;
    const topic = `in-${inputTopics.length}`;
    inputTopics.push(topic);
    const nodeId = id();
    nodes.push({ id: nodeId, op: "source", topics: [topic] });
    streams.push({ ref: nodeId, partitions: inputPartitions, rekeyed: false, sub: newSub(inputPartitions) });
    return true;
  };
  addSource();

  /** The partition count a stream has once it is repartitioned without a fixed count. */
  const repartitioned = (s: Stream) => subMax[find(s.sub)]!;

  for (const step of plan) {
    const input = streams[step.pick % streams.length]!;
    const v = step.variant;
    const unary = (node: Node, rekeyed = input.rekeyed) => {
      const nodeId = id();
      nodes.push({ id: nodeId, from: input.ref, ...node });
      streams.push({ ...input, ref: nodeId, rekeyed });
    };
    switch (step.kind) {
      case "source":
        addSource();
        break;
      case "filter":
        unary({ op: "filter", predicate: PREDICATES[v % PREDICATES.length] });
        break;
      case "map":
        unary(
          v % 3 === 0
            ? { op: "map", key: KEYS[v % KEYS.length] }
            : v % 3 === 1
              ? { op: "map", value: VALUES[v % VALUES.length] }
              : { op: "map", key: KEYS[v % KEYS.length], value: VALUES[v % VALUES.length] },
          true,
        );
        break;
      case "mapValues":
        unary({ op: "mapValues", value: v % 11 === 10 ? FAILING_VALUE : VALUES[v % VALUES.length] });
        break;
      case "selectKey":
        unary({ op: "selectKey", key: KEYS[v % KEYS.length] }, true);
        break;
      case "flatMap":
        unary({ op: "flatMap", records: FLAT_RECORDS[v % FLAT_RECORDS.length] }, true);
        break;
      case "flatMapValues":
        unary({ op: "flatMapValues", values: FLAT_VALUES[v % FLAT_VALUES.length] });
        break;
      case "peek":
        unary(v % 2 === 0 ? { op: "peek" } : { op: "peek", label: "concat(key, ' @ ', partition)" });
        break;
      case "enrich":
        unary({ op: "enrich", value: "{was: value, at: now % 1000}" });
        break;
      case "branch": {
        const nodeId = id();
        const count = 1 + (v % 3);
        const branches = Array.from({ length: count }, (_, i) => ({
          name: `b${i}`,
          predicate: PREDICATES[(v + i) % PREDICATES.length],
        }));
        const withDefault = v % 2 === 0;
        nodes.push({
          id: nodeId,
          op: "branch",
          from: input.ref,
          branches,
          ...(withDefault ? { default: "rest" } : {}),
        });
        for (const b of branches) streams.push({ ...input, ref: `${nodeId}.${b.name}` });
        if (withDefault) streams.push({ ...input, ref: `${nodeId}.rest` });
        break;
      }
      case "merge": {
        const other = streams[step.pick2 % streams.length]!;
        if (other.ref === input.ref || other.partitions !== input.partitions) break;
        const nodeId = id();
        nodes.push({ id: nodeId, op: "merge", from: [input.ref, other.ref] });
        streams.push({
          ref: nodeId,
          partitions: input.partitions,
          rekeyed: input.rekeyed || other.rekeyed,
          sub: union(input.sub, other.sub),
        });
        break;
      }
      case "repartition": {
        const nodeId = id();
        const fixed = v % 3 === 0 ? null : 1 + (v % 4);
        const partitions = fixed ?? repartitioned(input);
        nodes.push({
          id: nodeId,
          op: "repartition",
          from: input.ref,
          ...(fixed === null ? {} : { partitions: fixed }),
          ...(v % 5 === 0 ? { name: `topic-${nodeId}` } : {}),
        });
        streams.push({ ref: nodeId, partitions, rekeyed: false, sub: newSub(partitions) });
        break;
      }
      case "join": {
        const other = streams[step.pick2 % streams.length]!;
        // Kafka Streams refuses a join of a stream with itself (or with another output of the same node).
        if (nodeOf(other.ref) === nodeOf(input.ref) || (input.rekeyed && other.rekeyed)) break;
        // A re-keyed side gets a repartition topic with the other side's partition count.
        const partitions = input.rekeyed ? other.partitions : input.partitions;
        if (!input.rekeyed && !other.rekeyed && input.partitions !== other.partitions) break;
        const nodeId = id();
        const window =
          v % 3 === 0
            ? { windowMs: 200 + (v % 5) * 300 }
            : { beforeMs: 100 * (v % 4), afterMs: 100 * (v % 7) };
        nodes.push({
          id: nodeId,
          op: "join",
          left: input.ref,
          right: other.ref,
          ...window,
          ...(v % 4 === 1 ? { graceMs: 250 } : {}),
          joiner: "{l: left, r: right}",
          type: v % 2 === 0 ? "inner" : "left",
        });
        const leftSub = input.rekeyed ? newSub(partitions) : input.sub;
        const rightSub = other.rekeyed ? newSub(partitions) : other.sub;
        streams.push({ ref: nodeId, partitions, rekeyed: false, sub: union(leftSub, rightSub) });
        break;
      }
      case "joinTable": {
        if (!input.rekeyed && input.partitions !== inputPartitions) break;
        if (tableNode === null) {
          tableTopic = "table-in";
          tableNode = id();
          nodes.push({ id: tableNode, op: "table", topic: tableTopic });
        }
        const nodeId = id();
        nodes.push({
          id: nodeId,
          op: "joinTable",
          from: input.ref,
          table: tableNode,
          joiner: "{order: left, row: right}",
          type: v % 2 === 0 ? "inner" : "left",
        });
        const sub = input.rekeyed ? newSub(inputPartitions) : input.sub;
        streams.push({ ref: nodeId, partitions: inputPartitions, rekeyed: false, sub });
        break;
      }
      case "windowedAggregate": {
        const nodeId = id();
        const partitions = input.rekeyed ? repartitioned(input) : input.partitions;
        const late = v % 5 === 0 ? "sideOutput" : "drop";
        nodes.push({
          id: nodeId,
          op: "windowedAggregate",
          from: input.ref,
          window: windowFor(v, semantics),
          aggregate: aggregateFor(v),
          ...(semantics === "kafka-streams"
            ? {
                graceMs: [0, 100, 1000][v % 3],
                emit: v % 2 === 0 ? "onUpdate" : "onWindowClose",
                ...(v % 7 === 3 ? { retentionMs: 20_000 } : {}),
              }
            : {
                allowedLatenessMs: [0, 300][v % 2],
                accumulation: v % 3 === 0 ? "discarding" : "accumulating",
              }),
          late,
        });
        const sub = input.rekeyed ? newSub(partitions) : input.sub;
        const out: Stream = { ref: nodeId, partitions, rekeyed: false, sub };
        streams.push(out);
        if (late === "sideOutput") streams.push({ ...out, ref: `${nodeId}.late` });
        break;
      }
      case "sink": {
        const topic = `out-${outputTopics.length}`;
        outputTopics.push(topic);
        nodes.push({
          id: id(),
          op: "sink",
          from: input.ref,
          topic,
          ...(v % 6 === 5 ? { partitioner: { expression: "hash(key) % 7" } } : {}),
        });
        break;
      }
      default: {
        const unknown: never = step.kind;
        throw new Error(`unknown plan step ${String(unknown)}`);
      }
    }
  }
  // Every stream nobody reads ends in a sink, so each path's output lands in a topic.
  const read = new Set<string>();
  for (const node of nodes) {
    for (const field of ["from", "left", "right", "table"]) {
      const from = node[field];
      for (const ref of Array.isArray(from) ? from : [from]) if (typeof ref === "string") read.add(ref);
    }
  }
  for (const stream of streams) {
    if (read.has(stream.ref)) continue;
    const topic = `out-${outputTopics.length}`;
    outputTopics.push(topic);
    nodes.push({ id: id(), op: "sink", from: stream.ref, topic });
  }
  return { topology: nodes, inputTopics, outputTopics, tableTopic };
}

const nodeOf = (ref: string) => ref.split(".")[0]!;

function windowFor(v: number, semantics: TimeSemantics): Node {
  const kinds = semantics === "kafka-streams" ? 4 : 3;
  const offset = semantics === "flink" && v % 4 === 1 ? { offsetMs: 100 } : {};
  switch (v % kinds) {
    case 0:
      return { type: "tumbling", sizeMs: [500, 1000, 2000][v % 3], ...offset };
    case 1:
      return { type: "hopping", sizeMs: 1000, advanceMs: [250, 500, 1000][v % 3], ...offset };
    case 2:
      return { type: "session", gapMs: [200, 600][v % 2] };
    default:
      return { type: "sliding", timeDifferenceMs: [300, 1000][v % 2] };
  }
}

function aggregateFor(v: number): Node {
  switch (Math.floor(v / 7) % 6) {
    case 0:
      return { kind: "count" };
    case 1:
      return { kind: "sum", of: "hash(value) % 10" };
    case 2:
      return { kind: "min", of: "hash(value) % 10" };
    case 3:
      return { kind: "max", of: "timestamp" };
    case 4:
      return { kind: "reduce", reducer: "aggregate + value", of: "hash(key) % 3" };
    default:
      return { kind: "collect", of: "hash(value) % 10" };
  }
}
