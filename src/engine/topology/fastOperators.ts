/**
 * The fast path's operators: each node compiled into a closure that calls its children directly, recording
 * nothing. Semantics are those of `tracedOperators.ts`; keep the two in step (the determinism tests compare the
 * outputs of both paths on every built-in scenario).
 */

import type { WindowOutput } from "../aggregation/windowOutput";
import type { Json, RecordContext, RecordKey, TopologyNode } from "../model";
import { flatMapRecords, flatMapValues, type OperatorEnv, type Processor } from "./operatorEnv";
import { WindowedTasks, windowResult } from "./windowedTasks";

const keepKey = (record: RecordContext): RecordKey => record.key;
const keepValue = (record: RecordContext): Json => record.value;

function fanOut(children: Processor[], self: number): Processor {
  if (children.length === 1) {
    const only = children[0]!;
    return (k, v, t, id) => only(k, v, t, id, self);
  }
  return (k, v, t, id) => {
    for (let i = 0; i < children.length; i++) children[i]!(k, v, t, id, self);
  };
}

/**
 * Compiles one node. `children(branch)` gives the processors listening to the node (to one branch of it).
 * A user function that throws skips the record (Kafka Streams' `LogAndContinueExceptionHandler`).
 */
export function compileFastOperator(
  node: TopologyNode,
  self: number,
  children: (branch: string | null) => Processor[],
  env: OperatorEnv,
): Processor {
  const ctx = env.context;
  switch (node.op) {
    case "source":
    case "merge":
    case "peek":
      return fanOut(children(null), self);
    case "map":
    case "mapValues":
    case "selectKey": {
      // One closure for the three: the part an operator keeps is read back unchanged.
      const next = fanOut(children(null), self);
      const keyOf = node.op === "mapValues" ? keepKey : node.key;
      const valueOfRecord = node.op === "selectKey" ? keepValue : node.value;
      return (k, v, t, id) => {
        ctx.key = k;
        ctx.value = v;
        ctx.timestamp = t;
        let key: typeof k;
        let value: typeof v;
        try {
          key = keyOf(ctx);
          value = valueOfRecord(ctx);
        } catch {
          return;
        }
        next(key, value, t, id, self);
      };
    }
    case "filter": {
      const next = fanOut(children(null), self);
      return (k, v, t, id) => {
        ctx.key = k;
        ctx.value = v;
        ctx.timestamp = t;
        let keep: unknown;
        try {
          keep = node.predicate(ctx);
        } catch {
          return;
        }
        if (keep) next(k, v, t, id, self);
      };
    }
    case "flatMap":
    case "flatMapValues": {
      const next = fanOut(children(null), self);
      return (k, v, t, id) => {
        ctx.key = k;
        ctx.value = v;
        ctx.timestamp = t;
        let out: { key: RecordKey; value: Json }[];
        try {
          out =
            node.op === "flatMap"
              ? flatMapRecords(node.records(ctx))
              : flatMapValues(node.values(ctx)).map((value) => ({ key: k, value }));
        } catch {
          return;
        }
        for (const r of out) next(r.key, r.value ?? null, t, id, self);
      };
    }
    case "branch": {
      const targets = node.branches.map((b) => fanOut(children(b.name), self));
      const fallback = node.defaultBranch === null ? null : fanOut(children(node.defaultBranch), self);
      const predicates = node.branches.map((b) => b.predicate);
      return (k, v, t, id) => {
        ctx.key = k;
        ctx.value = v;
        ctx.timestamp = t;
        let match = -1;
        try {
          for (let i = 0; i < predicates.length && match < 0; i++) if (predicates[i]!(ctx)) match = i;
        } catch {
          return;
        }
        if (match >= 0) targets[match]!(k, v, t, id, self);
        else fallback?.(k, v, t, id, self);
      };
    }
    case "sink": {
      const place = env.sinkPlacement(self);
      const topic = node.topic;
      return (k, v, t, id) => {
        ctx.key = k;
        ctx.value = v;
        ctx.timestamp = t;
        let placement: number;
        try {
          placement = place(k, v, undefined);
        } catch {
          return;
        }
        env.sinkAppend(topic, placement >> 2, k, v, t, id);
      };
    }
    case "windowedAggregate": {
      const next = fanOut(children(null), self);
      const late = fanOut(children("late"), self);
      const tasks = new WindowedTasks(node);
      const forward = (outputs: WindowOutput[], id: number, t: number) => {
        for (const out of outputs) {
          if (out.kind === "lateSideOutput") {
            late(out.record.key, out.record.value, out.record.timestamp, id, self);
            continue;
          }
          const result = windowResult(out, t);
          if (result !== null) next(result.key, result.value, result.timestamp, id, self);
        }
      };
      env.registerWindowed(self, {
        advanceWatermark: (task, watermark) => forward(tasks.core(task).advanceWatermark(watermark), -1, 0),
        snapshot: (task) => tasks.snapshot(task),
        restore: (task, snapshot) => tasks.restore(task, snapshot),
      });
      return (k, v, t, id) =>
        forward(tasks.core(env.task).process({ key: k, value: v, timestamp: t }), id, t);
    }
    default: {
      const unknown: never = node;
      throw new Error(`unknown operator ${(unknown as TopologyNode).op}`);
    }
  }
}
