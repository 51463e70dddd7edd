/**
 * Decodes the steps operators record (a record processed, filtered, branched, unmatched, stored, joined, unjoined,
 * written, or a user function that failed on it); `decodeStep.ts` lists their operands.
 */
import { decodeJoinedOperand } from "../joins/joinedHow";
import { PlacementRule } from "../partitioning/placement";
import type { DecodeContext } from "./decodeStep";
import { taskAtStep } from "./taskAtStep";
import type { TraceStep } from "./traceEvent";
import { StepKind } from "./traceLog";

const OPERATOR_STEP_KINDS = [
  StepKind.recordProcessed,
  StepKind.recordFiltered,
  StepKind.recordUnmatched,
  StepKind.recordBranched,
  StepKind.recordStored,
  StepKind.recordJoined,
  StepKind.recordUnjoined,
  StepKind.recordWritten,
  StepKind.userFunctionFailed,
] as const;

export type OperatorStepKind = (typeof OPERATOR_STEP_KINDS)[number];

export function isOperatorStepKind(kind: StepKind): kind is OperatorStepKind {
  return (OPERATOR_STEP_KINDS as readonly StepKind[]).includes(kind);
}

const JOINED_HOW = ["matched", "windowClosed", "atOnce"] as const;

export function decodeOperatorStep(d: DecodeContext, step: number, kind: OperatorStepKind): TraceStep {
  const { trace, graph, model } = d;
  const a = trace.a[step]!;
  const b = trace.b[step]!;
  const c = trace.c[step]!;
  const timeMs = trace.timeOf(step);
  const nodeId = (i: number) => graph.nodes[i]!.id;
  const from = (packed: number) => {
    const f = (packed & 0xffff) - 1;
    return f < 0 ? null : nodeId(f);
  };
  switch (kind) {
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
    default: {
      const unknown: never = kind;
      throw new Error(`unknown step kind ${unknown}`);
    }
  }
}
