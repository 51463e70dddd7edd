/**
 * `flatMap` and `flatMapValues`: zero or more records from one (`KStream#flatMap`, `#flatMapValues`); each output is
 * a new record version, and no output at all reads as the record being filtered out.
 */
import type { FlatMapNode, FlatMapValuesNode, Json, RecordKey } from "../../model";
import { stopOnValueLimit } from "../../values/valueLimitStop";
import { flatMapRecords, flatMapValues, type Processor } from "../operatorEnv";
import { fanOut, type OperatorBuild } from "./operatorBuild";

export function flatMapOperator(
  node: FlatMapNode | FlatMapValuesNode,
  { self, children, env, recorder }: OperatorBuild,
): Processor {
  const next = fanOut(children(null), self);
  const ctx = env.context;
  return (k, v, t, id, from) => {
    ctx.key = k;
    ctx.value = v;
    ctx.timestamp = t;
    let out: { key: RecordKey; value: Json }[];
    try {
      out =
        node.op === "flatMap"
          ? flatMapRecords(node.records(ctx))
          : flatMapValues(node.values(ctx)).map((value) => ({ key: k, value }));
    } catch (error) {
      stopOnValueLimit(error, node, env.context);
      recorder.failed(id, from, error);
      return;
    }
    if (out.length === 0) {
      recorder.filtered(id, from);
      return;
    }
    for (const r of out) {
      const value = r.value ?? null;
      const version = recorder.derive(r.key, value, t, id);
      recorder.processed(version, from);
      next(r.key, value, t, version, self);
    }
  };
}
