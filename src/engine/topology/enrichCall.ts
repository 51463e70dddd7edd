/**
 * The context an `enrich` expression runs on: the record and the source it came from (as for every operator), plus
 * `now`, the wall-clock time at which the external system answers. One object per operator, reused per call.
 */
import type { EnrichContext, Json, RecordKey } from "../model";
import type { OperatorEnv } from "./operatorEnv";

export function enrichCall(
  env: OperatorEnv,
): (key: RecordKey, value: Json, timestamp: number) => EnrichContext {
  const context: EnrichContext = {
    key: null,
    value: null,
    timestamp: 0,
    partition: 0,
    offset: 0,
    topic: "",
    now: 0,
  };
  return (key, value, timestamp) => {
    const source = env.context;
    context.key = key;
    context.value = value;
    context.timestamp = timestamp;
    context.topic = source.topic;
    context.partition = source.partition;
    context.offset = source.offset;
    context.now = env.wallClockMs();
    return context;
  };
}
