/**
 * `enrich`: the value an external service answers for the record, at the wall-clock time of the call (a lookup
 * outside the log, which is why reprocessing can give another answer).
 */
import type { EnrichNode, Json } from "../../model";
import { stopOnValueLimit } from "../../values/valueLimitStop";
import { enrichCall } from "../enrichCall";
import type { Processor } from "../operatorEnv";
import { fanOut, type OperatorBuild } from "./operatorBuild";

export function enrichOperator(
  node: EnrichNode,
  { self, children, env, recorder }: OperatorBuild,
): Processor {
  const next = fanOut(children(null), self);
  const call = enrichCall(env);
  const answer = node.value;
  return (k, v, t, id, from) => {
    let value: Json;
    try {
      value = answer(call(k, v, t));
    } catch (error) {
      stopOnValueLimit(error, node, env.context);
      recorder.failed(id, from, error);
      return;
    }
    const out = recorder.derive(k, value, t, id);
    recorder.processed(out, from);
    next(k, value, t, out, self);
  };
}
