/**
 * The fast path's operators: each node compiled into a closure that calls its children directly, recording
 * nothing. Semantics are those of `tracedOperators.ts`; keep the two in step (the determinism tests compare the
 * outputs of both paths on every built-in scenario).
 */

import { createWindowedAggregation } from "../aggregation";
import type { WindowOutput } from "../aggregation/windowOutput";
import { JoinSide, StreamStreamJoinTask } from "../joins/streamStreamJoin";
import { TableStore } from "../joins/tableStore";
import { TaskStores } from "../joins/taskStores";
import type { Json, RecordContext, RecordKey, TopologyNode } from "../model";
import { enrichCall } from "./enrichCall";
import { joinContext } from "./joinContext";
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
    case "enrich": {
      const next = fanOut(children(null), self);
      const call = enrichCall(env);
      const answer = node.value;
      return (k, v, t, id) => {
        let value: typeof v;
        try {
          value = answer(call(k, v, t));
        } catch {
          return;
        }
        next(k, value, t, id, self);
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
    case "table": {
      // The table's rows live in each joinTable's per-task copy, updated by what the table forwards.
      const next = fanOut(children(null), self);
      return (k, v, t, id) => {
        if (k !== null) next(k, v, t, id, self);
      };
    }
    case "join": {
      const next = fanOut(children(null), self);
      const left = env.nodeIndex(node.inputs[0]!.node);
      const tasks = new TaskStores(() => new StreamStreamJoinTask(node, node.type === "left"));
      env.taskState.register(self, tasks);
      const jctx = joinContext();
      const emit = (k: RecordKey, l: Json, r: Json, timestamp: number, id: number) => {
        jctx.key = k;
        jctx.left = l;
        jctx.right = r;
        jctx.timestamp = timestamp;
        let value: Json;
        try {
          value = node.joiner(jctx);
        } catch {
          return;
        }
        next(k, value, timestamp, id, self);
      };
      return (k, v, t, id, from) => {
        const side = from === left ? JoinSide.left : JoinSide.right;
        const outcome = tasks.of(ctx.partition).arrive(side, k, v, t, id, env.wallClockMs());
        if (outcome.kind === "skipped") return;
        if (outcome.kind === "unmatchable") {
          emit(k, v, null, t, id);
          return;
        }
        for (const waiting of outcome.closed) {
          emit(waiting.key, waiting.value, null, waiting.timestamp, waiting.id);
        }
        for (const match of outcome.matches) {
          const l = side === JoinSide.left ? v : match.value;
          const r = side === JoinSide.left ? match.value : v;
          emit(k, l, r, Math.max(t, match.timestamp), id);
        }
        if (outcome.unmatched === "now") emit(k, v, null, t, id);
      };
    }
    case "joinTable": {
      const next = fanOut(children(null), self);
      const table = env.nodeIndex(node.inputs[1]!.node);
      const tasks = new TaskStores(() => new TableStore());
      env.taskState.register(self, tasks);
      const jctx = joinContext();
      const inner = node.type === "inner";
      return (k, v, t, id, from) => {
        const rows = tasks.of(ctx.partition);
        if (from === table) {
          rows.upsert(k, { value: v, timestamp: t, id });
          return;
        }
        if (k === null || v === null) return;
        const row = rows.get(k);
        if (row === undefined && inner) return;
        jctx.key = k;
        jctx.left = v;
        jctx.right = row === undefined ? null : row.value;
        jctx.timestamp = t;
        let value: Json;
        try {
          value = node.joiner(jctx);
        } catch {
          return;
        }
        next(k, value, t, id, self);
      };
    }
    case "repartition":
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
      const tasks = new WindowedTasks(node, createWindowedAggregation);
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
