/**
 * `source`: a record fetched from one of the node's topics enters the topology. Its extracted timestamp becomes
 * the record's timestamp downstream (a new version when it differs from the produced one).
 */
import type { SourceNode } from "../../model";
import type { Processor } from "../operatorEnv";
import { fanOut, type OperatorBuild } from "./operatorBuild";

export function sourceOperator(_node: SourceNode, { self, children, recorder }: OperatorBuild): Processor {
  const next = fanOut(children(null), self);
  return (k, v, t, id, from) => {
    const out = recorder.sourced(k, v, t, id);
    recorder.processed(out, from);
    next(k, v, t, out, self);
  };
}
