/**
 * `map`, `mapValues` and `selectKey`: a new record from the user's key and value functions (`KStream#map`,
 * `#mapValues`, `#selectKey`); the part an operator keeps is read back unchanged. A function that throws skips
 * the record.
 */
import type { Json, MapNode, MapValuesNode, RecordContext, RecordKey, SelectKeyNode } from "../../model";
import { stopOnValueLimit } from "../../values/valueLimitStop";
import type { Processor } from "../operatorEnv";
import { fanOut, type OperatorBuild } from "./operatorBuild";

const keepKey = (record: RecordContext): RecordKey => record.key;
const keepValue = (record: RecordContext): Json => record.value;

export function mapOperator(
  node: MapNode | MapValuesNode | SelectKeyNode,
  { self, children, env, recorder }: OperatorBuild,
): Processor {
  const next = fanOut(children(null), self);
  const ctx = env.context;
  const keyOf = node.op === "mapValues" ? keepKey : node.key;
  const valueOfRecord = node.op === "selectKey" ? keepValue : node.value;
  return (k, v, t, id, from) => {
    ctx.key = k;
    ctx.value = v;
    ctx.timestamp = t;
    let key: RecordKey;
    let value: Json;
    try {
      key = keyOf(ctx);
      value = valueOfRecord(ctx);
    } catch (error) {
      stopOnValueLimit(error, node, env.context);
      recorder.failed(id, from, error);
      return;
    }
    const out = recorder.derive(key, value, t, id);
    recorder.processed(out, from);
    next(key, value, t, out, self);
  };
}
