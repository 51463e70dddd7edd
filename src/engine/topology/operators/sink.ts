/**
 * `sink` and `repartition`: the record is written to a topic, to the partition its partitioner picks (Kafka
 * Streams writes repartition topics with the default partitioner, murmur2 of the key). The written record is a new
 * record: new offset, new partition.
 */
import type { RepartitionNode, SinkNode } from "../../model";
import { stopOnValueLimit } from "../../values/valueLimitStop";
import type { Processor } from "../operatorEnv";
import type { OperatorBuild } from "./operatorBuild";

export function sinkOperator(
  node: SinkNode | RepartitionNode,
  { self, env, recorder }: OperatorBuild,
): Processor {
  const place = env.sinkPlacement(self);
  const topic = node.topic;
  const ctx = env.context;
  return (k, v, t, id, from) => {
    ctx.key = k;
    ctx.value = v;
    ctx.timestamp = t;
    let placement: number;
    try {
      placement = place(k, v, undefined);
    } catch (error) {
      stopOnValueLimit(error, node, env.context);
      recorder.failed(id, from, error);
      return;
    }
    const out = recorder.derive(k, v, t, id);
    recorder.written(out, from, placement);
    env.sinkAppend(topic, placement >> 2, k, v, t, out);
  };
}
