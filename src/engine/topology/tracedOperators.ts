/**
 * The recording path's operators: the same semantics as `fastOperators.ts`, and every arrival of a record at a
 * node is one trace step saying what the node did with it. A node that changes a record creates a new record
 * version whose parent is the input, so lineage can be followed back to the produced record.
 */
import type { WindowOutput } from "../aggregation/windowOutput";
import { JoinedHow, joinedOperand } from "../joins/joinedHow";
import { JoinSide, StreamStreamJoinTask, UnjoinedReason } from "../joins/streamStreamJoin";
import { TableStore } from "../joins/tableStore";
import { TaskStores } from "../joins/taskStores";
import type { Json, RecordKey, TopologyNode } from "../model";
import { SimulationError } from "../runtime/simulationError";
import { formatJson } from "../trace/formatRecord";
import { StepKind, type TraceLog, WINDOW_STEP } from "../trace/traceLog";
import { enrichCall } from "./enrichCall";
import { joinContext } from "./joinContext";
import {
  failureMessage,
  flatMapRecords,
  flatMapValues,
  type OperatorEnv,
  type Processor,
} from "./operatorEnv";
import { type WindowedAggregationFactory, WindowedTasks, windowResult } from "./windowedTasks";

function forwardAll(children: Processor[], self: number): Processor {
  return (k, v, t, id) => {
    for (let i = 0; i < children.length; i++) children[i]!(k, v, t, id, self);
  };
}

export function compileTracedOperator(
  node: TopologyNode,
  self: number,
  children: (branch: string | null) => Processor[],
  env: OperatorEnv,
  trace: TraceLog,
  /** Windowed aggregation cores; null when the run has no windowed nodes (or their code is not loaded). */
  windowedAggregation: WindowedAggregationFactory | null,
): Processor {
  const ctx = env.context;
  const failed = (id: number, from: number, error: unknown) => {
    trace.push(
      StepKind.userFunctionFailed,
      id,
      self,
      trace.addExtra({ fromNode: from, message: failureMessage(error) }),
    );
  };
  const processed = (id: number, from: number) => trace.push(StepKind.recordProcessed, id, self, from + 1);
  const derive = (k: RecordKey, v: Json, t: number, parent: number) =>
    trace.addVersion(k, v, t, parent, self);
  const setContext = (k: RecordKey, v: Json, t: number) => {
    ctx.key = k;
    ctx.value = v;
    ctx.timestamp = t;
  };

  switch (node.op) {
    case "peek": {
      const next = forwardAll(children(null), self);
      const label = node.label;
      return (k, v, t, id, from) => {
        processed(id, from);
        if (label !== null) {
          setContext(k, v, t);
          let text: string;
          try {
            text = formatJson(label(ctx));
          } catch (error) {
            text = `(label failed: ${failureMessage(error)})`;
          }
          trace.notes.set(trace.length - 1, text);
        }
        next(k, v, t, id, self);
      };
    }
    case "source": {
      const next = forwardAll(children(null), self);
      return (k, v, t, id, from) => {
        // The extracted timestamp becomes the record's timestamp downstream: a new version when it differs.
        const out = trace.timestamps[id] === t ? id : derive(k, v, t, id);
        processed(out, from);
        next(k, v, t, out, self);
      };
    }
    case "merge": {
      const next = forwardAll(children(null), self);
      return (k, v, t, id, from) => {
        processed(id, from);
        next(k, v, t, id, self);
      };
    }
    case "map":
    case "mapValues":
    case "selectKey": {
      const next = forwardAll(children(null), self);
      return (k, v, t, id, from) => {
        setContext(k, v, t);
        let key = k;
        let value = v;
        try {
          if (node.op !== "mapValues") key = node.key(ctx);
          if (node.op !== "selectKey") value = node.value(ctx);
        } catch (error) {
          failed(id, from, error);
          return;
        }
        const out = derive(key, value, t, id);
        processed(out, from);
        next(key, value, t, out, self);
      };
    }
    case "enrich": {
      const next = forwardAll(children(null), self);
      const call = enrichCall(env);
      const answer = node.value;
      return (k, v, t, id, from) => {
        let value: typeof v;
        try {
          value = answer(call(k, v, t));
        } catch (error) {
          failed(id, from, error);
          return;
        }
        const out = derive(k, value, t, id);
        processed(out, from);
        next(k, value, t, out, self);
      };
    }
    case "filter": {
      const next = forwardAll(children(null), self);
      return (k, v, t, id, from) => {
        setContext(k, v, t);
        let keep: unknown;
        try {
          keep = node.predicate(ctx);
        } catch (error) {
          failed(id, from, error);
          return;
        }
        if (!keep) {
          trace.push(StepKind.recordFiltered, id, self, from + 1);
          return;
        }
        processed(id, from);
        next(k, v, t, id, self);
      };
    }
    case "flatMap":
    case "flatMapValues": {
      const next = forwardAll(children(null), self);
      return (k, v, t, id, from) => {
        setContext(k, v, t);
        let out: { key: RecordKey; value: Json }[];
        try {
          out =
            node.op === "flatMap"
              ? flatMapRecords(node.records(ctx))
              : flatMapValues(node.values(ctx)).map((value) => ({ key: k, value }));
        } catch (error) {
          failed(id, from, error);
          return;
        }
        if (out.length === 0) {
          trace.push(StepKind.recordFiltered, id, self, from + 1);
          return;
        }
        for (const r of out) {
          const value = r.value ?? null;
          const version = derive(r.key, value, t, id);
          processed(version, from);
          next(r.key, value, t, version, self);
        }
      };
    }
    case "branch": {
      const targets = node.branches.map((b) => forwardAll(children(b.name), self));
      const fallback = node.defaultBranch === null ? null : forwardAll(children(node.defaultBranch), self);
      const predicates = node.branches.map((b) => b.predicate);
      return (k, v, t, id, from) => {
        setContext(k, v, t);
        let match = -1;
        try {
          for (let i = 0; i < predicates.length && match < 0; i++) if (predicates[i]!(ctx)) match = i;
        } catch (error) {
          failed(id, from, error);
          return;
        }
        if (match < 0 && fallback === null) {
          trace.push(StepKind.recordUnmatched, id, self, from + 1);
          return;
        }
        const branchIndex = match < 0 ? predicates.length : match;
        trace.push(StepKind.recordBranched, id, self, (from + 1) | (branchIndex << 16));
        (match < 0 ? fallback! : targets[match]!)(k, v, t, id, self);
      };
    }
    case "table": {
      // KTableSource: a null key cannot be stored; otherwise the row is upserted (a null value deletes it). The rows
      // live in each joinTable's per-task copy, updated by what the table forwards.
      const next = forwardAll(children(null), self);
      return (k, v, t, id, from) => {
        // As at a source: the extracted timestamp becomes the record's timestamp, a new version when it differs.
        const out = trace.timestamps[id] === t ? id : derive(k, v, t, id);
        if (k === null) {
          trace.push(StepKind.recordUnjoined, out, self, ((from + 1) << 2) | UnjoinedReason.nullKey);
          return;
        }
        trace.push(StepKind.recordStored, out, self, from + 1);
        next(k, v, t, out, self);
      };
    }
    case "join": {
      const next = forwardAll(children(null), self);
      const left = env.nodeIndex(node.inputs[0]!.node);
      const tasks = new TaskStores(() => new StreamStreamJoinTask(node, node.type === "left"));
      env.taskState.register(self, tasks);
      const jctx = joinContext();
      /** Joins `l` and `r`, records the output (a child of `parent`) and forwards it. */
      const emit = (
        k: RecordKey,
        l: Json,
        r: Json,
        timestamp: number,
        parent: number,
        from: number,
        operand: number,
        note?: string,
      ) => {
        jctx.key = k;
        jctx.left = l;
        jctx.right = r;
        jctx.timestamp = timestamp;
        let value: Json;
        try {
          value = node.joiner(jctx);
        } catch (error) {
          failed(parent, from, error);
          return;
        }
        const out = derive(k, value, timestamp, parent);
        trace.push(StepKind.recordJoined, out, self, operand);
        if (note !== undefined) trace.notes.set(trace.length - 1, note);
        next(k, value, timestamp, out, self);
      };
      return (k, v, t, id, from) => {
        const side = from === left ? JoinSide.left : JoinSide.right;
        const outcome = tasks.of(ctx.partition).arrive(side, k, v, t, id, env.wallClockMs());
        if (outcome.kind === "skipped") {
          trace.push(StepKind.recordUnjoined, id, self, ((from + 1) << 2) | outcome.reason);
          return;
        }
        if (outcome.kind === "unmatchable") {
          emit(k, v, null, t, id, from, joinedOperand(-1, JoinedHow.atOnce, side));
          return;
        }
        // The stream time that closed their windows goes with the step, for the narration.
        const closedOperand = joinedOperand(-1, JoinedHow.windowClosed, JoinSide.left);
        for (const waiting of outcome.closed) {
          const { key, value, timestamp } = waiting;
          emit(key, value, null, timestamp, waiting.id, left, closedOperand, String(outcome.streamTime));
        }
        if (outcome.stored) trace.push(StepKind.recordStored, id, self, from + 1);
        else if (outcome.matches.length === 0 && outcome.unmatched === "none") {
          trace.push(StepKind.recordUnjoined, id, self, ((from + 1) << 2) | UnjoinedReason.expired);
          return;
        }
        for (const match of outcome.matches) {
          const l = side === JoinSide.left ? v : match.value;
          const r = side === JoinSide.left ? match.value : v;
          emit(
            k,
            l,
            r,
            Math.max(t, match.timestamp),
            id,
            from,
            joinedOperand(match.id, JoinedHow.matched, side),
          );
        }
        if (outcome.unmatched === "now")
          emit(k, v, null, t, id, from, joinedOperand(-1, JoinedHow.atOnce, side));
      };
    }
    case "joinTable": {
      const next = forwardAll(children(null), self);
      const table = env.nodeIndex(node.inputs[1]!.node);
      const tasks = new TaskStores(() => new TableStore());
      env.taskState.register(self, tasks);
      const jctx = joinContext();
      const inner = node.type === "inner";
      return (k, v, t, id, from) => {
        const rows = tasks.of(ctx.partition);
        if (from === table) {
          // The table node already recorded the update.
          rows.upsert(k, { value: v, timestamp: t, id });
          return;
        }
        // KStreamKTableJoinProcessor: a null key or value is skipped; the lookup happens now, in this task's table.
        if (k === null || v === null) {
          trace.push(StepKind.recordUnjoined, id, self, ((from + 1) << 2) | UnjoinedReason.nullKey);
          return;
        }
        const row = rows.get(k);
        if (row === undefined && inner) {
          trace.push(StepKind.recordUnjoined, id, self, ((from + 1) << 2) | UnjoinedReason.noMatch);
          return;
        }
        jctx.key = k;
        jctx.left = v;
        jctx.right = row === undefined ? null : row.value;
        jctx.timestamp = t;
        let value: Json;
        try {
          value = node.joiner(jctx);
        } catch (error) {
          failed(id, from, error);
          return;
        }
        const out = derive(k, value, t, id);
        const how = row === undefined ? JoinedHow.atOnce : JoinedHow.matched;
        const operand = joinedOperand(row === undefined ? -1 : row.id, how, JoinSide.left);
        trace.push(StepKind.recordJoined, out, self, operand);
        next(k, value, t, out, self);
      };
    }
    case "repartition":
    case "sink": {
      const place = env.sinkPlacement(self);
      const topic = node.topic;
      return (k, v, t, id, from) => {
        setContext(k, v, t);
        let placement: number;
        try {
          placement = place(k, v, undefined);
        } catch (error) {
          failed(id, from, error);
          return;
        }
        // The record written to the output topic is a new record (new offset, new partition).
        const out = derive(k, v, t, id);
        trace.push(
          StepKind.recordWritten,
          out,
          self,
          (from + 1) | ((placement >> 2) << 16) | ((placement & 3) << 24),
        );
        env.sinkAppend(topic, placement >> 2, k, v, t, out);
      };
    }
    case "windowedAggregate": {
      const next = forwardAll(children(null), self);
      const late = forwardAll(children("late"), self);
      if (!windowedAggregation) {
        throw new SimulationError(
          `app.topology[${self}] "${node.id}": the windowed aggregation code is still loading; open the scenario again`,
        );
      }
      const tasks = new WindowedTasks(node, windowedAggregation);
      // One step per output, with the core's reason; a forwarded result is a new record version.
      const forward = (outputs: WindowOutput[], id: number, t: number) => {
        const where = self | (env.task << 16);
        for (const out of outputs) {
          const extra = trace.addExtra({ output: out, input: id });
          const kind = WINDOW_STEP[out.kind];
          if (out.kind === "lateSideOutput") {
            trace.push(kind, id, where, extra);
            late(out.record.key, out.record.value, out.record.timestamp, id, self);
            continue;
          }
          const result = windowResult(out, t);
          if (result === null) {
            trace.push(kind, id, where, extra);
            continue;
          }
          const version = derive(result.key, result.value, result.timestamp, id);
          trace.push(kind, version, where, extra);
          next(result.key, result.value, result.timestamp, version, self);
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
