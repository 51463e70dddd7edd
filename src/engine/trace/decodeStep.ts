/**
 * Decodes one columnar step into a {@link TraceStep}.
 *
 * Operands per kind (a, b, c):
 * - recordProduced: record, producer, `partition * 4 + rule`
 * - recordBuffered: record, producer, wall-clock time the producer reconnects
 * - recordAppended: record, topic-partition, offset
 * - recordFetched / recordRefetched: record, `topicPartition | instance << 16`, offset
 * - positionReset: offset, topic-partition, `instance | reason << 16` (0 resume from commit, 1 drop fetched)
 * - groupChanged: instance (or -1), generation (or -1), extra {@link GroupStepPayload}
 * - recordProcessed: record, node, `fromNode + 1`, or `-1 - topicPartition` for a record a source took from a partition
 * - recordFiltered / recordUnmatched: record, node, `fromNode + 1`
 * - recordBranched: record, node, `(fromNode + 1) | branchIndex << 16` (the default branch is `branches.length`)
 * - recordWritten: record, node, `(fromNode + 1) | partition << 16 | rule << 24`
 * - userFunctionFailed: record, node, extra `{ fromNode, message }`
 * - offsetCommitted: offset, topic-partition, instance
 * - recordStored: record, node, `fromNode + 1`, or `-1 - topicPartition` for a table reading its partition
 * - recordJoined: output record, node, `(matched + 1) << 3 | how << 1 | side` (`joinedOperand`; matched -1: none;
 *   side 0 left / stream, 1 right)
 * - recordUnjoined: record, node, `(fromNode + 1 or -1 - topicPartition) << 2 | reason` (`UnjoinedReason`)
 * - recordSkipped: record, `topicPartition | instance << 16`, extra reason (the record's offset is read from the log)
 * - partitionChosen: task, chosen topic-partition, extra {@link ScheduleDecision}
 * - taskIdled: task, topic-partition, wall-clock deadline (-1: waiting for a fetch)
 * - streamTimeAdvanced / streamTimeRestored: task, time split by `packTime`
 * - watermarkAdvanced: `-1 - topicPartition` or `node | task << 16`, watermark split by `packTime`; reason in notes
 * - partitionIdleChanged: topic-partition, 1 idle / 0 active, 0; reason in notes
 * - window output steps (37–45): record or -1, `node | task << 16`, extra `{ output, input }`
 * - windowStoreRestored: node, task, extra {@link WindowRestore}
 */
import type { WindowOutput } from "../aggregation/windowOutput";
import { decodeJoinedOperand } from "../joins/joinedHow";
import type { SimulationModel } from "../model";
import { PlacementRule } from "../partitioning/placement";
import type { GroupStepPayload } from "../runtime/groupDriver";
import type { ScheduleDecision } from "../runtime/recordScheduler";
import type { TopologyGraph } from "../topology/topologyGraph";
import { taskAtStep } from "./taskAtStep";
import type { TraceStep, WindowStepKind } from "./traceEvent";
import { StepKind, type TraceLog, unpackTime, type WindowRestore } from "./traceLog";

const WINDOW_KIND: Partial<Record<StepKind, WindowStepKind>> = {
  [StepKind.windowUpdated]: "windowUpdated",
  [StepKind.windowEmitted]: "windowEmitted",
  [StepKind.recordLate]: "recordLate",
  [StepKind.recordToLateSideOutput]: "recordToLateSideOutput",
  [StepKind.sessionMerged]: "sessionMerged",
  [StepKind.windowClosed]: "windowClosed",
  [StepKind.windowExpired]: "windowExpired",
  [StepKind.windowAggregationFailed]: "windowAggregationFailed",
  [StepKind.windowRecordSkipped]: "windowRecordSkipped",
};

const JOINED_HOW = ["matched", "windowClosed", "atOnce"] as const;

export function instanceName(index: number): string {
  return `instance-${index + 1}`;
}

export interface DecodeContext {
  model: SimulationModel;
  graph: TopologyGraph;
  trace: TraceLog;
  /** The offset of a record in a topic-partition's log (for skipped records), when the logs are at hand. */
  offsetOf?: (record: number, topicPartition: number) => number;
}

/** The id of the task that reads a topic-partition, or "-" if none does. */
export function taskIdOfTp(graph: TopologyGraph, tp: number): string {
  return graph.tasks.find((t) => t.topicPartitions.includes(tp))?.id ?? "-";
}

export function decodeStep(d: DecodeContext, step: number): TraceStep {
  const { trace, graph, model } = d;
  if (!Number.isInteger(step) || step < 0 || step >= trace.length) {
    throw new RangeError(`step ${step} is outside the trace (0..${trace.length - 1})`);
  }
  const a = trace.a[step]!;
  const b = trace.b[step]!;
  const c = trace.c[step]!;
  const timeMs = trace.timeOf(step);
  const nodeId = (i: number) => graph.nodes[i]!.id;
  const from = (packed: number) => {
    const f = (packed & 0xffff) - 1;
    return f < 0 ? null : nodeId(f);
  };
  const kind = trace.kinds[step]! as StepKind;
  switch (kind) {
    case StepKind.recordProduced: {
      const producer = model.producers[b]!;
      return {
        step,
        timeMs,
        kind: "recordProduced",
        producer: producer.id,
        record: a,
        topic: producer.topic,
        partition: c >> 2,
        rule: PlacementRule[c & 3]!,
      };
    }
    case StepKind.recordBuffered:
      return {
        step,
        timeMs,
        kind: "recordBuffered",
        producer: model.producers[b]!.id,
        record: a,
        untilMs: c,
      };
    case StepKind.recordAppended: {
      const tp = graph.topicPartitions[b]!;
      return {
        step,
        timeMs,
        kind: "recordAppended",
        record: a,
        topic: tp.topic,
        partition: tp.partition,
        offset: c,
      };
    }
    case StepKind.recordFetched:
    case StepKind.recordRefetched: {
      const index = b & 0xffff;
      const tp = graph.topicPartitions[index]!;
      const where = {
        instance: instanceName(b >>> 16),
        task: taskIdOfTp(graph, index),
        topic: tp.topic,
        partition: tp.partition,
        offset: c,
      };
      return kind === StepKind.recordFetched
        ? { step, timeMs, kind: "recordFetched", record: a, ...where }
        : { step, timeMs, kind: "recordRefetched", record: a, original: trace.parents[a]!, ...where };
    }
    case StepKind.positionReset: {
      const tp = graph.topicPartitions[b]!;
      return {
        step,
        timeMs,
        kind: "positionReset",
        instance: instanceName(c & 0xffff),
        task: taskIdOfTp(graph, b),
        topic: tp.topic,
        partition: tp.partition,
        offset: a,
        reason: c >>> 16 === 1 ? "dropFetched" : "resumeFromCommit",
      };
    }
    case StepKind.recordProcessed: {
      const input = trace.creators[a] === b ? trace.parents[a]! : a;
      if (c < 0) {
        const tp = graph.topicPartitions[-1 - c]!;
        const fromPartition = { topic: tp.topic, partition: tp.partition };
        return {
          step,
          timeMs,
          kind: "recordProcessed",
          node: nodeId(b),
          fromNode: null,
          fromPartition,
          input,
          record: a,
        };
      }
      return { step, timeMs, kind: "recordProcessed", node: nodeId(b), fromNode: from(c), input, record: a };
    }
    case StepKind.recordFiltered:
      return { step, timeMs, kind: "recordFiltered", node: nodeId(b), fromNode: from(c), record: a };
    case StepKind.recordUnmatched:
      return { step, timeMs, kind: "recordUnmatched", node: nodeId(b), fromNode: from(c), record: a };
    case StepKind.recordBranched: {
      const node = model.app.topology[b]!;
      const index = c >>> 16;
      const branch =
        node.op === "branch"
          ? (node.branches[index]?.name ?? node.defaultBranch ?? "default")
          : String(index);
      return { step, timeMs, kind: "recordBranched", node: nodeId(b), fromNode: from(c), record: a, branch };
    }
    case StepKind.recordStored: {
      const node = model.app.topology[b]!;
      const store: "left" | "right" | "table" =
        node.op === "table" ? "table" : from(c) === node.inputs[0]?.node ? "left" : "right";
      const base = { step, timeMs, kind: "recordStored" as const, node: nodeId(b), record: a, store };
      const task = taskAtStep(d, step);
      if (c < 0) {
        const tp = graph.topicPartitions[-1 - c]!;
        return { ...base, fromNode: null, fromPartition: { topic: tp.topic, partition: tp.partition }, task };
      }
      return { ...base, fromNode: from(c), task };
    }
    case StepKind.recordJoined: {
      const node = model.app.topology[b]!;
      const joined = decodeJoinedOperand(c);
      const side: "left" | "right" = joined.side === 0 ? "left" : "right";
      const matched = joined.matched;
      return {
        step,
        timeMs,
        kind: "recordJoined",
        node: nodeId(b),
        fromNode: node.inputs[joined.side]?.node ?? null,
        input: trace.parents[a]!,
        record: a,
        matched: matched < 0 ? null : matched,
        how: JOINED_HOW[joined.how]!,
        side,
        task: taskAtStep(d, step),
      };
    }
    case StepKind.recordUnjoined: {
      const packedFrom = c >> 2;
      const reason = (["noMatch", "nullKey", "expired"] as const)[c & 3]!;
      const base = { step, timeMs, kind: "recordUnjoined" as const, node: nodeId(b), record: a, reason };
      const task = taskAtStep(d, step);
      if (packedFrom < 0) {
        const tp = graph.topicPartitions[-1 - packedFrom]!;
        return { ...base, fromNode: null, fromPartition: { topic: tp.topic, partition: tp.partition }, task };
      }
      return { ...base, fromNode: from(packedFrom), task };
    }
    case StepKind.recordWritten: {
      const node = model.app.topology[b]!;
      return {
        step,
        timeMs,
        kind: "recordWritten",
        node: nodeId(b),
        fromNode: from(c),
        record: a,
        topic: node.op === "sink" || node.op === "repartition" ? node.topic : "",
        partition: (c >>> 16) & 0xff,
        rule: PlacementRule[(c >>> 24) & 3]!,
      };
    }
    case StepKind.userFunctionFailed: {
      const extra = trace.extras[c] as { fromNode: number; message: string };
      return {
        step,
        timeMs,
        kind: "userFunctionFailed",
        node: nodeId(b),
        fromNode: extra.fromNode < 0 ? null : nodeId(extra.fromNode),
        record: a,
        message: extra.message,
      };
    }
    case StepKind.offsetCommitted: {
      const tp = graph.topicPartitions[b]!;
      return {
        step,
        timeMs,
        kind: "offsetCommitted",
        instance: instanceName(c),
        topic: tp.topic,
        partition: tp.partition,
        offset: a,
      };
    }
    case StepKind.groupChanged: {
      const payload = trace.extras[c] as GroupStepPayload;
      return {
        step,
        timeMs,
        kind: "groupChanged",
        mode: payload.mode,
        instance: a < 0 ? null : instanceName(a),
        generation: b,
        event: payload.event,
      };
    }
    case StepKind.recordSkipped: {
      const index = b & 0xffff;
      const tp = graph.topicPartitions[index]!;
      return {
        step,
        timeMs,
        kind: "recordSkipped",
        record: a,
        instance: instanceName(b >>> 16),
        task: taskIdOfTp(graph, index),
        topic: tp.topic,
        partition: tp.partition,
        offset: d.offsetOf?.(a, index) ?? -1,
        reason: trace.extras[c] as string,
      };
    }
    case StepKind.partitionChosen: {
      const decision = trace.extras[c] as ScheduleDecision;
      const ref = (i: number) => {
        const tp = graph.topicPartitions[i]!;
        return { topic: tp.topic, partition: tp.partition };
      };
      return {
        step,
        timeMs,
        kind: "partitionChosen",
        task: graph.tasks[a]!.id,
        ...ref(b),
        rule: decision.rule,
        candidates: decision.candidates.map((x) => ({ ...ref(x.tp), rank: x.rank })),
        empty: decision.empty.map(ref),
        maxTaskIdleMs: decision.maxTaskIdleMs,
        enforced: decision.enforced,
      };
    }
    case StepKind.taskIdled: {
      const tp = graph.topicPartitions[b]!;
      return {
        step,
        timeMs,
        kind: "taskIdled",
        task: graph.tasks[a]!.id,
        topic: tp.topic,
        partition: tp.partition,
        untilMs: c < 0 ? null : c,
      };
    }
    case StepKind.streamTimeAdvanced:
    case StepKind.streamTimeRestored:
      return {
        step,
        timeMs,
        kind: kind === StepKind.streamTimeAdvanced ? "streamTimeAdvanced" : "streamTimeRestored",
        task: graph.tasks[a]!.id,
        streamTimeMs: unpackTime(b, c),
      };
    case StepKind.watermarkAdvanced: {
      const tp = a < 0 ? graph.topicPartitions[-1 - a]! : null;
      return {
        step,
        timeMs,
        kind: "watermarkAdvanced",
        node: a < 0 ? null : nodeId(a & 0xffff),
        task: a < 0 ? null : graph.tasks[a >>> 16]!.id,
        topic: tp?.topic ?? null,
        partition: tp?.partition ?? null,
        watermarkMs: unpackTime(b, c),
        reason: trace.notes.get(step) ?? "",
      };
    }
    case StepKind.partitionIdleChanged: {
      const tp = graph.topicPartitions[a]!;
      return {
        step,
        timeMs,
        kind: "partitionIdleChanged",
        topic: tp.topic,
        partition: tp.partition,
        idle: b === 1,
        reason: trace.notes.get(step) ?? "",
      };
    }
    case StepKind.windowUpdated:
    case StepKind.windowEmitted:
    case StepKind.recordLate:
    case StepKind.recordToLateSideOutput:
    case StepKind.sessionMerged:
    case StepKind.windowClosed:
    case StepKind.windowExpired:
    case StepKind.windowAggregationFailed:
    case StepKind.windowRecordSkipped: {
      const extra = trace.extras[c] as { output: WindowOutput; input: number };
      return {
        step,
        timeMs,
        kind: WINDOW_KIND[kind]!,
        node: nodeId(b & 0xffff),
        task: graph.tasks[b >>> 16]!.id,
        record: a < 0 ? null : a,
        input: extra.input < 0 ? null : extra.input,
        output: extra.output,
      };
    }
    case StepKind.windowStoreRestored: {
      const restore = trace.extras[c] as WindowRestore;
      return {
        step,
        timeMs,
        kind: "windowStoreRestored",
        node: nodeId(a),
        task: graph.tasks[b]!.id,
        offsets: restore.offsets.map((o) => {
          const tp = graph.topicPartitions[o.tp]!;
          return { topic: tp.topic, partition: tp.partition, offset: o.offset };
        }),
        windows: restore.windows,
      };
    }
    default: {
      const unknown: never = kind;
      throw new Error(`unknown step kind ${unknown}`);
    }
  }
}
