/**
 * `join`: a windowed stream–stream join (`KStreamKStreamJoin`). Each task keeps both sides' records for the join
 * window (`streamStreamJoin.ts`); an arriving record joins every record of the other side within the window, and in
 * a left join a left record without a match is joined with null once its window closes (or at once when it can
 * never match).
 */
import { JoinedHow, joinedOperand } from "../../joins/joinedHow";
import { JoinSide, StreamStreamJoinTask, UnjoinedReason } from "../../joins/streamStreamJoin";
import { TaskStores } from "../../joins/taskStores";
import type { JoinNode, Json, RecordKey } from "../../model";
import { stopOnValueLimit } from "../../values/valueLimitStop";
import { joinContext } from "../joinContext";
import type { Processor } from "../operatorEnv";
import { fanOut, type OperatorBuild } from "./operatorBuild";

export function joinOperator(node: JoinNode, { self, children, env, recorder }: OperatorBuild): Processor {
  const next = fanOut(children(null), self);
  const left = env.nodeIndex(node.inputs[0]!.node);
  const tasks = new TaskStores(() => new StreamStreamJoinTask(node, node.type === "left"));
  env.taskState.register(self, tasks);
  const jctx = joinContext();
  /** Joins `l` and `r` into a record (a child of `parent`) and forwards it. */
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
      stopOnValueLimit(error, node, env.context);
      recorder.failed(parent, from, error);
      return;
    }
    const out = recorder.derive(k, value, timestamp, parent);
    recorder.joined(out, operand, note);
    next(k, value, timestamp, out, self);
  };
  return (k, v, t, id, from) => {
    const side = from === left ? JoinSide.left : JoinSide.right;
    const outcome = tasks.of(env.context.partition).arrive(side, k, v, t, id, env.wallClockMs());
    if (outcome.kind === "skipped") {
      recorder.unjoined(id, from, outcome.reason);
      return;
    }
    if (outcome.kind === "unmatchable") {
      emit(k, v, null, t, id, from, joinedOperand(-1, JoinedHow.atOnce, side));
      return;
    }
    if (outcome.closed.length > 0) {
      // The stream time that closed their windows goes with the step, for the narration.
      const closedOperand = joinedOperand(-1, JoinedHow.windowClosed, JoinSide.left);
      const note = recorder.detailed ? String(outcome.streamTime) : undefined;
      for (const waiting of outcome.closed) {
        const { key, value, timestamp } = waiting;
        emit(key, value, null, timestamp, waiting.id, left, closedOperand, note);
      }
    }
    if (outcome.stored) recorder.stored(id, from);
    else if (outcome.matches.length === 0 && outcome.unmatched === "none") {
      recorder.unjoined(id, from, UnjoinedReason.expired);
      return;
    }
    for (const match of outcome.matches) {
      const l = side === JoinSide.left ? v : match.value;
      const r = side === JoinSide.left ? match.value : v;
      emit(k, l, r, Math.max(t, match.timestamp), id, from, joinedOperand(match.id, JoinedHow.matched, side));
    }
    if (outcome.unmatched === "now") emit(k, v, null, t, id, from, joinedOperand(-1, JoinedHow.atOnce, side));
  };
}
