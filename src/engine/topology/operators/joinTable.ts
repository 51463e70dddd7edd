/**
 * `joinTable`: a stream–table join (`KStreamKTableJoinProcessor`). The table's updates are upserted into this task's
 * copy of the table; a stream record looks its key up there at once (a null key or value is skipped); an inner join
 * drops a record without a row, a left join joins it with null.
 */
import { JoinedHow, joinedOperand } from "../../joins/joinedHow";
import { JoinSide, UnjoinedReason } from "../../joins/streamStreamJoin";
import { TableStore } from "../../joins/tableStore";
import { TaskStores } from "../../joins/taskStores";
import type { JoinTableNode, Json } from "../../model";
import { stopOnValueLimit } from "../../values/valueLimitStop";
import { joinContext } from "../joinContext";
import type { Processor } from "../operatorEnv";
import { fanOut, type OperatorBuild } from "./operatorBuild";

export function joinTableOperator(
  node: JoinTableNode,
  { self, children, env, recorder }: OperatorBuild,
): Processor {
  const next = fanOut(children(null), self);
  const table = env.nodeIndex(node.inputs[1]!.node);
  const tasks = new TaskStores(() => new TableStore());
  env.taskState.register(self, tasks);
  const jctx = joinContext();
  const inner = node.type === "inner";
  return (k, v, t, id, from) => {
    const rows = tasks.of(env.context.partition);
    if (from === table) {
      // The table node already recorded the update.
      rows.upsert(k, { value: v, timestamp: t, id });
      return;
    }
    if (k === null || v === null) {
      recorder.unjoined(id, from, UnjoinedReason.nullKey);
      return;
    }
    const row = rows.get(k);
    if (row === undefined && inner) {
      recorder.unjoined(id, from, UnjoinedReason.noMatch);
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
      stopOnValueLimit(error, node, env.context);
      recorder.failed(id, from, error);
      return;
    }
    const out = recorder.derive(k, value, t, id);
    const how = row === undefined ? JoinedHow.atOnce : JoinedHow.matched;
    recorder.joined(out, joinedOperand(row === undefined ? -1 : row.id, how, JoinSide.left));
    next(k, value, t, out, self);
  };
}
