import type { SimulationModel } from "../model";
import { PlacementRule } from "../partitioning/placement";
import type { GroupStepPayload } from "../runtime/groupDriver";
import type { TopologyGraph } from "../topology/topologyGraph";
import { decodeOperatorStep, isOperatorStepKind } from "./decodeOperatorStep";
import { decodeTimeStep, isTimeStepKind } from "./decodeTimeStep";
import type { TraceStep } from "./traceEvent";
import { StepKind, type TraceLog } from "./traceLog";

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
  const _from = (packed: number) => {
    const f = (packed & 0xffff) - 1;
    return f < 0 ? null : nodeId(f);
  };
  const kind = trace.kinds[step]! as StepKind;
  if (isTimeStepKind(kind)) return decodeTimeStep(d, step, kind);
  if (isOperatorStepKind(kind)) return decodeOperatorStep(d, step, kind);
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
    default: {
      const unknown: never = kind;
      throw new Error(`unknown step kind ${unknown}`);
    }
  }
}
