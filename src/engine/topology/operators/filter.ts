/** `filter`: records for which the predicate holds pass on; the others are dropped (`KStream#filter`). */
import type { FilterNode } from "../../model";
import { stopOnValueLimit } from "../../values/valueLimitStop";
import type { Processor } from "../operatorEnv";
import { fanOut, type OperatorBuild } from "./operatorBuild";

export function filterOperator(
  node: FilterNode,
  { self, children, env, recorder }: OperatorBuild,
): Processor {
  const next = fanOut(children(null), self);
  const ctx = env.context;
  const predicate = node.predicate;
  return (k, v, t, id, from) => {
    ctx.key = k;
    ctx.value = v;
    ctx.timestamp = t;
    let keep: unknown;
    try {
      keep = predicate(ctx);
    } catch (error) {
      stopOnValueLimit(error, node, env.context);
      recorder.failed(id, from, error);
      return;
    }
    if (!keep) {
      recorder.filtered(id, from);
      return;
    }
    recorder.processed(id, from);
    next(k, v, t, id, self);
  };
}
