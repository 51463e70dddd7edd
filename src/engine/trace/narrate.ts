/**
 * The one-line "why" of a trace step: what happened, and the rule that made it happen, named after the real
 * system's class where there is one.
 */

import type { WindowBounds } from "../aggregation/windowOutput";
import type { TopicPartition } from "../groups/assignor";
import { describeCoordinatorEvent } from "../groups/coordinator/describeCoordinatorEvent";
import { DEFAULT_TIME, type SimulationModel, type TopologyNode } from "../model";
import { describeScheduler } from "../runtime/recordScheduler";
import { describeExtractor } from "../runtime/timestampExtractor";
import { formatJson, formatKey, formatRecord } from "./formatRecord";
import { keyChanger, narrateJoined, narrateStored, narrateUnjoined } from "./narrateJoin";
import type { PartitionRule, TimeTraceEvent, TraceStep, WindowTraceEvent } from "./traceEvent";

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
  /** Whether the version descends from a refetched record (its processing repeats earlier work). */
  isReprocessed(record: number): boolean;
  /** How many partitions the task of a unit reads (more than one: copartitioned topics). */
  partitionsOfTask(unit: TopicPartition): number;
  /** A unit of a group step (a task), printed. */
  formatTask(unit: TopicPartition): string;
  /** Source topics of a sub-topology (the group's "topics" are sub-topologies: tasks are what it assigns). */
  topicsOf(subtopology: string): string[];
  /** Offset up to which the partition had been processed just before the step. */
  processedBefore(step: number, topic: string, partition: number): number;
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
    case "recordRefetched":
      return `${s.instance} fetched ${s.topic}-${s.partition} offset ${s.offset} again for task ${s.task}: it was processed before, but that progress was never committed, so it is processed once more (at-least-once); what it produces repeats earlier output.`;
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
        case "enrich":
          return `enrich ${s.node} asked the external service at wall-clock ${s.timeMs} ms about ${recordText(src, s.input)}: ${expressionText(node, "value", "its answer")} gave ${formatJson(out.value as never)}. The answer depends on when it is asked, so reprocessing this record later may give another one: a request–response call makes processing nondeterministic.`;
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
            : `repartition after ${keyChanger(src, writer.causedBy)}, inserted before the join or aggregation that needs records grouped by their new key`;
        return `repartition ${s.node} wrote ${recordText(src, s.record)} to ${s.topic}-${s.partition}: re-hashed by its new key (${why}): ${placementWhy(src, s.rule, key, s.topic, s.partition)}; the task reading ${s.topic}-${s.partition} picks it up.`;
      }
      const duplicate = src.isReprocessed(s.record)
        ? " This is a duplicate: the record is being reprocessed after a failover (at-least-once)."
        : "";
      return `sink ${s.node} wrote ${recordText(src, s.record)} to ${s.topic}-${s.partition}: ${placementWhy(src, s.rule, key, s.topic, s.partition)}.${duplicate}`;
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
    case "positionReset": {
      if (s.reason === "dropFetched") {
        return `${s.instance} dropped what it had fetched of ${s.topic}-${s.partition} but not processed: its position goes back to offset ${s.offset}.`;
      }
      const processed = src.processedBefore(s.step, s.topic, s.partition);
      const range =
        processed - s.offset === 1 ? `Offset ${s.offset} was` : `Offsets ${s.offset}–${processed - 1} were`;
      const again =
        processed > s.offset
          ? ` ${range} processed before but never committed: processed again, its output is repeated (at-least-once).`
          : "";
      return `${s.instance} resumes ${s.topic}-${s.partition} (task ${s.task}) from the last committed offset ${s.offset}.${again}`;
    }
    case "groupChanged":
      return narrateGroup(src, s);
    case "recordSkipped":
    case "partitionChosen":
    case "taskIdled":
    case "streamTimeAdvanced":
    case "streamTimeRestored":
    case "watermarkAdvanced":
    case "partitionIdleChanged":
      return narrateTime(src, s);
    case "windowUpdated":
    case "windowEmitted":
    case "recordLate":
    case "recordToLateSideOutput":
    case "sessionMerged":
    case "windowClosed":
    case "windowExpired":
    case "windowAggregationFailed":
    case "windowRecordSkipped":
    case "windowStoreRestored":
      return narrateWindow(src, s);
    default: {
      const unknown: never = s;
      return String(unknown);
    }
  }
}

const RANK_LABEL: Record<TimeStep<"partitionChosen">["rule"], string> = {
  timestamp: "head ts",
  arrival: "head appended at",
  "round-robin": "turn",
  custom: "rank",
};

type TimeStep<K extends TimeTraceEvent["kind"]> = TraceStep & { kind: K };

function timeText(timeMs: number): string {
  return timeMs === Number.NEGATIVE_INFINITY ? "−∞ (Long.MIN_VALUE)" : `${timeMs} ms`;
}

function narrateTime(src: NarrationSource, s: TraceStep & TimeTraceEvent): string {
  const time = src.model.app.time ?? DEFAULT_TIME;
  switch (s.kind) {
    case "recordSkipped":
      return `task ${s.task} skipped ${recordText(src, s.record)} from ${s.topic}-${s.partition}: ${s.reason} (timestamps: ${describeExtractor(time.timestamp)}). Kafka Streams' RecordQueue drops a record whose extracted timestamp is negative, logs it and moves on.`;
    case "partitionChosen": {
      const label = RANK_LABEL[s.rule];
      const ranks = s.candidates
        .map(
          (c) => `${c.topic}-${c.partition} ${label} ${c.rank === Number.POSITIVE_INFINITY ? "∞" : c.rank}`,
        )
        .join(", ");
      const source = time.scheduler.kind === "custom" ? time.scheduler.source : undefined;
      const chosen = `${s.topic}-${s.partition}`;
      const tie =
        s.candidates.filter(
          (c) => c.rank === s.candidates.find((x) => `${x.topic}-${x.partition}` === chosen)?.rank,
        ).length > 1
          ? " (a tie: the partition listed first wins)"
          : "";
      let empty = "";
      if (s.empty.length > 0) {
        const names = s.empty.map((p) => `${p.topic}-${p.partition}`).join(", ");
        empty =
          s.maxTaskIdleMs < 0
            ? ` ${names} ${s.empty.length === 1 ? "has" : "have"} nothing buffered; max.task.idle.ms = −1: the task never waits for it.`
            : s.enforced && s.maxTaskIdleMs > 0
              ? ` ${names} still ${s.empty.length === 1 ? "has" : "have"} nothing buffered after waiting max.task.idle.ms = ${s.maxTaskIdleMs} ms: enforced processing goes ahead without ${s.empty.length === 1 ? "it" : "them"} (PartitionGroup#readyToProcess).`
              : ` ${names} ${s.empty.length === 1 ? "has" : "have"} nothing buffered and the broker had no more for ${s.empty.length === 1 ? "it" : "them"} at the last fetch; max.task.idle.ms = 0: the task does not wait (PartitionGroup#readyToProcess).`;
      }
      return `task ${s.task} takes its next record from ${chosen}: ${describeScheduler(s.rule, source)} among ${ranks}${tie}.${empty}`;
    }
    case "taskIdled":
      return s.untilMs === null
        ? `task ${s.task} waits: ${s.topic}-${s.partition} has nothing buffered, but the last fetch said the broker has records for it, so the task waits for the next poll rather than process the other partitions out of order (PartitionGroup#readyToProcess).`
        : `task ${s.task} waits: ${s.topic}-${s.partition} has nothing buffered; max.task.idle.ms = ${time.maxTaskIdleMs} ms lets it wait until ${s.untilMs} ms for new data before processing its other partitions without it (PartitionGroup#readyToProcess).`;
    case "streamTimeAdvanced":
      return `task ${s.task}'s stream time advances to ${s.streamTimeMs} ms: the largest timestamp it has processed (PartitionGroup#streamTime). It never decreases and only a processed record moves it.`;
    case "streamTimeRestored":
      return s.streamTimeMs < 0
        ? `task ${s.task} starts without a stream time: no partition time was committed with its offsets.`
        : `task ${s.task}'s stream time is set to ${s.streamTimeMs} ms: the largest partition time committed with its offsets (KIP-353), where its new owner resumes.`;
    case "watermarkAdvanced":
      if (s.node === null) {
        return `the periodic watermark emitter (every ${time.watermarks.autoWatermarkIntervalMs} ms of wall clock) advances ${s.topic}-${s.partition}'s watermark to ${timeText(s.watermarkMs)}: ${s.reason} (BoundedOutOfOrdernessWatermarks). It promises no more records with ts ≤ ${timeText(s.watermarkMs)}.`;
      }
      return `${s.node} in task ${s.task}: watermark ${timeText(s.watermarkMs)}: ${s.reason} (StatusWatermarkValve: the minimum over its active input channels, never decreasing).`;
    case "partitionIdleChanged":
      return s.idle
        ? `${s.topic}-${s.partition} is idle: ${s.reason}; it no longer holds the watermark back.`
        : `${s.topic}-${s.partition} is active again: ${s.reason}.`;
    default: {
      const unknown: never = s;
      return String(unknown);
    }
  }
}

function windowText(w: WindowBounds | null): string {
  return w === null ? "no window" : `[${w.start}, ${w.end}${w.endInclusive ? "]" : ")"}`;
}

function narrateWindow(src: NarrationSource, s: TraceStep & WindowTraceEvent): string {
  if (s.kind === "windowStoreRestored") {
    const offsets = s.offsets.map((o) => `${o.topic}-${o.partition} offset ${o.offset}`).join(", ");
    return `task ${s.task}'s window store for ${s.node} restored from its changelog up to the committed ${offsets}: ${s.windows} window${s.windows === 1 ? "" : "s"} open; records after the commit are processed again and rebuild the rest.`;
  }
  const o = s.output;
  const where = `${s.node} (task ${s.task}), key ${formatKey(o.key as never)}`;
  switch (o.kind) {
    case "updated": {
      const change = o.created
        ? `window ${windowText(o.window)} created: ${formatJson(o.value as never)}`
        : `window ${windowText(o.window)}: ${formatJson(o.oldValue as never)} → ${formatJson(o.value as never)}`;
      const sent = o.forwarded ? "; the update goes downstream (emit on update)" : "";
      return `${where}: ${change}${sent}. ${o.reason}.`;
    }
    case "emitted":
      return `${where}: window ${windowText(o.window)} emits ${formatJson(o.value as never)} (${o.trigger}${o.pane > 1 ? `, pane ${o.pane}` : ""}). ${o.reason}.`;
    case "late":
      return `${where}: the record is too late for window ${windowText(o.window)} and is dropped. ${o.reason}.`;
    case "lateSideOutput":
      return `${where}: no window accepts the record, so it goes to the late side output ${s.node}.late. ${o.reason}.`;
    case "sessionMerged":
      return `${where}: session ${windowText(o.window)} merged into ${windowText(o.mergedInto)}${o.forwarded ? "; its removal goes downstream as a tombstone" : ""}. ${o.reason}.`;
    case "windowClosed":
      return `${where}: window ${windowText(o.window)} closed with ${formatJson(o.value as never)}. ${o.reason}.`;
    case "expired": {
      const node = src.model.app.topology.find((n) => n.id === s.node);
      const onClose = node?.op === "windowedAggregate" && node.aggregation.emit === "onWindowClose";
      const lost = onClose && !o.emitted ? ", never emitted: its result is lost" : "";
      return `${where}: the window store dropped window ${windowText(o.window)}${lost}. ${o.reason}.`;
    }
    case "failed":
      return `${where}: the aggregate failed (${o.stage}); the record is not added. ${o.reason}.`;
    case "skipped":
      return `${where}: the record is not aggregated. ${o.reason}.`;
    default: {
      const unknown: never = o;
      return String(unknown);
    }
  }
}

function narrateGroup(src: NarrationSource, s: TraceStep & { kind: "groupChanged" }): string {
  const e = s.event;
  const list = (units: readonly TopicPartition[]) =>
    units.length === 0 ? "nothing" : units.map(src.formatTask).join(", ");
  if (s.mode === "static") {
    switch (e.kind) {
      case "partitionsAssigned":
        return e.memberId === e.instance
          ? `${e.instance} started and consumes ${list(e.partitions)}: static assignment (KafkaConsumer#assign), no consumer group, so no rebalance ever moves them.`
          : `${e.instance} restarted and consumes ${list(e.partitions)} again, from the last committed offsets (static assignment: they waited for it).`;
      case "memberCrashed":
        return `${e.instance} crashed. With static assignment nobody takes over ${list(e.partitions)}: they wait, unconsumed, until it restarts.`;
      case "memberLeft":
        return `${e.instance} shut down after committing. With static assignment nobody takes over ${list(e.partitions)}.`;
      default:
        return `${describeCoordinatorEvent(e, src.formatTask)}.`;
    }
  }
  const text =
    e.kind === "memberJoined"
      ? describeCoordinatorEvent(
          { ...e, topics: [...new Set(e.topics.flatMap(src.topicsOf))] },
          src.formatTask,
        )
      : describeCoordinatorEvent(e, src.formatTask);
  if (e.kind === "generationCompleted") {
    const idle = e.members.filter((m) => m.running && m.partitions.length === 0).map((m) => m.memberId);
    const note =
      idle.length === 0
        ? ""
        : ` ${idle.join(", ")} ${idle.length === 1 ? "is" : "are"} idle: there are more instances than tasks, and a task has exactly one owner.`;
    const together = e.members.some((m) => m.partitions.some((u) => src.partitionsOfTask(u) > 1))
      ? " Kafka Streams assigns tasks, so copartitioned partitions always move together."
      : "";
    return `${text}.${together}${note}`;
  }
  return `${text}.`;
}
