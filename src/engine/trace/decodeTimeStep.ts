/**
 * Decodes the time and window steps of the columnar trace (kinds 30 and up: record skipped, partition chosen, task
 * idled, stream time, watermarks, idleness, window outputs, window store restored); `decodeStep.ts` lists their
 * operands.
 */
import type { WindowOutput } from "../aggregation/windowOutput";
import type { ScheduleDecision } from "../runtime/recordScheduler";
import { type DecodeContext, instanceName, taskIdOfTp } from "./decodeStep";
import type { TraceStep, WindowStepKind } from "./traceEvent";
import { StepKind, unpackTime, type WindowRestore } from "./traceLog";

const TIME_STEP_KINDS = [
  StepKind.recordSkipped,
  StepKind.partitionChosen,
  StepKind.taskIdled,
  StepKind.streamTimeAdvanced,
  StepKind.streamTimeRestored,
  StepKind.watermarkAdvanced,
  StepKind.partitionIdleChanged,
  StepKind.windowUpdated,
  StepKind.windowEmitted,
  StepKind.recordLate,
  StepKind.recordToLateSideOutput,
  StepKind.sessionMerged,
  StepKind.windowClosed,
  StepKind.windowExpired,
  StepKind.windowAggregationFailed,
  StepKind.windowRecordSkipped,
  StepKind.windowStoreRestored,
] as const;

export type TimeStepKind = (typeof TIME_STEP_KINDS)[number];

export function isTimeStepKind(kind: StepKind): kind is TimeStepKind {
  return (TIME_STEP_KINDS as readonly StepKind[]).includes(kind);
}

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

export function decodeTimeStep(d: DecodeContext, step: number, kind: TimeStepKind): TraceStep {
  const { trace, graph } = d;
  const a = trace.a[step]!;
  const b = trace.b[step]!;
  const c = trace.c[step]!;
  const timeMs = trace.timeOf(step);
  const nodeId = (i: number) => graph.nodes[i]!.id;
  switch (kind) {
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
