/**
 * The one-line "why" of a trace step: what happened, and the rule that made it happen, named after the real
 * system's class where there is one.
 */
import type { SimulationModel, TopologyNode } from "../model";
import { formatJson, formatKey, formatRecord } from "./formatRecord";
import { keyChanger, narrateJoined, narrateStored, narrateUnjoined } from "./narrateJoin";
import type { PartitionRule, TraceStep } from "./traceEvent";

export interface NarrationSource {
  model: SimulationModel;
  record(id: number): {
    key: SimulationModel["producers"][number]["records"][number]["key"];
    value: unknown;
    timestamp: number;
  };
  /** Explains a keyed placement: `toPositive(murmur2("alice")) % 3 = 1`. */
  explainMurmur2(key: unknown, partitions: number): string;
  partitionsOf(topic: string): number;
  /** The note a step carries (a peek's label), if any. */
  noteOf(step: number): string | undefined;
  /** Whether the record was held in its producer's buffer while disconnected. */
  wasBuffered(record: number): boolean;
  /** For a record processed at a source node: how the task's scheduler chose it, or null if it had no choice. */
  schedulingNote(step: number): string | null;
}

/** The user's expression as written, quoted, or a fallback phrase when it is not known. */
function expressionText(node: TopologyNode, field: string, fallback: string): string {
  const text = node.expressions?.[field];
  return text === undefined ? fallback : `\`${text}\``;
}

function recordText(src: NarrationSource, id: number): string {
  const r = src.record(id);
  return formatRecord(r.key, r.value as never, r.timestamp);
}

function placementWhy(
  src: NarrationSource,
  rule: PartitionRule,
  key: unknown,
  topic: string,
  partition: number,
) {
  const n = src.partitionsOf(topic);
  switch (rule) {
    case "explicit":
      return `the record names partition ${partition} explicitly, which wins over the partitioner`;
    case "murmur2":
      return `${src.explainMurmur2(key, n)} (Kafka BuiltInPartitioner.partitionForKey)`;
    case "sticky":
      return `null key: the sticky partitioner keeps filling partition ${partition} until a batch is full (KIP-480)`;
    case "custom":
      return `the custom partitioner expression chose ${partition}`;
    default: {
      const unknown: never = rule;
      return unknown;
    }
  }
}

export function narrate(src: NarrationSource, s: TraceStep): string {
  switch (s.kind) {
    case "recordProduced": {
      const key = src.record(s.record).key;
      return `producer ${s.producer} sent ${recordText(src, s.record)} to ${s.topic}-${s.partition}: ${placementWhy(src, s.rule, key, s.topic, s.partition)}.`;
    }
    case "recordBuffered":
      return `producer ${s.producer} is disconnected until ${s.untilMs} ms: the record stays in its buffer and is sent on reconnect, late.`;
    case "recordAppended": {
      const late = src.wasBuffered(s.record) ? " after the producer reconnected" : "";
      return `broker appended ${recordText(src, s.record)} to ${s.topic}-${s.partition} at offset ${s.offset}${late} (log-append time ${s.timeMs} ms).`;
    }
    case "recordFetched":
      return `${s.instance} polled ${s.topic}-${s.partition} offset ${s.offset} for task ${s.task}, which owns partition ${s.partition} of its source topics.`;
    case "recordProcessed": {
      const node = src.model.app.topology.find((n) => n.id === s.node)!;
      const out = src.record(s.record);
      const input = src.record(s.input);
      switch (node.op) {
        case "source": {
          const internal = s.fromPartition && src.model.topics.find((t) => t.name === s.fromPartition!.topic);
          const reread =
            internal && internal.internal === "repartition"
              ? ` from repartition topic ${internal.name}, where it was placed by its new key: a new sub-topology starts here`
              : "";
          return `source ${s.node} took ${recordText(src, s.record)}${reread}${src.schedulingNote(s.step) ?? ""}.`;
        }
        case "map":
          return `map ${s.node}: (${formatKey(input.key)}, ${formatJson(input.value as never)}) → (${formatKey(out.key)}, ${formatJson(out.value as never)}).`;
        case "mapValues":
          return `mapValues ${s.node}: value ${formatJson(input.value as never)} → ${formatJson(out.value as never)}; the key stays ${formatKey(out.key)}, so no repartition is needed.`;
        case "selectKey":
          return `selectKey ${s.node}: key ${formatKey(input.key)} → ${formatKey(out.key)}; the record is still in its old partition until it is written to a topic again.`;
        case "flatMap":
        case "flatMapValues":
          return `${node.op} ${s.node} emitted ${recordText(src, s.record)} from ${recordText(src, s.input)}.`;
        case "filter":
          return `filter ${s.node}: ${expressionText(node, "predicate", "the predicate")} holds for ${recordText(src, s.record)}, so it passes.`;
        case "merge":
          return `merge ${s.node} passed on ${recordText(src, s.record)} from ${s.fromNode} (merge keeps each input's order, not a global one).`;
        case "peek": {
          const note = src.noteOf(s.step);
          const label = note === undefined ? "" : `: ${expressionText(node, "label", "label")} = ${note}`;
          return `peek ${s.node} saw ${recordText(src, s.record)}${label}; it passes on unchanged.`;
        }
        default:
          return `${node.op} ${s.node} processed ${recordText(src, s.record)}.`;
      }
    }
    case "recordFiltered": {
      const node = src.model.app.topology.find((n) => n.id === s.node)!;
      if (node.op === "filter") {
        return `filter ${s.node}: ${expressionText(node, "predicate", "the predicate")} is false for ${recordText(src, s.record)}, so the record is dropped.`;
      }
      return `${node.op} ${s.node} returned no records for ${recordText(src, s.record)}.`;
    }
    case "recordBranched": {
      const node = src.model.app.topology.find((n) => n.id === s.node);
      if (node?.op === "branch" && !node.branches.some((b) => b.name === s.branch)) {
        return `branch ${s.node}: no predicate holds for ${recordText(src, s.record)}, so it goes to the default branch "${s.branch}".`;
      }
      const index = node?.op === "branch" ? node.branches.findIndex((b) => b.name === s.branch) : -1;
      const predicate = node
        ? expressionText(node, `branches.${index}.predicate`, "its predicate")
        : "its predicate";
      return `branch ${s.node}: ${recordText(src, s.record)} goes to "${s.branch}": ${predicate} is the first predicate that holds (KStream#split: first match wins).`;
    }
    case "recordUnmatched":
      return `branch ${s.node}: no predicate holds for ${recordText(src, s.record)} and there is no default branch, so it is dropped.`;
    case "recordWritten": {
      const key = src.record(s.record).key;
      const writer = src.model.app.topology.find((n) => n.id === s.node);
      if (writer?.op === "repartition") {
        const why =
          writer.causedBy === null
            ? "explicit repartition"
            : `repartition after ${keyChanger(src, writer.causedBy)}, inserted before the join`;
        return `repartition ${s.node} wrote ${recordText(src, s.record)} to ${s.topic}-${s.partition}: re-hashed by its new key (${why}): ${placementWhy(src, s.rule, key, s.topic, s.partition)}; the task reading ${s.topic}-${s.partition} picks it up.`;
      }
      return `sink ${s.node} wrote ${recordText(src, s.record)} to ${s.topic}-${s.partition}: ${placementWhy(src, s.rule, key, s.topic, s.partition)}.`;
    }
    case "userFunctionFailed":
      return `${s.node} failed on ${recordText(src, s.record)}: ${s.message}; the record is skipped (LogAndContinueExceptionHandler).`;
    case "recordStored":
      return narrateStored(src, s);
    case "recordJoined":
      return narrateJoined(src, s);
    case "recordUnjoined":
      return narrateUnjoined(src, s);
    case "offsetCommitted":
      return `${s.instance} committed ${s.topic}-${s.partition} at offset ${s.offset}: after a restart, processing resumes there.`;
    case "partitionsAssigned":
      if (s.partitions.length === 0) {
        return `generation ${s.generation}: ${s.instance} was assigned nothing: there are more instances than tasks, so it stays idle.`;
      }
      return `generation ${s.generation}: ${s.instance} was assigned ${s.partitions.join(", ")}: the tasks reading them are spread evenly over the application's instances, and each partition has exactly one owner.`;
    default: {
      const unknown: never = s;
      return String(unknown);
    }
  }
}
